/**
 * Saving the logs pane: the buffer as shown, or the whole log streamed from the engine into the
 * file (never built in memory). The file is written beside its place and renamed in (mode 0600):
 * an existing file is replaced only after the user confirmed, and a symbolic link only after the
 * user confirmed with the link's target named.
 */
import type {Engine} from '../engine/types.js';
import type {CommandContext} from '../commands/types.js';
import {bufferLines, checkSaveTarget, engineLogLines, saveLines} from '../logs/save-logs.js';
import type {LogBufferView} from '../logs/log-view.js';

export interface SaveRequest {
	file: string;
	scope: 'buffer' | 'engine';
	/** The user confirmed replacing what is there: the file, or the link's target named in `through`. */
	overwrite: boolean;
	through?: string;
	cwd?: string;
}

function ask(ctx: CommandContext, request: SaveRequest, title: string, body: string[], through?: string) {
	ctx.dispatch({
		type: 'open',
		modal: {
			kind: 'confirm',
			command: 'logs.save',
			target: {kind: 'file', id: request.file, name: request.file, ref: request.scope},
			title,
			body,
			forceOffered: false,
			payload: through ? {through} : undefined,
		},
	});
}

export async function saveLogsTo(ctx: CommandContext, engine: Engine, buffer: LogBufferView, request: SaveRequest): Promise<void> {
	const {file, scope, overwrite, cwd} = request;
	const target = await checkSaveTarget(file, cwd);
	if (target.kind === 'error') return ctx.say('error', `Could not save ${file}: ${target.message}`);
	if (target.kind === 'symlink' && request.through !== target.target) {
		return ask(ctx, request, `${file} is a link to ${target.target}. Replace that file?`, ['Its contents will be lost; the link stays.'], target.target);
	}
	if (target.kind === 'exists' && !overwrite) return ask(ctx, request, `${file} exists. Replace it?`, ['Its contents will be lost.']);
	try {
		const targets = ctx.state.logs.targets;
		if (scope === 'engine' && targets.length !== 1) return ctx.say('error', 'The whole log can be fetched for one container at a time');
		const lines = scope === 'engine' ? engineLogLines(engine, targets[0]!.id) : bufferLines(buffer);
		const result = await saveLines(file, lines, {cwd, overwrite: target.kind !== 'new', throughSymlink: target.kind === 'symlink' ? target.target : undefined});
		ctx.say('ok', `Saved ${result.lines} lines (${result.bytes} bytes) to ${file}`);
	} catch (error) {
		ctx.say('error', `Could not save ${file}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
