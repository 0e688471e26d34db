/**
 * `docker create`, `docker run` (-d, attached, -it) and `docker start -a -i`, in the CLI's order:
 * create; for an attached run register the wait for the exit (POST /wait answers its headers once
 * the wait is in place) and attach, then start; the exit code comes from the wait, which for a
 * --rm container waits for its removal (condition "removed"), so the code is not lost with the
 * container. A start that fails rejects with the engine's message; the container stays created
 * (the engine removes a --rm one), as with the CLI.
 */
import type {Duplex} from 'node:stream';
import type Dockerode from 'dockerode';
import type {ApiClient} from '../transport/api-client.js';
import {pathPart} from '../transport/api-client.js';
import {FrameDemuxer} from '../io/frame-demuxer.js';
import {LineSplitter} from '../io/line-splitter.js';
import type {RawInspect} from './mapping.js';
import {createTerminalSession, DETACH_BYTES, DETACH_KEYS, resizeWithRetry} from '../io/terminal-session.js';
import {EngineError, type LogLine, type LogStream, type RunContainerOptions, type RunOutcome, type RunSession, type TerminalSession} from '../types.js';
import {contextOf} from '../transport/client-context.js';
import {toCreateBody, type RunMode} from './create-body.js';
import {openRequest, readText} from '../transport/stream-request.js';

/** How long berth waits for the engine's exit code once the connection to the process closed. */
const EXIT_WAIT_MS = 3000;

export async function createContainer(client: ApiClient, image: string, options: RunContainerOptions, mode: RunMode = 'create'): Promise<string> {
	// _query and _body: docker-modem sends the name in the query and the config as the body (dockerode
	// would send the whole config in both).
	const created = await client.docker.createContainer({
		_query: options.name ? {name: options.name} : {},
		_body: toCreateBody(image, options, mode, contextOf(client).processEnv),
	} as unknown as Dockerode.ContainerCreateOptions);
	if (typeof created?.id !== 'string' || !created.id) throw new EngineError('unknown', 'The engine did not return the new container id');
	return created.id;
}

async function start(client: ApiClient, id: string): Promise<void> {
	try {
		await client.docker.getContainer(pathPart(id)).start();
	} catch (error) {
		// Already running (304): nothing to do.
		if (!(error instanceof EngineError && error.code === 'not-modified')) throw error;
	}
}

/** `docker run -d`: create, then start; returns the id. */
export async function runDetached(client: ApiClient, image: string, options: RunContainerOptions): Promise<string> {
	const id = await createContainer(client, image, options, 'detached');
	await start(client, id);
	return id;
}

interface ExitWait {
	/** The exit code, or undefined when the wait was cancelled or failed. */
	result: Promise<number | undefined>;
	cancel(): void;
}

/**
 * Registers a wait for the container's next exit (or removal) and resolves once it is in place:
 * when the engine has answered its headers. Through the modem itself: dockerode's Container.wait
 * resolves only with the exit, too late to know that the wait was in place before the start.
 */
async function waitForExit(client: ApiClient, id: string, condition: 'next-exit' | 'removed'): Promise<ExitWait> {
	const controller = new AbortController();
	const response = await openRequest(client, {method: 'POST', path: `/containers/${pathPart(id)}/wait`, query: {condition}, signal: controller.signal});
	const result = readText(client, response, controller.signal).then(text => {
		const answer = JSON.parse(text) as {StatusCode?: unknown};
		return typeof answer.StatusCode === 'number' ? answer.StatusCode : undefined;
	}).catch(() => undefined);
	return {result, cancel: () => controller.abort()};
}

/** Resolves with the wait's exit code, or undefined after `ms`. */
async function within(promise: Promise<number | undefined>, ms: number): Promise<number | undefined> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<undefined>(resolve => {
		timer = setTimeout(() => resolve(undefined), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

async function attachSocket(client: ApiClient, id: string, stdin: boolean): Promise<Duplex> {
	// Sent with an empty body (berth-modem.ts).
	return await client.docker.getContainer(pathPart(id)).attach({hijack: true, stream: true, stdin, stdout: true, stderr: true, ...(stdin && {detachKeys: DETACH_KEYS})}) as unknown as Duplex;
}

/** Starts `id` with a wait and an attachment in place; on failure both are taken down and the engine's error rethrown. */
async function startAttachedTo(client: ApiClient, id: string, autoRemove: boolean, stdin: boolean): Promise<{socket: Duplex; exit: ExitWait}> {
	const exit = await waitForExit(client, id, autoRemove ? 'removed' : 'next-exit');
	let socket: Duplex | undefined;
	try {
		socket = await attachSocket(client, id, stdin);
		await start(client, id);
		return {socket, exit};
	} catch (error) {
		socket?.destroy();
		exit.cancel();
		throw error;
	}
}

/** `docker run IMAGE` (no -d): the output as lines, then the exit code. */
export async function runAttached(client: ApiClient, image: string, options: RunContainerOptions, onOutput: (lines: LogLine[]) => void, signal?: AbortSignal): Promise<RunOutcome> {
	const id = await createContainer(client, image, options, 'attached');
	const autoRemove = options.autoRemove === true;
	const {socket, exit} = await startAttachedTo(client, id, autoRemove, false);
	await streamOutput(socket, options.tty === true, onOutput, signal);
	if (signal?.aborted) {
		exit.cancel();
		return {id, removed: false};
	}

	const exitCode = await exit.result;
	const outcome: RunOutcome = {id, removed: autoRemove && exitCode !== undefined};
	if (exitCode !== undefined) outcome.exitCode = exitCode;
	return outcome;
}

/** Delivers the attached output as lines (batched per turn of the event loop) until the connection ends or `signal` aborts. */
async function streamOutput(socket: Duplex, tty: boolean, onOutput: (lines: LogLine[]) => void, signal?: AbortSignal): Promise<void> {
	const splitters: Record<LogStream, LineSplitter> = {stdout: new LineSplitter(), stderr: new LineSplitter(), tty: new LineSplitter()};
	let pending: LogLine[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	const flush = () => {
		scheduled = undefined;
		if (pending.length === 0) return;
		const batch = pending;
		pending = [];
		onOutput(batch);
	};

	const add = (stream: LogStream, texts: string[]) => {
		for (const text of texts) pending.push({stream, text: text.replace(/\r$/, '')});
		if (pending.length > 0) scheduled ??= setImmediate(flush);
	};

	const demuxer = new FrameDemuxer((stream, payload) => add(stream, splitters[stream].push(payload)));
	await new Promise<void>(resolve => {
		const finish = () => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		};

		const onAbort = () => {
			socket.destroy();
			finish();
		};

		socket.on('data', (chunk: Buffer) => {
			if (tty) add('tty', splitters.tty.push(chunk));
			else demuxer.push(chunk);
		});
		socket.on('error', finish);
		socket.once('end', finish);
		socket.once('close', finish);
		if (signal?.aborted) onAbort();
		else signal?.addEventListener('abort', onAbort, {once: true});
	});
	if (!socket.destroyed) socket.destroy();
	if (scheduled) clearImmediate(scheduled);
	for (const stream of ['stdout', 'stderr', 'tty'] as const) add(stream, splitters[stream].end());
	if (scheduled) clearImmediate(scheduled);
	flush();
}

/** A terminal session on an attached socket; done: the exit code from the wait, or detached. */
async function session(client: ApiClient, id: string, socket: Duplex, exit: ExitWait, tty: boolean, size: {columns: number; rows: number}): Promise<TerminalSession> {
	const container = client.docker.getContainer(pathPart(id));
	const resize = async (columns: number, rows: number) => {
		if (tty) await container.resize({h: rows, w: columns});
	};

	const terminal = createTerminalSession({
		socket,
		multiplexed: !tty,
		resize,
		detachKeys: DETACH_BYTES,
		async outcome(end) {
			const exitCode = await within(exit.result, end.detachKeys || end.closedByBerth ? 200 : EXIT_WAIT_MS);
			if (exitCode !== undefined) return {exitCode};
			exit.cancel();
			const state = await container.inspect().then(inspect => (inspect as unknown as RawInspect).State, () => undefined);
			if (state?.Running === true) return {detached: true};
			return typeof state?.ExitCode === 'number' ? {exitCode: state.ExitCode} : {};
		},
	});
	if (tty && size.columns > 0 && size.rows > 0) await resizeWithRetry(resize, Math.floor(size.columns), Math.floor(size.rows), 4);
	return terminal;
}

/** `docker run -it IMAGE`. */
export async function runInteractive(client: ApiClient, image: string, options: RunContainerOptions, size: {columns: number; rows: number}): Promise<RunSession> {
	const id = await createContainer(client, image, options, 'interactive');
	const tty = options.tty !== false;
	const {socket, exit} = await startAttachedTo(client, id, options.autoRemove === true, true);
	return {id, session: await session(client, id, socket, exit, tty, size)};
}

/** `docker start -a -i ID`: for a container created with -i (and -t); a running one is attached to. */
export async function startAttached(client: ApiClient, id: string, size: {columns: number; rows: number}): Promise<TerminalSession> {
	const info = await client.docker.getContainer(pathPart(id)).inspect() as unknown as RawInspect & {Id: string; HostConfig?: {AutoRemove?: boolean}; Config?: {OpenStdin?: boolean}};
	const tty = info.Config?.Tty === true;
	const {socket, exit} = await startAttachedTo(client, info.Id, info.HostConfig?.AutoRemove === true, info.Config?.OpenStdin === true);
	return session(client, info.Id, socket, exit, tty, size);
}
