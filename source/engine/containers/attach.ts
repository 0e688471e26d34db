/**
 * `docker attach`: the container's main process's stdin, stdout and stderr on a hijacked
 * connection, with the detach keys ctrl-p ctrl-q handled by the engine (the connection closes,
 * the container goes on running).
 */
import type {Duplex} from 'node:stream';
import type Dockerode from 'dockerode';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import type {RawInspect} from './mapping.js';
import {createTerminalSession, DETACH_BYTES, DETACH_KEYS, resizeWithRetry, type SessionOutcome} from '../io/terminal-session.js';
import {EngineError, type TerminalSession} from '../types.js';

/** How long to wait for the container to stop after the connection closed without a detach. */
const EXIT_WAIT_MS = 3000;

/**
 * Attaches to a running container. A TTY container's output is raw; a non-TTY container's
 * stdout and stderr are unwrapped into one plain stream. Refuses stopped and paused containers
 * (EngineError 'conflict'), as `docker attach` does.
 */
export async function attach(client: ApiClient, id: string, size: {columns: number; rows: number}): Promise<TerminalSession> {
	const container = client.docker.getContainer(pathPart(id));
	const info = await container.inspect() as unknown as RawInspect;
	if (info.State?.Paused === true) throw new EngineError('conflict', 'You cannot attach to a paused container, unpause it first');
	if (info.State?.Running !== true) throw new EngineError('conflict', 'You cannot attach to a stopped container, start it first');
	const tty = info.Config?.Tty === true;
	const stdin = info.Config?.OpenStdin === true;

	// Sent with an empty body (berth-modem.ts): podman would type a JSON body into the container's stdin.
	const socket = await container.attach({hijack: true, stream: true, stdin: true, stdout: true, stderr: true, detachKeys: DETACH_KEYS}) as unknown as Duplex;
	const resize = async (columns: number, rows: number) => {
		// Only a TTY has a size; resizing a non-TTY container is an error on the engine.
		if (tty) await container.resize({h: rows, w: columns});
	};

	const session = createTerminalSession({
		socket,
		multiplexed: !tty,
		resize,
		detachKeys: DETACH_BYTES,
		outcome: async end => containerOutcome(container, end.detachKeys || end.closedByBerth),
	});
	if (tty && size.columns > 0 && size.rows > 0) await resizeWithRetry(resize, Math.floor(size.columns), Math.floor(size.rows), 1);
	const kind = stdin ? `interactive, ${tty ? 'with a TTY' : 'no TTY'}` : `output only: it was started without -i, so keys do not reach it${tty ? '' : '; no TTY'}`;
	return {...session, note: `Attached (${kind}). Ctrl-P Ctrl-Q returns to berth; the container keeps running.`};
}

/**
 * After the connection closed: detached when the container still runs, else its exit code.
 * Without a detach request the process most likely exited, and the engine may still report it
 * running for a moment, so wait a little for the state to change.
 */
async function containerOutcome(container: Dockerode.Container, detachRequested: boolean): Promise<SessionOutcome> {
	const deadline = Date.now() + (detachRequested ? 0 : EXIT_WAIT_MS);
	for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
		const state = (await container.inspect() as unknown as RawInspect).State;
		if (state?.Running !== true) return typeof state?.ExitCode === 'number' ? {exitCode: state.ExitCode} : {};
		if (Date.now() > deadline) return {detached: true};
		await new Promise(resolve => {
			setTimeout(resolve, delay);
		});
	}
}
