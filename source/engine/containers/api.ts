/**
 * `engine.containers` on a real engine: dockerode's Container and the Docker object's
 * listContainers, through berth's modem (transport/berth-modem.ts); the calls that take more
 * than one request (stop, logs, stats, exec, attach, run, cp) in the modules beside this one.
 */
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {imageIdWithAlgorithm, splitTopColumns} from '../transport/podman-compat.js';
import {copyToContainer} from './copy-in.js';
import {copyFromContainer} from './copy-out.js';
import {toContainerDetails, toContainerSummary, type RawContainer, type RawInspect} from './mapping.js';
import {EngineError} from '../engine-error.js';
import type {ContainersApi} from './api-types.js';
import {attach} from './attach.js';
import {containerChanges} from './changes.js';
import {execCapture, execInteractive} from './exec.js';
import {streamLogs} from './logs.js';
import {createContainer, runAttached, runDetached, runInteractive, startAttached} from './run.js';
import {statsOnce, streamStats} from './stats-reader.js';
import {stopContainer} from './stop.js';

export function createContainersApi(client: ApiClient): ContainersApi {
	const {docker} = client;
	const container = (id: string) => docker.getContainer(pathPart(id));
	return {
		async list(options = {}) {
			const raw = await docker.listContainers({all: true, ...(options.ids && {filters: {id: options.ids}})});
			return Array.isArray(raw) ? (raw as unknown as RawContainer[]).map(toContainerSummary) : [];
		},
		async inspect(id) {
			return toContainerDetails(await container(id).inspect() as unknown as RawInspect);
		},
		async start(id) {
			try {
				await container(id).start();
			} catch (error) {
				// Already running: nothing to do (the engine answers 304).
				if (!(error instanceof EngineError && error.code === 'not-modified')) throw error;
			}
		},
		stop: async (id, timeout) => stopContainer(client, id, timeout),
		async kill(id, signal = 'SIGKILL') {
			await container(id).kill({signal});
		},
		async restart(id, timeout) {
			await container(id).restart(timeout === undefined ? {} : {t: timeout});
		},
		async pause(id) {
			await container(id).pause();
		},
		async unpause(id) {
			await container(id).unpause();
		},
		async remove(id, options = {}) {
			await container(id).remove({force: options.force, v: options.volumes});
		},
		async rename(id, name) {
			// A name in use answers 409 (conflict), an invalid name 400 (bad-request).
			await container(id).rename({name});
		},
		async commit(id, options) {
			const result = await container(id).commit({
				repo: options.repo,
				tag: options.tag,
				...(options.comment !== undefined && {comment: options.comment}),
				...(options.author !== undefined && {author: options.author}),
				...(options.pause !== undefined && {pause: options.pause}),
			}) as {Id?: string} | undefined;
			if (typeof result?.Id !== 'string') throw new EngineError('unknown', 'The engine did not return the new image id');
			return imageIdWithAlgorithm(result.Id);
		},
		logs: async (id, options, onLines, signal) => streamLogs(client, id, options, onLines, signal),
		statsOnce: async id => statsOnce(client, id),
		streamStats: async (id, onStats, signal) => streamStats(client, id, onStats, signal),
		async top(id) {
			const raw = await container(id).top() as {Titles?: string[] | null; Processes?: string[][] | null} | undefined;
			return splitTopColumns({titles: raw?.Titles ?? [], processes: (raw?.Processes ?? []).map(row => row.map(String))});
		},
		changes: async id => containerChanges(client, id),
		execCapture: async (id, cmd) => execCapture(client, id, cmd, client.actionTimeoutMs),
		execInteractive: async (id, cmd, size) => execInteractive(client, id, cmd, size),
		attach: async (id, size) => attach(client, id, size),
		startAttached: async (id, size) => startAttached(client, id, size),
		create: async (image, options) => createContainer(client, image, options),
		run: async (image, options) => runDetached(client, image, options),
		runAttached: async (image, options, onOutput, signal) => runAttached(client, image, options, onOutput, signal),
		runInteractive: async (image, options, size) => runInteractive(client, image, options, size),
		copyFrom: async (id, containerPath, hostDir, options, signal) => copyFromContainer(client, id, containerPath, hostDir, options, signal),
		copyTo: async (id, hostPath, containerDir, options, signal) => copyToContainer(client, id, hostPath, containerDir, options, signal),
	};
}
