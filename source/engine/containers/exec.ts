/**
 * `docker exec`: a command run to completion with its output collected (execCapture), and an
 * interactive one with a TTY (execInteractive). Both create the exec, start it on a hijacked
 * connection, and read the exit code from the exec's inspect once the connection ends.
 */
import type {Duplex} from 'node:stream';
import type Dockerode from 'dockerode';
import {pathPart, type ApiClient} from '../transport/api-client.js';
import {FrameDemuxer} from '../io/frame-demuxer.js';
import {createTerminalSession, DETACH_BYTES, DETACH_KEYS, resizeWithRetry} from '../io/terminal-session.js';
import {EngineError, type ExecResult, type TerminalSession} from '../types.js';

/** What execCapture keeps of stdout and stderr together; the rest is cut off. */
export const EXEC_CAPTURE_LIMIT = 1024 * 1024;
/** How long to wait for the engine to mark an exec as finished after its stream ended. */
const EXIT_WAIT_MS = 3000;
/** The same after berth cut a large output off (the command may well run on). */
const TRUNCATED_EXIT_WAIT_MS = 500;
/** The same after the detach keys, when the command may just as well go on running. */
const DETACH_EXIT_WAIT_MS = 1000;
/** Attempts at the initial resize (the process may not have started yet). */
const INITIAL_RESIZE_RETRIES = 4;

interface ExecInspect {
	Running?: boolean;
	ExitCode?: number | null;
}

async function createExec(client: ApiClient, id: string, body: Dockerode.ExecCreateOptions): Promise<Dockerode.Exec> {
	const exec = await client.docker.getContainer(pathPart(id)).exec(body);
	if (typeof exec?.id !== 'string' || !exec.id) throw new EngineError('unknown', 'The engine did not return the exec id');
	return exec;
}

/** Starts an exec on a hijacked connection; the JSON body keeps the request open for stdin (berth-modem.ts). */
async function startExec(exec: Dockerode.Exec, tty: boolean): Promise<Duplex> {
	return await exec.start({hijack: true, stdin: true, Detach: false, Tty: tty}) as unknown as Duplex;
}

/** The exec's exit code once the engine has it; undefined when it still runs after `waitMs`. */
async function execExitCode(exec: Dockerode.Exec, waitMs = EXIT_WAIT_MS): Promise<number | undefined> {
	const deadline = Date.now() + waitMs;
	for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
		const inspect = await exec.inspect() as ExecInspect;
		if (inspect.Running !== true && typeof inspect.ExitCode === 'number') return inspect.ExitCode;
		if (Date.now() > deadline) return undefined;
		await new Promise(resolve => {
			setTimeout(resolve, delay);
		});
	}
}

/**
 * Runs `cmd` without a TTY and collects stdout and stderr (decoded as UTF-8). Past
 * EXEC_CAPTURE_LIMIT bytes the connection is closed and the output cut there. The engine does not
 * stop an exec whose client went away (Docker 20.10 keeps draining its output: `yes` runs on
 * until the container stops), so this is for commands with small outputs. The whole run is
 * bounded by `timeoutMs`. The exit code is -1 when the engine has none (the command still ran
 * when berth stopped waiting).
 */
export async function execCapture(client: ApiClient, id: string, cmd: string[], timeoutMs: number): Promise<ExecResult> {
	const exec = await createExec(client, id, {Cmd: cmd, AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false});
	const socket = await startExec(exec, false);

	const chunks = {stdout: [] as Buffer[], stderr: [] as Buffer[]};
	let kept = 0;
	let timedOut = false;
	const demuxer = new FrameDemuxer((stream, payload) => {
		if (kept >= EXEC_CAPTURE_LIMIT) return;
		const part = payload.subarray(0, EXEC_CAPTURE_LIMIT - kept);
		chunks[stream].push(part);
		kept += part.length;
		if (kept >= EXEC_CAPTURE_LIMIT) socket.destroy();
	});

	await new Promise<void>(resolve => {
		const timer = setTimeout(() => {
			timedOut = true;
			socket.destroy();
		}, timeoutMs);
		const finish = () => {
			clearTimeout(timer);
			resolve();
		};

		socket.on('data', (chunk: Buffer) => demuxer.push(chunk));
		socket.on('error', finish);
		socket.once('end', finish);
		socket.once('close', finish);
	});
	if (!socket.destroyed) socket.destroy();
	if (timedOut) {
		throw new EngineError('interrupted', `The command did not finish within ${Math.round(timeoutMs / 1000)} s; berth stopped waiting for it`);
	}

	return {
		exitCode: (await execExitCode(exec, kept >= EXEC_CAPTURE_LIMIT ? TRUNCATED_EXIT_WAIT_MS : EXIT_WAIT_MS)) ?? -1,
		stdout: Buffer.concat(chunks.stdout).toString('utf8'),
		stderr: Buffer.concat(chunks.stderr).toString('utf8'),
	};
}

/**
 * Starts `cmd` with a TTY of the given size (TERM=xterm-256color), stdin attached. The session
 * ends when the command exits (done: its exit code), when the user types the detach keys
 * ctrl-p ctrl-q (the engine's default for exec as for attach, set explicitly here; Docker 20.10
 * then ends the command: done gives exit code 126; an engine that keeps it running: {detached:
 * true}), or when berth closes it (done: the exit code if the command has ended, else {}).
 */
export async function execInteractive(client: ApiClient, id: string, cmd: string[], size: {columns: number; rows: number}): Promise<TerminalSession> {
	const exec = await createExec(client, id, {
		Cmd: cmd,
		AttachStdin: true,
		AttachStdout: true,
		AttachStderr: true,
		Tty: true,
		Env: ['TERM=xterm-256color'],
		DetachKeys: DETACH_KEYS,
	});
	const socket = await startExec(exec, true);
	const resize = async (columns: number, rows: number) => {
		await exec.resize({h: rows, w: columns});
	};

	const session = createTerminalSession({
		socket,
		multiplexed: false,
		resize,
		detachKeys: DETACH_BYTES,
		async outcome(end) {
			// Closed by berth: the command may well go on running; do not wait for it. Detached:
			// Docker 20.10 ends the command then ("read escape sequence", exit code 126); engines
			// that keep it running make the session end detached.
			const exitCode = await execExitCode(exec, end.closedByBerth ? 0 : (end.detachKeys ? DETACH_EXIT_WAIT_MS : EXIT_WAIT_MS));
			if (exitCode !== undefined) return {exitCode};
			return end.detachKeys ? {detached: true} : {};
		},
	});
	if (size.columns > 0 && size.rows > 0) await resizeWithRetry(resize, Math.floor(size.columns), Math.floor(size.rows), INITIAL_RESIZE_RETRIES);
	return session;
}
