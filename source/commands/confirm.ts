/**
 * Confirm dialogs: a command that asks first opens one naming exactly what it affects; `y`
 * hands the target back to that command, `n`/Esc cancels (the default). When the engine refuses
 * a `confirm-then-force` command, the dialog comes back with the engine's reason and offers
 * only force (`f`); when berth knows beforehand that it would refuse, the first dialog offers
 * force directly.
 */
import {kindOfNoun} from '../kinds/all-kinds.js';
import type {ConfirmTarget} from '../state/types.js';
import type {Command, CommandContext} from './types.js';

/** Opens the dialog of a command that confirms, for the current selection. */
export function openConfirm(ctx: CommandContext, command: Command): void {
	const dialog = command.confirm?.dialog(ctx.state);
	if (!dialog) return;
	const {force, ...shown} = dialog;
	ctx.dispatch({type: 'open', modal: {kind: 'confirm', command: command.id, ...shown, forceOffered: force === true}});
}

/** One confirm for a bulk action, naming every row it acts on (default No). */
export function openBulkConfirm(ctx: CommandContext, command: Command, targets: ConfirmTarget[]): void {
	const names = targets.map(t => t.name);
	const verb = command.label.replace(/^rm$/, 'remove');
	const kind = kindOfNoun(targets[0]!.kind);
	const noun = kind?.noun ?? targets[0]!.kind;
	ctx.dispatch({
		type: 'open',
		modal: {
			kind: 'confirm',
			command: command.id,
			target: targets[0]!,
			targets,
			title: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${targets.length === 1 ? `the marked ${noun}` : `all ${targets.length} marked ${kind?.nouns ?? noun}`}?`,
			body: [names.join(', '), ...(command.bulkNote ? [command.bulkNote] : [])],
			forceOffered: false,
		},
	});
}

/** The engine refused: ask again, offering force. Returns true (the failure is handled). */
export function offerForce(ctx: CommandContext, command: string, target: ConfirmTarget, title: string, body: string[]): true {
	ctx.dispatch({type: 'open', modal: {kind: 'confirm', command, target, title, body, forceOffered: true}});
	return true;
}

function confirmed(ctx: CommandContext, force: boolean, find: (id: string) => Command | undefined): void {
	const modal = ctx.state.modal;
	if (modal?.kind !== 'confirm') return;
	ctx.dispatch({type: 'close'});
	const command = find(modal.command);
	if (!command) return;
	// A bulk action: the command on each marked row, results reported together.
	if (modal.targets && modal.targets.length > 1 && command.each) return ctx.services.actMany(modal.targets.map(t => command.each!(ctx, t, force)), command.label);
	command.run(ctx, {target: modal.target, force, payload: modal.payload});
}

const offersForce = (state: Parameters<NonNullable<Command['available']>>[0]) => state.modal?.kind === 'confirm' && state.modal.forceOffered;

/** The dialog's keys; `find` looks commands up in the registry. */
export function dialogCommands(find: (id: string) => Command | undefined): Command[] {
	return [
		{
			id: 'dialog.yes',
			scope: 'dialog',
			effect: 'none',
			keys: ['y'],
			label: 'yes',
			description: 'Confirm the action',
			bar: true,
			available: state => !offersForce(state),
			run: ctx => confirmed(ctx, false, find),
		},
		{
			id: 'dialog.force',
			scope: 'dialog',
			effect: 'none',
			keys: ['f'],
			label: 'force',
			description: 'Confirm with force, when the dialog offers it (after the engine refused)',
			bar: true,
			available: state => offersForce(state),
			run: ctx => confirmed(ctx, true, find),
		},
		{
			id: 'dialog.cancel',
			scope: 'dialog',
			effect: 'none',
			keys: ['n', 'escape'],
			label: 'no (default)',
			description: 'Cancel (the default)',
			bar: true,
			run: ctx => {
				ctx.dispatch({type: 'close'});
				ctx.say('info', 'Cancelled; nothing was changed');
			},
		},
	];
}
