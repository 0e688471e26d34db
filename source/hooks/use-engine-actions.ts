import {useMemo, useRef} from 'react';
import {EngineError, type ContainerSummary, type Engine} from '../engine/types.js';
import type {Action, ConfirmTarget} from '../state/app-state.js';
import {shortId} from '../format/format.js';

export interface EngineActions {
	start(c: ContainerSummary): void;
	stop(c: ContainerSummary): void;
	kill(target: ConfirmTarget): void;
	restart(c: ContainerSummary): void;
	togglePause(c: ContainerSummary): void;
	commit(target: ConfirmTarget, repo: string, tag: string): void;
	removeContainer(target: ConfirmTarget, force: boolean): void;
	removeImage(target: ConfirmTarget, force: boolean, usedBy: string[]): void;
	/** Labels of actions still running on the engine. */
	running(): string[];
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** The outcome of a failed call in the user's words; never claims success. */
export function failureText(verb: string, name: string, error: unknown): string {
	if (error instanceof EngineError) {
		if (error.code === 'interrupted') return `${verb} ${name}: the connection dropped, the outcome is unknown — check the list`;
		if (error.code === 'unreachable') return `${verb} ${name} failed: the engine is unreachable (${error.message})`;
	}
	return `${verb} ${name} failed: ${message(error)}`;
}

/**
 * The engine-changing actions. Each marks its row busy while it runs, reports the outcome (the
 * engine's own message when it refuses) on the status line and asks for a fresh snapshot. A
 * failed action changes nothing in berth's state: the next snapshot shows what the engine has.
 */
export function useEngineActions(
	engine: Engine,
	dispatch: (action: Action) => void,
	refresh: () => void,
): EngineActions {
	const inFlight = useRef(new Map<number, string>());
	const counter = useRef(0);

	return useMemo(() => {
		const run = async (
			id: string,
			busyLabel: string,
			work: () => Promise<string | void>,
			onError?: (error: unknown) => boolean,
			failVerb = busyLabel,
			name = id,
		) => {
			const n = ++counter.current;
			inFlight.current.set(n, `${busyLabel} ${name}`);
			dispatch({type: 'busy', id, label: `${busyLabel}…`});
			try {
				const ok = await work();
				if (ok) dispatch({type: 'status', status: {tone: 'ok', text: ok}});
			} catch (error) {
				if (!onError?.(error)) {
					dispatch({type: 'status', status: {tone: 'error', text: failureText(failVerb, name, error)}});
				}
			} finally {
				inFlight.current.delete(n);
				dispatch({type: 'busy', id});
				refresh();
			}
		};

		return {
			start: c =>
				void run(c.id, 'starting', async () => {
					await engine.startContainer(c.id);
					return `Started ${c.name}`;
				}, undefined, 'start', c.name),
			stop: c =>
				void run(c.id, 'stopping', async () => {
					await engine.stopContainer(c.id);
					return `Stopped ${c.name}`;
				}, undefined, 'stop', c.name),
			kill: t =>
				void run(t.id, 'killing', async () => {
					await engine.killContainer(t.id, 'SIGKILL');
					return `Killed ${t.name} (SIGKILL)`;
				}, undefined, 'kill', t.name),
			restart: c =>
				void run(c.id, 'restarting', async () => {
					await engine.restartContainer(c.id);
					return `Restarted ${c.name}`;
				}, undefined, 'restart', c.name),
			togglePause: c => {
				if (c.state === 'paused') {
					void run(c.id, 'unpausing', async () => {
						await engine.unpauseContainer(c.id);
						return `Unpaused ${c.name}`;
					}, undefined, 'unpause', c.name);
				} else {
					void run(c.id, 'pausing', async () => {
						await engine.pauseContainer(c.id);
						return `Paused ${c.name}`;
					}, undefined, 'pause', c.name);
				}
			},
			commit: (t, repo, tag) =>
				void run(t.id, 'committing', async () => {
					const imageId = await engine.commitContainer(t.id, {repo, tag});
					return `Committed ${t.name} → ${repo}:${tag} (${shortId(imageId)})`;
				}, undefined, 'commit', t.name),
			removeContainer: (t, force) =>
				void run(
					t.id,
					'removing',
					async () => {
						await engine.removeContainer(t.id, {force});
						return `Removed container ${t.name}`;
					},
					error => {
						if (!force && error instanceof EngineError && error.code === 'conflict') {
							dispatch({
								type: 'open',
								modal: {
									kind: 'confirm',
									op: 'remove',
									target: t,
									title: `The engine refused to remove ${t.name}:`,
									body: [error.message, 'Force removal kills it first (docker rm -f).'],
									forceOffered: true,
								},
							});
							return true;
						}
						return false;
					},
					'rm',
					t.name,
				),
			removeImage: (t, force, usedBy) =>
				void run(
					t.id,
					'removing',
					async () => {
						await engine.removeImage(t.ref ?? t.id, {force});
						return `Removed image ${t.name}`;
					},
					error => {
						if (!force && error instanceof EngineError && error.code === 'conflict') {
							const body = [error.message];
							if (usedBy.length > 0) body.push(`Used by: ${usedBy.join(', ')}`);
							body.push('Force removal untags and removes it even so (docker rmi -f).');
							dispatch({
								type: 'open',
								modal: {
									kind: 'confirm',
									op: 'remove-image',
									target: t,
									title: `The engine refused to remove ${t.name}:`,
									body,
									forceOffered: true,
								},
							});
							return true;
						}
						return false;
					},
					'rmi',
					t.name,
				),
			running: () => [...inFlight.current.values()],
		};
	}, [engine, dispatch, refresh]);
}
