/** The fake lifecycle's rules for prune and copies, kept apart from the class (fake-lifecycle.ts). */
import {EngineError, type ContainerSummary, type ImageSummary, type PruneItem, type PruneItemKind, type PruneOptions, type PruneTarget} from '../../source/engine/types.js';

/** A file a fake container has, for diff and copy. */
export interface FakeFile {
	path: string;
	kind: 'file' | 'directory' | 'symlink';
	bytes: number;
	/** A copy out refuses it with this reason (a link out, a device, …). */
	refused?: string;
}

export interface FakeNetwork {
	id: string;
	name: string;
	endpoints: number;
}

export interface FakeVolume {
	name: string;
	size: number;
	usedBy: string[];
}

/** The fake's prune rules: simple, and the same for preview and prune. */
export function fakePruneItems(
	allContainers: ContainerSummary[],
	images: ImageSummary[],
	networks: FakeNetwork[],
	volumes: FakeVolume[],
	targets: PruneTarget[],
	options: PruneOptions = {},
): PruneItem[] {
	const labelled = (labels: Record<string, string>) => (options.labels ?? []).every(label => {
		const [key, value] = label.split('=');
		return key! in labels && (value === undefined || labels[key!] === value);
	});
	const items: PruneItem[] = [];
	let containers = [...allContainers];
	for (const target of targets) {
		if (target === 'containers') {
			const removed = containers.filter(container => ['exited', 'created', 'dead'].includes(container.state) && labelled(container.labels));
			containers = containers.filter(container => !removed.includes(container));
			items.push(...removed.map(container => ({kind: 'container' as const, id: container.id, name: container.name, size: 0})));
		} else if (target === 'dangling-images' || target === 'unused-images') {
			const used = new Set(containers.map(container => container.imageId));
			items.push(...images
				.filter(image => !used.has(image.id) && (target === 'unused-images' || image.repoTags.length === 0))
				.map(image => ({kind: 'image' as const, id: image.id, name: image.repoTags.join(', ') || image.id.slice(7, 19), size: image.size})));
		} else if (target === 'networks') {
			items.push(...networks.filter(network => network.endpoints === 0).map(network => ({kind: 'network' as const, id: network.id, name: network.name})));
		} else if (target === 'volumes') {
			const alive = new Set(containers.map(container => container.id));
			items.push(...volumes.filter(volume => !volume.usedBy.some(id => alive.has(id))).map(volume => ({kind: 'volume' as const, id: volume.name, name: volume.name, size: volume.size})));
		}
	}

	return items;
}

export function tally(files: FakeFile[]): {files: number; directories: number; symlinks: number; bytes: number} {
	return {
		files: files.filter(file => file.kind === 'file').length,
		directories: files.filter(file => file.kind === 'directory').length,
		symlinks: files.filter(file => file.kind === 'symlink').length,
		bytes: files.reduce((sum, file) => sum + file.bytes, 0),
	};
}

export function countKinds(items: PruneItem[]): Record<PruneItemKind, number> {
	const counts: Record<PruneItemKind, number> = {container: 0, image: 0, network: 0, volume: 0, 'build-cache': 0};
	for (const item of items) counts[item.kind]++;
	return counts;
}

/** `promise`, or a rejection ('aborted') as soon as `signal` aborts. */
export async function abortable<T>(promise: Promise<T>, signal?: AbortSignal, said = 'Cancelled'): Promise<T> {
	if (!signal) return promise;
	return Promise.race([
		promise,
		new Promise<never>((_resolve, reject) => {
			const stop = () => reject(new EngineError('aborted', said));
			if (signal.aborted) stop();
			else signal.addEventListener('abort', stop, {once: true});
		}),
	]);
}
