/** The engine's prune rules on lists, and which history steps made which layers. */
import {describe, expect, it} from 'vitest';
import {chainIds, layerOfEachStep, layerSizes} from '../../source/engine/images/layers.js';
import {matchesLabels, releasedLayerSpace, simulatePrune, type PruneImage, type PruneState} from '../../source/engine/system/prune-rules.js';
import type {ImageHistoryEntry} from '../../source/engine/types.js';

function image(id: string, partial: Partial<PruneImage> = {}): PruneImage {
	return {id, parentId: '', tags: [], digests: [], labels: {}, ...partial};
}

function state(partial: Partial<PruneState>): PruneState {
	return {containers: [], images: [], networks: [], volumes: [], buildCache: [], ...partial};
}

const container = (id: string, status: string, partial: Partial<PruneState['containers'][number]> = {}) =>
	({id, name: `c-${id}`, state: status, labels: {}, imageId: 'img-used', volumes: [], sizeRw: 10, ...partial});

const ids = (items: Array<{id: string; action?: string}>) => items.filter(item => item.action !== 'untag').map(item => item.id);

describe('simulatePrune', () => {
	it('containers: created, exited and dead go; running, paused and restarting stay', () => {
		const result = simulatePrune(state({containers: ['created', 'exited', 'dead', 'running', 'paused', 'restarting'].map(s => container(s, s))}), ['containers']);
		expect(ids(result.items)).toEqual(['created', 'exited', 'dead']);
		expect(result.items[0]).toEqual({kind: 'container', id: 'created', name: 'c-created', size: 10});
	});

	it('dangling images: untagged heads nobody uses, with their untagged parents; a digest alone is no tag', () => {
		const images = [
			image('base', {tags: ['base:1']}),
			image('mid', {parentId: 'base'}),
			image('dangling', {parentId: 'mid'}),
			image('tagged', {parentId: 'mid', tags: ['app:1']}),
			image('lonely'),
			image('lonely-parent'),
			image('lonely-child', {parentId: 'lonely-parent'}),
			image('by-digest', {digests: ['repo@sha256:1']}),
			image('used-dangling'),
		];
		const result = simulatePrune(state({images, containers: [container('x', 'exited', {imageId: 'used-dangling'})]}), ['dangling-images']);
		// mid has another child (tagged): it stays. lonely-parent goes with its only child.
		expect(ids(result.items)).toEqual(['dangling', 'lonely', 'lonely-child', 'lonely-parent', 'by-digest']);
		expect(result.items.find(item => item.id === 'by-digest')?.untagged).toEqual(['repo@sha256:1']);
	});

	it('a stopped container keeps its image until the containers are pruned first (system prune order)', () => {
		const images = [image('old', {tags: ['old:1']})];
		const containers = [container('x', 'exited', {imageId: 'old'})];
		expect(ids(simulatePrune(state({images, containers}), ['unused-images']).items)).toEqual([]);
		expect(ids(simulatePrune(state({images, containers}), ['containers', 'unused-images']).items)).toEqual(['x', 'old']);
	});

	it('all unused images: a tagged base under a used image loses its tags but stays', () => {
		const images = [image('base', {tags: ['base:1']}), image('app', {parentId: 'base', tags: ['app:1']}), image('spare', {tags: ['spare:1', 'spare:2']})];
		const result = simulatePrune(state({images, containers: [container('x', 'running', {imageId: 'app'})]}), ['unused-images']);
		expect(result.items).toEqual([
			{kind: 'image', id: 'spare', name: 'spare:1, spare:2', untagged: ['spare:1', 'spare:2']},
			{kind: 'image', id: 'base', name: 'base:1', untagged: ['base:1'], action: 'untag'},
		]);
		expect(result.deletedImages).toEqual(['spare']);
		expect(result.remainingImages).toEqual(['base', 'app']);
	});

	it('networks: not predefined, no endpoints; volumes: local and not referenced by any container left', () => {
		const result = simulatePrune(state({
			containers: [container('stopped', 'exited', {volumes: ['kept-by-stopped']}), container('up', 'running', {volumes: ['kept-by-running']})],
			networks: ['bridge', 'host', 'none'].map(name => ({id: name, name, labels: {}, endpoints: 0, configOnly: false}))
				.concat([{id: 'n1', name: 'unused', labels: {}, endpoints: 0, configOnly: false}, {id: 'n2', name: 'busy', labels: {}, endpoints: 1, configOnly: false}]),
			volumes: [
				{name: 'kept-by-stopped', driver: 'local', labels: {}, size: 5},
				{name: 'kept-by-running', driver: 'local', labels: {}, size: 5},
				{name: 'free', driver: 'local', labels: {}, size: 7},
				{name: 'plugin', driver: 'other', labels: {}, size: 1},
			],
		}), ['networks', 'volumes', 'containers', 'volumes']);
		expect(result.items).toEqual([
			{kind: 'network', id: 'n1', name: 'unused'},
			{kind: 'volume', id: 'free', name: 'free', size: 7},
			{kind: 'container', id: 'stopped', name: 'c-stopped', size: 10},
			{kind: 'volume', id: 'kept-by-stopped', name: 'kept-by-stopped', size: 5},
		]);
	});

	it('build cache: not in use; without all also not shared, internal or frontend; parents freed with their children', () => {
		const record = (id: string, partial: Partial<PruneState['buildCache'][number]>) => ({id, type: 'regular', description: id, inUse: false, shared: false, size: 1, ...partial});
		const buildCache = [record('a', {}), record('busy', {inUse: true}), record('shared', {shared: true}), record('fe', {type: 'frontend'}), record('parent', {inUse: true}), record('child', {parent: 'parent'})];
		expect(ids(simulatePrune(state({buildCache}), ['build-cache']).items)).toEqual(['a', 'parent', 'child']);
		expect(ids(simulatePrune(state({buildCache}), ['all-build-cache']).items)).toEqual(['a', 'shared', 'fe', 'parent', 'child']);
	});

	it('label filters: all must hold, key alone or key=value', () => {
		expect(matchesLabels({a: '1', b: '2'}, ['a', 'b=2'])).toBe(true);
		expect(matchesLabels({a: '1'}, ['a=2'])).toBe(false);
		expect(matchesLabels({}, [])).toBe(true);
		const result = simulatePrune(state({containers: [container('l', 'exited', {labels: {t: 'x'}}), container('n', 'exited')]}), ['containers'], ['t=x']);
		expect(ids(result.items)).toEqual(['l']);
	});
});

describe('releasedLayerSpace', () => {
	it('counts the layers no remaining image has', () => {
		const chains = new Map([['a', ['L1', 'L2']], ['b', ['L1', 'L3']], ['c', ['L1']]]);
		const sizes = new Map([['L1', 100], ['L2', 10], ['L3', 1]]);
		expect(releasedLayerSpace(['a'], ['b', 'c'], chains, sizes)).toBe(10);
		expect(releasedLayerSpace(['a', 'b', 'c'], [], chains, sizes)).toBe(111);
	});
});

describe('layers', () => {
	const step = (createdBy: string, size: number): ImageHistoryEntry => ({id: '<missing>', created: 0, createdBy, size, tags: [], comment: ''});

	it('chain ids as the engine computes them', () => {
		const diff1 = `sha256:${'1'.repeat(64)}`;
		const diff2 = `sha256:${'2'.repeat(64)}`;
		const [first, second] = chainIds([diff1, diff2]);
		expect(first).toBe(diff1);
		expect(second).toMatch(/^sha256:[\da-f]{64}$/);
		expect(second).not.toBe(diff2);
	});

	it('gives each layer to the step that made it (newest first), skipping metadata-only steps', () => {
		const history = [
			step('/bin/sh -c #(nop)  CMD ["sh"]', 0),
			step('/bin/sh -c touch /empty-change', 0),
			step('/bin/sh -c #(nop) COPY file:abc in /', 3),
			step('/bin/sh -c #(nop)  ENV A=1', 0),
			step('Imported from -', 100),
		];
		expect(layerOfEachStep(history, 3)).toEqual([undefined, 2, 1, undefined, 0]);
		expect(layerSizes(history, 3)).toEqual([100, 3, 0]);
	});
});
