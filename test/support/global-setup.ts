/**
 * vitest globalSetup for the projects that need a Docker engine (engine, e2e).
 *
 * Uses BERTH_TEST_DOCKER_HOST when it is set; otherwise starts a private dockerd. Either way the
 * fixture image is made sure of, the host is provided to tests (`inject('dockerHost')`) and put
 * in process.env.BERTH_TEST_DOCKER_HOST for child processes. Several projects share one daemon:
 * the last teardown stops it, and only if this setup started it.
 */
import type {TestProject} from 'vitest/node';
import {ensureFixtureImage, startPrivateDockerd, type PrivateDockerd} from './dockerd.js';

declare module 'vitest' {
	export interface ProvidedContext {
		dockerHost: string;
	}
}

interface SharedDaemon {
	host: string;
	users: number;
	started?: PrivateDockerd;
	ready: Promise<void>;
}

const key = Symbol.for('berth.test.sharedDockerd');
const registry = globalThis as unknown as Record<symbol, SharedDaemon | undefined>;

async function acquire(): Promise<SharedDaemon> {
	let shared = registry[key];
	if (!shared) {
		const fromEnv = process.env.BERTH_TEST_DOCKER_HOST?.trim();
		const entry: SharedDaemon = {host: fromEnv ?? '', users: 0, ready: Promise.resolve()};
		entry.ready = (async () => {
			if (!fromEnv) {
				entry.started = await startPrivateDockerd();
				entry.host = entry.started.host;
			}

			await ensureFixtureImage(entry.host);
		})();
		registry[key] = entry;
		shared = entry;
	}

	shared.users++;
	try {
		await shared.ready;
	} catch (error) {
		shared.users--;
		if (registry[key] === shared) registry[key] = undefined;
		await shared.started?.stop();
		throw error;
	}

	return shared;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const shared = await acquire();
	project.provide('dockerHost', shared.host);
	process.env.BERTH_TEST_DOCKER_HOST = shared.host;

	return async () => {
		shared.users--;
		if (shared.users > 0) return;
		registry[key] = undefined;
		if (shared.started) {
			delete process.env.BERTH_TEST_DOCKER_HOST;
			await shared.started.stop();
		}
	};
}
