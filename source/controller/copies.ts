/**
 * Copies in and out of containers (docker cp), each watched in its own view and cancellable:
 * its progress reaches the store about ten times a second with the rate (and the percentage and
 * time left when the size is known), the container's row says how far it got, `x` cancels it.
 * Copying out, entries that exist on the host are asked about once the archive was read: the
 * view asks (y replaces them, n keeps them and nothing is copied). The outcome counts what was
 * written and refused, and the view lists every refused entry with its reason. Each copy is one
 * entry of the command log, ✗ unless it was carried out.
 */
import {keyFor} from '../commands/keymap.js';
import {lstatSync, statSync} from 'node:fs';
import type {CopyService, CopySpec} from '../commands/command-services.js';
import {EngineError, type CopyInResult, type CopyOutResult, type CopyProgress, type Engine} from '../engine/types.js';
import {cliFor} from '../format/cli-for.js';
import {bytePercent} from '../format/byte-progress.js';
import {formatBytes} from '../format/format.js';
import {plural} from '../format/plural.js';
import {copyOf} from '../state/copies-reducer.js';
import type {CopyJob} from '../state/copy-types.js';
import type {Store} from '../state/store.js';
import type {ActionRunner} from './action-runner.js';
import {createRateMeter} from './byte-rate.js';
import {message} from './image-host.js';
import {throttle} from './throttle.js';
import {PROGRESS_INTERVAL_MS} from './transfers.js';

export interface Copies extends CopyService {
	running(): string[];
	/** Cancels every copy (berth is closing). */
	stop(): void;
}

function outText(job: CopyJob, result: CopyOutResult, v: string): string {
	const parts = [plural(result.files, 'file'), ...(result.directories ? [plural(result.directories, 'directory', 'directories')] : []), ...(result.symlinks ? [plural(result.symlinks, 'link')] : [])];
	const replaced = result.replaced.length ? `; replaced ${result.replaced.length} that existed` : '';
	const refused = result.refused.length ? `; refused ${result.refused.length} (${v} shows which and why)` : '';
	return `Copied ${parts.join(', ')} (${formatBytes(result.bytes)}) from ${job.container.name}:${job.from} to ${result.destination}${replaced}${refused}`;
}

function inText(job: CopyJob, result: CopyInResult, v: string): string {
	const parts = [plural(result.files, 'file'), ...(result.directories ? [plural(result.directories, 'directory', 'directories')] : []), ...(result.symlinks ? [plural(result.symlinks, 'link')] : [])];
	const skipped = result.skipped.length ? `; skipped ${result.skipped.length} sockets, fifos or devices (${v} shows which)` : '';
	return `Copied ${parts.join(', ')} (${formatBytes(result.bytes)}) from ${job.from} into ${job.container.name}:${job.into}${skipped}`;
}

/** The host side checked before anything starts: the directory copied into, or the path copied from, is there. */
function hostPathProblem(spec: CopySpec): {field: 'from' | 'to'; reason: string} | undefined {
	const hostPath = spec.direction === 'out' ? spec.into : spec.from;
	let stat;
	try {
		stat = lstatSync(hostPath);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return {field: spec.direction === 'out' ? 'to' : 'from', reason: code === 'ENOENT' ? `${hostPath}: no such ${spec.direction === 'out' ? 'directory' : 'file or directory'}` : `${hostPath}: ${(error as Error).message}`};
	}

	if (spec.direction === 'out' && !stat.isDirectory() && !(stat.isSymbolicLink() && isDirectory(hostPath))) return {field: 'to', reason: `${hostPath} is not a directory`};
	return undefined;
}

function isDirectory(hostPath: string): boolean {
	try {
		return statSync(hostPath).isDirectory();
	} catch {
		return false;
	}
}

export function createCopies(engine: Engine, store: Store, runner: ActionRunner, refresh: () => void): Copies {
	const dispatch = store.dispatch;
	const {say} = runner;
	const live = new Map<string, {abort: AbortController; label: string; answer?: (replace: boolean) => void}>();
	let counter = 0;

	const run = async (job: CopyJob, abort: AbortController) => {
		const {key} = job;
		const finish = runner.record(job.cli);
		const meter = createRateMeter();
		// Progress the engine reports after the copy ended (a cancel racing the last piece) is dropped.
		let ended = false;
		const updates = throttle(PROGRESS_INTERVAL_MS, (progress: CopyProgress) => {
			if (ended) return;
			const rate = meter.sample(progress.bytes);
			dispatch({type: 'copy-update', key, patch: {progress, ...(rate !== undefined && {rate})}});
			const percent = bytePercent(progress);
			dispatch({type: 'busy', id: job.container.id, label: `copying ${percent === undefined ? formatBytes(progress.bytes) : `${percent}%`}…`});
		});
		const ask = (conflicts: string[]) =>
			new Promise<boolean>(resolve => {
				updates.flush();
				live.get(key)!.answer = resolve;
				dispatch({type: 'copy-update', key, patch: {status: 'asking', conflicts}});
				// Over the panes the question opens by itself; over anything else it waits for `v`.
				if (!store.getState().modal) dispatch({type: 'open', modal: {kind: 'copy', key, scroll: 0}});
				say('info', `${plural(conflicts.length, 'entry', 'entries')} of the copy from ${job.container.name} ${conflicts.length === 1 ? 'exists' : 'exist'} in ${job.into}: ${keyFor(store.getState(), 'job.replace', 'y')} replaces, ${keyFor(store.getState(), 'job.keep', 'n')} keeps them (${keyFor(store.getState(), 'container.show-copy', 'v')} shows the copy)`);
			});
		dispatch({type: 'busy', id: job.container.id, label: 'copying…'});
		try {
			if (job.direction === 'out') {
				const result = await engine.containers.copyFrom(job.container.id, job.from, job.into, {onProgress: p => updates.push(p), onConflicts: ask}, abort.signal);
				updates.flush();
				if (result.declined) {
					const left = result.left?.length ? `; could not remove ${result.left.join(', ')}` : '';
					const text = `Kept the ${plural(result.declined.length, 'entry', 'entries')} that existed in ${job.into}: nothing was copied from ${job.container.name}:${job.from}${left}`;
					finish('error', text);
					dispatch({type: 'copy-update', key, patch: {status: 'cancelled', message: text, refused: result.refused, written: 0}});
					return say('info', text);
				}

				const text = outText(job, result, keyFor(store.getState(), 'container.show-copy', 'v'));
				finish('ok', text);
				dispatch({type: 'copy-update', key, patch: {status: 'done', message: text, refused: result.refused, written: result.written.length}});
				say(result.refused.length ? 'error' : 'ok', text);
			} else {
				const result = await engine.containers.copyTo(job.container.id, job.from, job.into, {onProgress: p => updates.push(p)}, abort.signal);
				updates.flush();
				const text = inText(job, result, keyFor(store.getState(), 'container.show-copy', 'v'));
				const skipped = result.skipped.map(path => ({path, reason: 'sockets, fifos and devices are not copied'}));
				finish('ok', text);
				dispatch({type: 'copy-update', key, patch: {status: 'done', message: text, refused: skipped, written: result.files + result.directories + result.symlinks}});
				say('ok', text);
			}
		} catch (error) {
			updates.flush();
			const cancelled = error instanceof EngineError && error.code === 'aborted';
			const why = message(error);
			finish('error', why);
			dispatch({type: 'copy-update', key, patch: {status: cancelled ? 'cancelled' : 'failed', message: why}});
			say(cancelled ? 'info' : 'error', cancelled ? `Copy ${job.direction === 'out' ? 'from' : 'into'} ${job.container.name}: ${why}` : `copy ${job.container.name} failed: ${why}`);
		} finally {
			ended = true;
			updates.cancel();
			live.delete(key);
			dispatch({type: 'busy', id: job.container.id});
			refresh();
		}
	};

	return {
		start(spec) {
			const refused = hostPathProblem(spec);
			if (refused) return refused;
			const key = `copy-${++counter}`;
			const cli = spec.direction === 'out' ? cliFor.copyFrom(spec.target.name, spec.from, spec.into) : cliFor.copyTo(spec.from, spec.target.name, spec.into);
			const job: CopyJob = {key, direction: spec.direction, container: spec.target, from: spec.from, into: spec.into, cli, status: 'running', refused: []};
			const abort = new AbortController();
			live.set(key, {abort, label: `copying ${spec.direction === 'out' ? 'from' : 'into'} ${spec.target.name}`});
			dispatch({type: 'copy-start', job});
			dispatch({type: 'open', modal: {kind: 'copy', key, scroll: 0}});
			void run(job, abort);
			return undefined;
		},
		cancel(key) {
			const copy = live.get(key);
			if (!copy || copy.abort.signal.aborted) return;
			copy.abort.abort();
			say('info', 'Cancelling the copy…');
		},
		answer(key, replace) {
			const copy = live.get(key);
			if (!copy?.answer || copyOf(store.getState(), key)?.status !== 'asking') return;
			const resolve = copy.answer;
			copy.answer = undefined;
			dispatch({type: 'copy-update', key, patch: {status: 'running', conflicts: undefined}});
			resolve(replace);
		},
		running: () => [...live.values()].map(copy => copy.label),
		stop() {
			for (const copy of live.values()) copy.abort.abort();
		},
	};
}
