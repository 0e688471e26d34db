/** What `X` offers to prune: each choice's words and the engine's targets, in the order shown. */
import type {PruneItemKind, PruneTarget} from '../engine/types.js';
import {plural} from './plural.js';

/** The docker CLI's `system prune` targets, in its order. */
export function systemPruneTargets(options: {volumes?: boolean; all?: boolean} = {}): PruneTarget[] {
	return ['containers', 'networks', ...(options.volumes ? ['volumes' as const] : []), options.all ? 'unused-images' : 'dangling-images', options.all ? 'all-build-cache' : 'build-cache'];
}

export interface PruneChoice {
	label: string;
	/** What goes, in a few words. */
	detail: string;
	targets: PruneTarget[];
}

export const pruneChoices: readonly PruneChoice[] = [
	{label: 'Dangling images', detail: 'images without a tag that no container uses', targets: ['dangling-images']},
	{label: 'All unused images', detail: 'every image no container uses, tagged or not', targets: ['unused-images']},
	{label: 'Stopped containers', detail: 'created, exited and dead containers', targets: ['containers']},
	{label: 'Unused networks', detail: 'networks without containers (not bridge, host, none)', targets: ['networks']},
	{label: 'Unused volumes', detail: 'local volumes no container refers to, named ones too', targets: ['volumes']},
	{label: 'Build cache', detail: 'build cache records not in use', targets: ['build-cache']},
	{label: 'Everything unused', detail: 'stopped containers, unused networks, dangling images, build cache', targets: systemPruneTargets()},
	{label: 'Everything unused and volumes', detail: 'as above, and unused volumes', targets: systemPruneTargets({volumes: true})},
];

const nouns: Record<PruneItemKind, [string, string]> = {
	container: ['container', 'containers'],
	image: ['image', 'images'],
	network: ['network', 'networks'],
	volume: ['volume', 'volumes'],
	'build-cache': ['build cache record', 'build cache records'],
};

export const pruneKinds: readonly PruneItemKind[] = ['container', 'image', 'network', 'volume', 'build-cache'];

/** "2 containers, 1 image" (kinds with none left out), or "nothing". */
export function pruneCounts(counts: Record<PruneItemKind, number>): string {
	const parts = pruneKinds.filter(kind => (counts[kind] ?? 0) > 0).map(kind => plural(counts[kind], nouns[kind][0], nouns[kind][1]));
	return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export function kindTitle(kind: PruneItemKind): string {
	const title = nouns[kind][1];
	return title[0]!.toUpperCase() + title.slice(1);
}
