/**
 * Keys of the views of work that takes a while (a pull, a push, a build, a copy): `x` cancels it,
 * leaving nothing half-written; in a copy out that found files on the host, `y` replaces them and
 * `n` keeps them (nothing is copied). Esc only hides the view: the work goes on (`v` shows it
 * again: the images pane's for pulls, pushes and builds, the containers pane's for copies).
 */
import {copyOf, copyToShow} from '../state/copies-reducer.js';
import {isActive, transferOf} from '../state/images-selectors.js';
import type {AppState} from '../state/types.js';
import {keyFor} from './keymap.js';
import type {Command} from './types.js';

/** Whether the work the open view shows is still running (so it can be cancelled). */
function cancellable(state: AppState): boolean | string {
	const modal = state.modal;
	if (modal?.kind === 'transfer') return isActive(transferOf(state, modal.key)) || 'It has ended';
	if (modal?.kind === 'build') return state.imageJobs.build?.status === 'running' || 'It has ended';
	if (modal?.kind === 'copy') {
		const status = copyOf(state, modal.key)?.status;
		return status === 'running' || status === 'asking' || 'It has ended';
	}
	return false;
}

const asking = (state: AppState) => state.modal?.kind === 'copy' && copyOf(state, state.modal.key)?.status === 'asking';

export const jobCommands: Command[] = [
	{
		id: 'job.cancel',
		scope: 'job',
		effect: 'none',
		keys: ['x'],
		label: 'cancel',
		description: 'Cancel it (a copy leaves nothing half-written, and says what it did)',
		bar: true,
		available: cancellable,
		run: ctx => {
			const modal = ctx.state.modal;
			if (modal?.kind === 'transfer') ctx.services.images.cancelTransfer(modal.key);
			else if (modal?.kind === 'build') ctx.services.images.cancelBuild();
			else if (modal?.kind === 'copy') ctx.services.copies.cancel(modal.key);
		},
	},
	{
		id: 'job.replace',
		scope: 'job',
		effect: 'none',
		keys: ['y'],
		label: 'replace',
		description: 'Copy out: replace the files that exist on the host with the copied ones',
		bar: true,
		available: asking,
		run: ctx => ctx.state.modal?.kind === 'copy' && ctx.services.copies.answer(ctx.state.modal.key, true),
	},
	{
		id: 'job.keep',
		scope: 'job',
		effect: 'none',
		keys: ['n'],
		label: 'keep, copy nothing',
		description: 'Copy out: keep the files that exist on the host; nothing is copied',
		bar: true,
		available: asking,
		run: ctx => ctx.state.modal?.kind === 'copy' && ctx.services.copies.answer(ctx.state.modal.key, false),
	},
];

/** `v` in the containers pane: the copy view again. */
export const showCopy: Command = {
	id: 'container.show-copy',
	scope: 'containers',
	effect: 'none',
	keys: ['v'],
	label: 'copy',
	description: 'Show the running (or last) copy again: progress, question or outcome',
	available: state => (state.copies.length > 0 ? true : `No copy yet: ${keyFor(state, 'container.copy-out', 'C')} copies out of a container, ${keyFor(state, 'container.copy-in', 'I')} into one`),
	run: ctx => {
		const job = copyToShow(ctx.state);
		if (job) ctx.dispatch({type: 'open', modal: {kind: 'copy', key: job.key, scroll: 0}});
	},
};
