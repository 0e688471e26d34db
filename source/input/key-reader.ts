/**
 * Reads the terminal's keys: berth's own stdin listener, not Ink's `useInput` (whose parser
 * loses control keys that arrive together and turns mouse reports into keys; see
 * decode-keys.ts). Raw mode is berth's own too (cli.tsx sets it once Ink is imported, before the first frame).
 */
import {StringDecoder} from 'node:string_decoder';
import {watchBusy, type BusyWatch} from './busy-watch.js';
import {KeyDecoder, type KeyEvent} from './decode-keys.js';

/**
 * How long an Esc at the end of a read waits for the rest of a sequence (an arrow key split
 * across reads) before it counts as the Esc key. Terminals send a sequence in one write, so
 * this only matters on links that split packets.
 */
export const escapeWaitMs = 30;

export interface KeyReader {
	/** Stops reading (a shell has the terminal); unfinished input is forgotten. */
	pause(): void;
	/** Reads again. */
	resume(): void;
	/** Stops for good. */
	stop(): void;
}

interface InputStream {
	on(event: 'data', listener: (data: Buffer | string) => void): unknown;
	off(event: 'data', listener: (data: Buffer | string) => void): unknown;
	resume?(): unknown;
}

/**
 * Calls `onKeys` with the events of every read, in order; `busy` when the read came after berth
 * had been busy (busy-watch.ts), so its keys were typed at a screen that did not answer.
 */
export function readKeys(stdin: InputStream, onKeys: (events: KeyEvent[], busy: boolean) => void, waitMs = escapeWaitMs, watch: BusyWatch = watchBusy()): KeyReader {
	const decoder = new KeyDecoder();
	// A UTF-8 character split across reads is completed by the next one.
	const text = new StringDecoder('utf8');
	let timer: NodeJS.Timeout | undefined;
	let reading = false;

	const deliver = (events: KeyEvent[], busy: boolean) => {
		if (events.length > 0) onKeys(events, busy);
	};
	const onData = (data: Buffer | string) => {
		if (timer) {
			clearTimeout(timer);
			timer = undefined;
		}
		const busy = watch.read();
		deliver(decoder.push(typeof data === 'string' ? data : text.write(data)), busy);
		if (decoder.hasPending()) {
			// An Esc held at the end of the read is a key of that read.
			timer = setTimeout(() => {
				timer = undefined;
				deliver(decoder.flush(), busy);
			}, waitMs);
		}
	};
	const start = () => {
		if (reading) return;
		reading = true;
		stdin.on('data', onData);
		stdin.resume?.();
	};
	const halt = () => {
		if (!reading) return;
		reading = false;
		stdin.off('data', onData);
		if (timer) clearTimeout(timer);
		timer = undefined;
		decoder.reset();
		watch.stop();
	};
	start();
	return {pause: halt, resume: start, stop: halt};
}
