/**
 * A TerminalSession on a hijacked exec or attach connection. With a TTY the engine sends the
 * terminal's bytes raw and `output` is the socket itself; without one it multiplexes stdout and
 * stderr into frames, which are unwrapped here into one plain `output` stream. `input` forwards
 * to the socket and never fails (bytes written after the session ended are dropped), and watches
 * for the detach keys so that a detach can be told from an exit.
 *
 * `output` must be read (piped to the terminal): `done` follows the end of the connection, which
 * a paused socket never reports.
 */
import {PassThrough, Writable, type Duplex} from 'node:stream';
import {FrameDemuxer} from './frame-demuxer.js';
import type {TerminalSession} from '../types.js';

export type SessionOutcome = {exitCode?: number; detached?: boolean};

/** Why the connection closed, as far as berth can tell. */
export interface SessionEnd {
	/** The detach keys went through `input` (the engine detaches on them). */
	detachKeys: boolean;
	/** berth called close(). */
	closedByBerth: boolean;
}

export interface TerminalSessionOptions {
	/** The upgraded connection. */
	socket: Duplex;
	/** True when the engine multiplexes the output (no TTY). */
	multiplexed: boolean;
	/** The engine call that resizes the TTY (rejects on failure). */
	resize: (columns: number, rows: number) => Promise<void>;
	/** The byte sequence on which the engine detaches (ctrl-p ctrl-q = [0x10, 0x11]). */
	detachKeys?: number[];
	/** Works out how the session ended once the connection closed. */
	outcome: (end: SessionEnd) => Promise<SessionOutcome>;
}

/** The engine's default detach keys, for attach and exec alike; berth does not change them. */
export const DETACH_KEYS = 'ctrl-p,ctrl-q';
export const DETACH_BYTES = [0x10, 0x11];

const RESIZE_RETRY_MS = 100;

export function createTerminalSession(options: TerminalSessionOptions): TerminalSession {
	const {socket} = options;
	let ended = false;
	const end: SessionEnd = {detachKeys: false, closedByBerth: false};

	// Errors (reset, write after end) end the session like a close does; never unhandled.
	socket.on('error', () => {});
	const connectionClosed = new Promise<void>(resolve => {
		const finish = () => {
			ended = true;
			resolve();
		};

		socket.once('end', finish);
		socket.once('close', finish);
		socket.once('error', finish);
	});

	const output = options.multiplexed ? demultiplexed(socket) : socket;
	const input = forwarder(socket, options.detachKeys, () => {
		end.detachKeys = true;
	});

	const done = connectionClosed.then(async () => {
		if (!socket.destroyed) socket.destroy();
		try {
			return await options.outcome(end);
		} catch {
			return {};
		}
	});

	return {
		output,
		input,
		async resize(columns: number, rows: number) {
			if (ended || !(columns > 0) || !(rows > 0)) return;
			await resizeWithRetry(options.resize, Math.floor(columns), Math.floor(rows), 1);
		},
		done,
		close() {
			end.closedByBerth = true;
			socket.destroy();
		},
	};
}

/**
 * Resizes, retrying after a short pause: the engine may refuse before the process has started,
 * and some engines answer a successful resize with an unexpected status. A last failure is
 * ignored: a wrong size is not worth ending the session for.
 */
export async function resizeWithRetry(resize: (columns: number, rows: number) => Promise<void>, columns: number, rows: number, retries: number): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await resize(columns, rows);
			return;
		} catch {
			if (attempt >= retries) return;
			await new Promise(resolve => {
				setTimeout(resolve, RESIZE_RETRY_MS * (attempt + 1));
			});
		}
	}
}

/** One plain stream with the payloads of the socket's stdout and stderr frames, in order. */
function demultiplexed(socket: Duplex): PassThrough {
	const output = new PassThrough();
	const demuxer = new FrameDemuxer((_stream, payload) => {
		if (!output.write(payload)) socket.pause();
	});
	output.on('drain', () => socket.resume());
	socket.on('data', (chunk: Buffer) => demuxer.push(chunk));
	const end = () => {
		if (!output.writableEnded) output.end();
	};

	socket.once('end', end);
	socket.once('close', end);
	return output;
}

/** A Writable that passes bytes to the socket and spots the detach sequence going through. */
function forwarder(socket: Duplex, detachKeys: number[] | undefined, onDetachKeys: () => void): Writable {
	let matched = 0;
	return new Writable({
		write(chunk: Buffer | string, encoding: BufferEncoding, callback: (error?: Error | null) => void) {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
			if (detachKeys && detachKeys.length > 0) {
				for (const byte of bytes) {
					matched = byte === detachKeys[matched] ? matched + 1 : (byte === detachKeys[0] ? 1 : 0);
					if (matched === detachKeys.length) {
						onDetachKeys();
						matched = 0;
					}
				}
			}

			if (socket.destroyed || socket.writableEnded) {
				callback();
				return;
			}

			socket.write(bytes, () => {
				callback();
			});
		},
		final(callback: (error?: Error | null) => void) {
			if (!socket.destroyed && !socket.writableEnded) socket.end();
			callback();
		},
	});
}
