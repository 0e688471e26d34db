/**
 * `docker stop`, and what it took: the engine sends the stop signal, waits the grace period and
 * then SIGKILLs, but its answer does not say which ended the container. berth tells from the
 * container afterwards: exit code 137 (128 + SIGKILL) after a stop that lasted the whole grace
 * period means the engine had to kill it.
 */
import {pathPart, type ApiClient} from '../transport/api-client.js';
import type {RawInspect} from './mapping.js';
import {EngineError, type StopResult} from '../types.js';

/** The engine's grace period when neither the call nor the container sets one. */
export const DEFAULT_STOP_GRACE_SECONDS = 10;

export async function stopContainer(client: ApiClient, id: string, timeout?: number): Promise<StopResult> {
	const container = client.docker.getContainer(pathPart(id));
	const started = Date.now();
	let alreadyStopped = false;
	try {
		await container.stop(timeout === undefined ? {} : {t: timeout});
	} catch (error) {
		if (!(error instanceof EngineError && error.code === 'not-modified')) throw error;
		alreadyStopped = true;
	}
	const elapsedMs = Date.now() - started;

	let after: RawInspect | undefined;
	try {
		after = await container.inspect() as unknown as RawInspect;
	} catch (error) {
		// Stopped and gone already (a container run with --rm): the stop itself worked.
		if (!(error instanceof EngineError && error.code === 'not-found')) throw error;
	}
	const graceSeconds = timeout ?? after?.Config?.StopTimeout ?? DEFAULT_STOP_GRACE_SECONDS;
	const exitCode = typeof after?.State?.ExitCode === 'number' ? after.State.ExitCode : undefined;
	const killed = !alreadyStopped && graceSeconds >= 0 && elapsedMs >= graceSeconds * 1000 && (exitCode === undefined || exitCode === 137);
	return {exitCode, killed, graceSeconds, ...(alreadyStopped && {alreadyStopped})};
}
