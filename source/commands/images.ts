/**
 * The images pane's commands: rmi (asks first; force after the engine refuses) and history.
 * Running and creating containers from an image: run-forms.ts.
 */
import {EngineError} from '../engine/types.js';
import {shortId} from '../format/format.js';
import {allContainers, allImageRows, selectedImageRow} from '../state/selectors.js';
import type {AppState} from '../state/types.js';
import {offerForce} from './confirm.js';
import {plural} from '../format/plural.js';
import {cliFor} from '../format/cli-for.js';
import {engineImageRef, selectedImageTarget} from './row-targets.js';
import type {Command} from './types.js';

const hasImage = (state: AppState) => selectedImageRow(state) !== undefined;

/** The image's tags other than `ref`. */
function otherTags(state: AppState, id: string, ref: string | undefined): string[] {
	const row = allImageRows(state).find(r => r.image.id === id);
	return (row?.image.repoTags ?? []).filter(t => t !== ref);
}

function usedBy(state: AppState, id: string): string[] {
	return allContainers(state).filter(c => c.imageId === id).map(c => c.name);
}

export const imageCommands: Command[] = [
	{
		id: 'image.remove',
		scope: 'images',
		effect: 'engine',
		keys: ['d'],
		label: 'rmi',
		description: 'Remove the image or untag the tag (asks first; offers force when it is in use)',
		bar: true,
		available: state => {
			const row = selectedImageRow(state);
			if (!row) return false;
			return state.busy[row.image.id] ? `${row.ref ?? shortId(row.image.id)} is busy: ${state.busy[row.image.id]}` : true;
		},
		confirm: {
			policy: 'confirm-then-force',
			dialog: state => {
				const target = selectedImageTarget(state)!;
				const others = otherTags(state, target.id, target.ref);
				const users = usedBy(state, target.id);
				const body: string[] = [];
				if (target.ref && others.length > 0) body.push(`Only the tag ${target.ref} goes; the image keeps its other ${others.length === 1 ? 'tag' : `${others.length} tags`}: ${others.join(', ')}.`);
				if (users.length > 0) body.push(`Used by ${plural(users.length, 'container')}: ${users.join(', ')}`);
				const title = target.ref ? `Remove image ${target.ref} (${shortId(target.id)})?` : `Remove image ${shortId(target.id)}?`;
				return {target, title, body};
			},
		},
		run: (ctx, confirmed) => {
			const {target: t, force} = confirmed!;
			const others = otherTags(ctx.state, t.id, t.ref);
			const users = usedBy(ctx.state, t.id);
			ctx.services.act({
				id: t.id,
				busy: 'removing',
				name: t.name,
				verb: 'rmi',
				cli: cliFor.removeImage(t.ref ?? shortId(t.id), {force}),
				work: async engine => {
					await engine.images.remove(engineImageRef(t), {force});
					return t.ref && others.length > 0 ? `Untagged ${t.ref}; the image stays` : `Removed image ${t.name}`;
				},
				onError: error => {
					if (force || !(error instanceof EngineError) || error.code !== 'conflict') return false;
					const body = [error.message];
					if (users.length > 0) body.push(`Used by: ${users.join(', ')}`);
					body.push('Force removal untags and removes it even so (docker rmi -f).');
					return offerForce(ctx, 'image.remove', t, `The engine refused to remove ${t.name}:`, body);
				},
			});
		},
	},
	{
		id: 'image.history',
		scope: 'images',
		effect: 'none',
		keys: ['enter'],
		label: 'history',
		description: 'Show the image history (layers)',
		bar: true,
		available: hasImage,
		run: ctx => {
			const row = selectedImageRow(ctx.state)!;
			ctx.dispatch({type: 'open', modal: {kind: 'history', id: row.image.id, ref: row.ref, scroll: 0}});
		},
	},
];
