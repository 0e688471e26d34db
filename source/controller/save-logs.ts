/**
 * Saving the logs pane: the buffer as shown, or the whole log fetched again from the engine.
 * A file that exists is replaced only after the user confirmed it.
 */
import type {Engine} from '../engine/types.js';
import type {CommandContext} from '../commands/types.js';
import {bufferText, engineLogText, saveText, wouldOverwrite} from '../logs/save-logs.js';
import type {LogBufferView} from '../logs/log-view.js';

export async function saveLogsTo(
	ctx: CommandContext,
	engine: Engine,
	buffer: LogBufferView,
	options: {file: string; scope: 'buffer' | 'engine'; overwrite: boolean; cwd?: string},
): Promise<void> {
	const {file, scope, overwrite, cwd} = options;
	if (!overwrite && wouldOverwrite(file, cwd)) {
		ctx.dispatch({
			type: 'open',
			modal: {
				kind: 'confirm',
				command: 'logs.save',
				target: {kind: 'file', id: file, name: file, ref: scope},
				title: `${file} exists. Replace it?`,
				body: ['Its contents will be lost.'],
				forceOffered: false,
			},
		});
		return;
	}
	try {
		const targets = ctx.state.logs.targets;
		if (scope === 'engine' && targets.length !== 1) return ctx.say('error', 'The whole log can be fetched for one container at a time');
		const text = scope === 'engine' ? await engineLogText(engine, targets[0]!.id) : bufferText(buffer);
		const bytes = await saveText(file, text, overwrite, cwd);
		const lines = text === '' ? 0 : text.split('\n').length - 1;
		ctx.say('ok', `Saved ${lines} lines (${bytes} bytes) to ${file}`);
	} catch (error) {
		ctx.say('error', `Could not save ${file}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
