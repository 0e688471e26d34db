/**
 * `N` rename: the prompt stays open until the engine answers; its refusal (a name in use, an
 * invalid name) is shown in the prompt, which keeps what was typed.
 */
import {cliFor} from '../format/cli-for.js';
import type {LineState} from '../input/line-editor.js';
import type {ConfirmTarget} from '../state/types.js';
import type {CommandContext} from './types.js';

export function submitRename(ctx: CommandContext, target: ConfirmTarget, line: LineState): void {
	const name = line.value.trim().replace(/^\//, '');
	if (name === '') return ctx.dispatch({type: 'prompt-line', line, error: 'Type the new name'});
	if (name === target.name) return ctx.dispatch({type: 'prompt-line', line, error: `It is called ${name} already`});
	const stillOpen = () => ctx.state.modal?.kind === 'prompt' && ctx.state.modal.purpose === 'rename' && ctx.state.modal.target.id === target.id;
	ctx.dispatch({type: 'prompt-line', line, error: 'Renaming…'});
	ctx.services.act({
		id: target.id,
		busy: 'renaming',
		name: target.name,
		verb: 'rename',
		cli: cliFor.rename(target.name, name),
		work: async engine => {
			await engine.containers.rename(target.id, name);
			return `Renamed ${target.name} to ${name}`;
		},
		onOk: () => {
			if (stillOpen()) ctx.dispatch({type: 'close'});
		},
		onError: error => {
			if (!stillOpen()) return false;
			ctx.dispatch({type: 'prompt-line', line, error: error instanceof Error ? error.message : String(error)});
			return true;
		},
	});
}
