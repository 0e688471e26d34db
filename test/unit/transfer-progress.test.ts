/** Pull and push progress messages folded into layers and totals (source/engine/images/progress.ts). */
import {describe, expect, it} from 'vitest';
import {layerPhase, TransferTracker} from '../../source/engine/images/progress.js';
import {percentOf} from '../../source/state/images-selectors.js';

describe('layerPhase', () => {
	it('reads the engine\'s pull and push statuses', () => {
		expect(layerPhase('Pulling fs layer')).toBe('waiting');
		expect(layerPhase('Waiting')).toBe('waiting');
		expect(layerPhase('Downloading')).toBe('downloading');
		expect(layerPhase('Verifying Checksum')).toBe('verifying');
		expect(layerPhase('Download complete')).toBe('downloaded');
		expect(layerPhase('Extracting')).toBe('extracting');
		expect(layerPhase('Pull complete')).toBe('done');
		expect(layerPhase('Already exists')).toBe('exists');
		expect(layerPhase('Preparing')).toBe('preparing');
		expect(layerPhase('Pushing')).toBe('pushing');
		expect(layerPhase('Pushed')).toBe('done');
		expect(layerPhase('Layer already exists')).toBe('exists');
		expect(layerPhase('Mounted from library/busybox')).toBe('exists');
		expect(layerPhase('Retrying in 5 seconds')).toBe('retrying');
		expect(layerPhase('Pulling from library/busybox')).toBeUndefined();
		expect(layerPhase('Digest: sha256:abc')).toBeUndefined();
	});
});

describe('TransferTracker', () => {
	it('follows a pull layer by layer, counting downloaded bytes of layers whose size is known', () => {
		const tracker = new TransferTracker('pull');
		tracker.update({status: 'Pulling from bb', id: 'v1'});
		expect(tracker.snapshot()).toEqual({layers: [], current: 0, total: 0, finished: 0, unsized: 0, status: 'v1: Pulling from bb'});
		tracker.update({status: 'Pulling fs layer', progressDetail: {}, id: 'aaa'});
		tracker.update({status: 'Already exists', progressDetail: {}, id: 'bbb'});
		tracker.update({status: 'Downloading', progressDetail: {current: 250, total: 1000}, id: 'aaa'});
		let snapshot = tracker.snapshot();
		expect(snapshot.layers).toEqual([
			{id: 'aaa', phase: 'downloading', status: 'Downloading', current: 250, total: 1000},
			{id: 'bbb', phase: 'exists', status: 'Already exists'},
		]);
		expect(snapshot).toMatchObject({current: 250, total: 1000, finished: 1});

		tracker.update({status: 'Verifying Checksum', progressDetail: {}, id: 'aaa'});
		expect(tracker.snapshot()).toMatchObject({current: 1000, total: 1000});
		tracker.update({status: 'Extracting', progressDetail: {current: 10, total: 1000}, id: 'aaa'});
		snapshot = tracker.snapshot();
		expect(snapshot.layers[0]).toEqual({id: 'aaa', phase: 'extracting', status: 'Extracting', current: 10, total: 1000});
		expect(snapshot.current).toBe(1000);
		tracker.update({status: 'Pull complete', progressDetail: {}, id: 'aaa'});
		tracker.update({status: 'Digest: sha256:0123'});
		tracker.update({status: 'Status: Downloaded newer image for 127.0.0.1:5000/bb:v1'});
		expect(tracker.snapshot()).toMatchObject({current: 1000, total: 1000, finished: 2, status: 'Status: Downloaded newer image for 127.0.0.1:5000/bb:v1'});
	});

	it('follows a push; an upload that overshoots its total counts as the total', () => {
		const tracker = new TransferTracker('push');
		tracker.update({status: 'The push refers to repository [127.0.0.1:5000/bb]'});
		tracker.update({status: 'Preparing', progressDetail: {}, id: 'aaa'});
		tracker.update({status: 'Pushing', progressDetail: {current: 2_000_000, total: 1_982_312}, id: 'aaa'});
		expect(tracker.snapshot()).toMatchObject({current: 1_982_312, total: 1_982_312, finished: 0});
		tracker.update({status: 'Pushed', progressDetail: {}, id: 'aaa'});
		expect(tracker.snapshot()).toMatchObject({current: 1_982_312, total: 1_982_312, finished: 1});
	});

	it('counts the layers whose size is not known yet, and no percentage while there are any', () => {
		const tracker = new TransferTracker('pull');
		tracker.update({status: 'Pulling fs layer', progressDetail: {}, id: 'aaa'});
		tracker.update({status: 'Pulling fs layer', progressDetail: {}, id: 'bbb'});
		tracker.update({status: 'Downloading', progressDetail: {current: 950, total: 1000}, id: 'aaa'});
		expect(tracker.snapshot()).toMatchObject({current: 950, total: 1000, finished: 0, unsized: 1});
		expect(percentOf(tracker.snapshot())).toBeUndefined();
		tracker.update({status: 'Downloading', progressDetail: {current: 0, total: 9000}, id: 'bbb'});
		expect(tracker.snapshot()).toMatchObject({current: 950, total: 10_000, unsized: 0});
		expect(percentOf(tracker.snapshot())).toBe(9);
	});

	it('says a message without a status told nothing', () => {
		const tracker = new TransferTracker('push');
		expect(tracker.update({aux: {Tag: 'v1'}})).toBe(false);
		expect(tracker.update({status: 'Preparing', id: 'x'})).toBe(true);
	});
});
