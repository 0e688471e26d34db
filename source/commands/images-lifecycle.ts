/**
 * The images pane's lifecycle commands: pull (P), tag (t), push (p), build (B), inspect (i),
 * prune (X), and v to show the running (or last) pull, push or build again after Esc hid it.
 */
import {shortId} from '../format/format.js';
import {activeTransfers, isActive, transferKey, transferOf} from '../state/images-selectors.js';
import {selectedImageRow} from '../state/selectors.js';
import type {AppState, Modal} from '../state/types.js';
import {openBuildForm, openPullForm, openTagForm} from './image-forms.js';
import {selectedImageTarget} from './row-targets.js';
import {keyFor} from './keymap.js';
import type {Command} from './types.js';
import {following} from '../state/follow-scroll.js';

const hasImage = (state: AppState) => selectedImageRow(state) !== undefined;

/** The view `v` opens: a running transfer, else a running build, else the last of either. */
function jobView(state: AppState): Modal | undefined {
	const {transfers, build} = state.imageJobs;
	const active = activeTransfers(state).at(-1);
	if (active) return {kind: 'transfer', key: active.key, scroll: 0};
	if (build) return {kind: 'build', tail: following};
	const last = transfers.at(-1);
	return last ? {kind: 'transfer', key: last.key, scroll: 0} : undefined;
}

export const imageLifecycleCommands: Command[] = [
	{
		id: 'image.pull',
		scope: 'images',
		effect: 'engine',
		keys: ['P'],
		label: 'pull',
		description: 'Pull an image: name[:tag], host:port/name:tag or name@sha256:… (progress)',
		bar: true,
		run: openPullForm,
	},
	{
		id: 'image.tag',
		scope: 'images',
		effect: 'engine',
		keys: ['t'],
		label: 'tag',
		description: 'Tag the image as repository:tag (asks for it)',
		bar: true,
		available: hasImage,
		run: ctx => openTagForm(ctx, selectedImageTarget(ctx.state)!),
	},
	{
		id: 'image.push',
		scope: 'images',
		effect: 'registry',
		keys: ['p'],
		label: 'push',
		description: "Push the selected tag to its registry (progress view; asks for credentials)",
		bar: true,
		available: state => {
			const row = selectedImageRow(state);
			if (!row) return false;
			if (!row.ref) return `${shortId(row.image.id)} has no tag to push: ${keyFor(state, 'image.tag', 't')} tags it`;
			if (isActive(transferOf(state, transferKey('push', row.ref)))) return `${row.ref} is already being pushed: ${keyFor(state, 'image.jobs', 'v')} shows it`;
			return state.busy[row.image.id] ? `${row.ref} is busy: ${state.busy[row.image.id]}` : true;
		},
		run: ctx => {
			const row = selectedImageRow(ctx.state)!;
			const refused = ctx.services.images.push(row.ref!, row.image.id, row.image.host);
			if (refused) ctx.say('info', refused);
		},
	},
	{
		id: 'image.build',
		scope: 'images',
		effect: 'engine',
		keys: ['B'],
		label: 'build',
		description: 'Build an image (form: context, Dockerfile, repository:tag, build args)',
		bar: true,
		run: openBuildForm,
	},
	{
		id: 'image.inspect',
		scope: 'images',
		effect: 'none',
		keys: ['i'],
		label: 'inspect',
		description: "Inspect the image's config (tables; r switches to the raw JSON)",
		bar: true,
		available: hasImage,
		run: ctx => {
			const target = selectedImageTarget(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'inspect', id: target.id, name: target.name, scroll: 0, raw: false}});
			ctx.services.images.inspect(target.id);
		},
	},
	{
		id: 'image.prune',
		scope: 'images',
		effect: 'engine',
		keys: ['X'],
		label: 'prune',
		description: 'Prune unused images, containers, networks, volumes or build cache (asks first)',
		bar: true,
		run: ctx => ctx.dispatch({type: 'open', modal: {kind: 'prune', step: 'choose', choice: 0, scroll: 0}}),
	},
	{
		id: 'image.jobs',
		scope: 'images',
		effect: 'none',
		keys: ['v'],
		label: 'progress',
		description: 'Show the running (or last) pull, push or build again',
		bar: true,
		available: state => jobView(state) !== undefined,
		run: ctx => ctx.dispatch({type: 'open', modal: jobView(ctx.state)!}),
	},
];
