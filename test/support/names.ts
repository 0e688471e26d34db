/**
 * Names for what tests create, and cleanup of exactly that. Tests never touch containers or
 * images they did not make, so several runs (and the developer's own containers) can share an
 * engine.
 */
import {randomBytes} from 'node:crypto';
import {dockerCli} from './dockerd.js';

/** `berth-t-<prefix>-<random>`: lowercase, so it is valid as a container name and an image repository. */
export function uniqueName(prefix: string): string {
	const clean = prefix.toLowerCase().replaceAll(/[^a-z\d_.-]+/g, '-');
	return `berth-t-${clean}-${randomBytes(4).toString('hex')}`;
}

/** Records what a test creates and removes it (forcibly) afterwards. */
export interface Resources {
	/** Remembers a container (id or name) for removal; returns it. */
	container(idOrName: string): string;
	/** Remembers an image (reference or id) for removal; returns it. */
	image(refOrId: string): string;
	/** Removes the remembered containers (with their volumes), then the images. Never throws for "already gone". */
	cleanup(): Promise<void>;
}

/** A Resources tracker for the engine at `host` (uses the docker CLI). */
export function trackResources(host: string): Resources {
	const containers = new Set<string>();
	const images = new Set<string>();
	return {
		container(idOrName) {
			containers.add(idOrName);
			return idOrName;
		},
		image(refOrId) {
			images.add(refOrId);
			return refOrId;
		},
		async cleanup() {
			const failures: string[] = [];
			const remove = async (args: string[]) => {
				try {
					await dockerCli(host, args);
				} catch (error) {
					const message = (error as Error).message;
					if (!/no such (container|image)/i.test(message)) failures.push(message);
				}
			};

			for (const container of containers) await remove(['rm', '--force', '--volumes', container]);
			containers.clear();
			for (const image of images) await remove(['rmi', '--force', image]);
			images.clear();
			if (failures.length > 0) throw new Error(`cleanup failed:\n${failures.join('\n')}`);
		},
	};
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
		}

		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}
}
