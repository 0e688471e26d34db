/**
 * `C` copy out and `I` copy in (docker cp). Copying out unpacks the engine's archive safely
 * (nothing lands outside the destination; the engine adapter refuses links out, devices and
 * absolute or `..` paths) and never overwrites a file without asking, naming what exists.
 */
import path from 'node:path';
import {cliFor} from '../format/cli-for.js';
import {plural} from '../format/plural.js';
import {copyLine} from '../format/copy-line.js';
import {defineForm} from './forms.js';
import type {Command, CommandContext} from './types.js';

function copyOut(ctx: CommandContext, target: {id: string; name: string}, from: string, into: string, overwrite: boolean) {
	ctx.dispatch({type: 'close'});
	ctx.services.act({
		id: target.id,
		busy: 'copying',
		name: target.name,
		verb: 'copy',
		cli: cliFor.copyFrom(target.name, from, into),
		work: async engine => {
			const result = await engine.containers.copyFrom(target.id, from, into, {overwrite});
			const parts = [plural(result.files, 'file'), ...(result.directories ? [plural(result.directories, 'directory', 'directories')] : []), ...(result.symlinks ? [plural(result.symlinks, 'link')] : [])];
			const refused = result.refused.length ? `; refused ${result.refused.length} (${result.refused[0]!.path}: ${result.refused[0]!.reason})` : '';
			const kept = result.kept.length ? `; kept ${result.kept.length} existing` : '';
			return `Copied ${parts.join(', ')} (${result.bytes} bytes) from ${target.name}:${from} to ${result.destination}${kept}${refused}`;
		},
	});
}

defineForm('copy-out', (ctx, values, form) => {
	const from = values['from']!.trim();
	const into = path.resolve(values['to']!.trim() || '.');
	if (!from.startsWith('/')) return {field: 'from', reason: 'the path in the container must be absolute (start with /)'};
	const target = form.target!;
	ctx.dispatch({type: 'form-pending', pending: true});
	void ctx.services.read(engine => engine.containers.planCopyFrom(target.id, from, into)).then(
		plan => {
			if (plan.conflicts.length === 0) return copyOut(ctx, target, from, into, false);
			const shown = plan.conflicts.slice(0, 5).join(', ') + (plan.conflicts.length > 5 ? `, and ${plan.conflicts.length - 5} more` : '');
			ctx.dispatch({
				type: 'open',
				modal: {
					kind: 'confirm',
					command: 'container.copy-out-replace',
					target,
					title: `${plural(plan.conflicts.length, 'file')} ${plan.conflicts.length === 1 ? 'exists' : 'exist'} in ${plan.destination}. Replace ${plan.conflicts.length === 1 ? 'it' : 'them'}?`,
					body: [shown, `n keeps ${plan.conflicts.length === 1 ? 'it' : 'them'}: nothing is copied.`],
					forceOffered: false,
					payload: {from, into},
				},
			});
		},
		(error: unknown) => ctx.dispatch({type: 'form-pending', pending: false, error: error instanceof Error ? error.message : String(error)}),
	);
}, {preview: (values, form) => copyLine('out', values, form.target!.name)});

defineForm('copy-in', (ctx, values, form) => {
	const from = path.resolve(values['from']!.trim());
	const into = values['to']!.trim();
	if (!values['from']!.trim()) return {field: 'from', reason: 'type the file or directory to copy'};
	if (!into.startsWith('/')) return {field: 'to', reason: 'the directory in the container must be absolute (start with /)'};
	const target = form.target!;
	ctx.dispatch({type: 'close'});
	ctx.services.act({
		id: target.id,
		busy: 'copying',
		name: target.name,
		verb: 'copy',
		cli: cliFor.copyTo(from, target.name, into),
		work: async engine => {
			const result = await engine.containers.copyTo(target.id, from, into);
			const skipped = result.skipped.length ? `; skipped ${result.skipped.length} (sockets, fifos, devices)` : '';
			return `Copied ${plural(result.files, 'file')} (${result.bytes} bytes) from ${from} into ${target.name}:${into}${skipped}`;
		},
	});
}, {preview: (values, form) => copyLine('in', values, form.target!.name)});

/** The replace dialog's `y` (no key of its own). */
export const copyOutReplace: Command = {
	id: 'container.copy-out-replace',
	scope: 'containers',
	keys: [],
	label: 'replace',
	description: 'Replace existing host files when copying out',
	run: (ctx, confirmed) => {
		if (!confirmed?.payload) return;
		copyOut(ctx, confirmed.target, confirmed.payload['from']!, confirmed.payload['into']!, true);
	},
};
