/**
 * Turns the bytes of a `/containers/{id}/logs` response (with `timestamps=1`) into lines: the
 * 8-byte frames of a non-TTY container are demultiplexed into stdout and stderr, lines are split
 * on newlines across chunks and frames, and each message's leading timestamp is taken off.
 *
 * Memory stays bounded whatever a container writes: a line keeps its first MAX_LINE_BYTES and
 * is marked `cut`; the rest, up to the newline, is read and thrown away (a container printing
 * 576 MiB without a newline used to end in ERR_STRING_TOO_LONG). Frames are consumed as their
 * bytes arrive, never held whole.
 */
import {ByteQueue} from '../io/byte-queue.js';
import type {LogLine, LogStream} from '../types.js';

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;
/** Longest timestamp plus its space, with room to spare. */
const TIMESTAMP_WINDOW = 41;
/** Docker's log copier cuts longer lines into messages of this many bytes, each with its own timestamp. */
const PARTIAL_MESSAGE_BYTES = 16 * 1024;
/** Longest line kept, in bytes; a longer one is cut there and marked `cut: true`. */
export const MAX_LINE_BYTES = 64 * 1024;


/** The largest prefix length ≤ `at` of `bytes` that does not end inside a UTF-8 sequence. */
function utf8Boundary(bytes: Buffer, at: number): number {
	let end = at;
	for (let back = 0; back < 3 && end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
	return (bytes[end]! & 0xc0) === 0x80 ? at : end;
}

/** The length of a message's leading "<timestamp> " (0 if none) and the timestamp, from its first bytes. */
function leadingTimestamp(start: Buffer): {timestamp?: string; length: number} {
	return timestampAt(start, 0, Math.min(start.length, TIMESTAMP_WINDOW));
}

/** leadingTimestamp() of the message whose first bytes are `bytes[from, to)` (to - from ≤ TIMESTAMP_WINDOW). */
function timestampAt(bytes: Buffer, from: number, to: number): {timestamp?: string; length: number} {
	for (let space = from + 1; space < to; space++) {
		if (bytes[space] !== 0x20) continue;
		const candidate = bytes.toString('latin1', from, space);
		return TIMESTAMP.test(candidate) ? {timestamp: candidate, length: space - from + 1} : {length: 0};
	}

	return {length: 0};
}

/** Splits a whole message's leading "<timestamp> " off (service logs, swarm/log-parser.ts). */
export function splitTimestamp(message: Buffer): {timestamp?: string; body: Buffer} {
	const {timestamp, length} = leadingTimestamp(message);
	return timestamp === undefined ? {body: message} : {timestamp, body: message.subarray(length)};
}

/**
 * Collects one stream's bytes into lines; a line's timestamp is that of the message that began
 * it. Keeps at most MAX_LINE_BYTES of a line (copied, so no chunk is held on to).
 */
export class LineCollector {
	private parts: Buffer[] = [];
	private size = 0;
	private cut = false;
	private inLine = false;
	private lineTimestamp: string | undefined;
	private messageTimestamp: string | undefined;

	constructor(readonly stream: LogStream) {}

	/** Bytes held for the line in progress. */
	get retained(): number {
		return this.size;
	}

	/** A new message from the engine begins, with this timestamp. */
	message(timestamp: string | undefined): void {
		this.messageTimestamp = timestamp;
	}

	text(bytes: Buffer, out: LogLine[]): void {
		let start = 0;
		while (start < bytes.length) {
			if (!this.inLine) {
				this.inLine = true;
				this.lineTimestamp = this.messageTimestamp;
			}

			const newline = bytes.indexOf(0x0a, start);
			if (newline === -1) {
				this.keep(bytes.subarray(start), true);
				return;
			}

			this.keep(bytes.subarray(start, newline), false);
			this.emit(out);
			start = newline + 1;
		}
	}

	/**
	 * text() for a message that ends with a newline (`bytes[to - 1]` is one), read in place: a
	 * line that starts here and is not too long is decoded straight from `bytes`, with no copy.
	 */
	lines(bytes: Buffer, from: number, to: number, out: LogLine[]): void {
		for (let start = from; start < to; ) {
			const newline = bytes.indexOf(0x0a, start);
			if (this.inLine || newline - start > MAX_LINE_BYTES) {
				this.text(bytes.subarray(start, newline + 1), out);
			} else {
				this.lineTimestamp = this.messageTimestamp;
				this.emitText(bytes.toString('utf8', start, newline), out);
			}
			start = newline + 1;
		}
	}

	/** Emits a final line that had no newline. */
	flush(out: LogLine[]): void {
		if (this.inLine && (this.size > 0 || this.cut)) this.emit(out);
	}

	/** Adds bytes to the line in progress, up to the cap; `pending` copies them (they outlive the chunk). */
	private keep(piece: Buffer, pending: boolean): void {
		if (this.cut || piece.length === 0) return;
		const room = MAX_LINE_BYTES - this.size;
		if (piece.length > room) {
			piece = piece.subarray(0, utf8Boundary(piece, room));
			this.cut = true;
		}
		this.parts.push(pending ? Buffer.from(piece) : piece);
		this.size += piece.length;
	}

	private emit(out: LogLine[]): void {
		this.emitText((this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)).toString('utf8'), out);
	}

	private emitText(text: string, out: LogLine[]): void {
		if (text.endsWith('\r')) text = text.slice(0, -1);
		const line: LogLine = {stream: this.stream, text};
		if (this.lineTimestamp !== undefined) line.timestamp = this.lineTimestamp;
		if (this.cut) line.cut = true;
		out.push(line);
		this.parts = [];
		this.size = 0;
		this.cut = false;
		this.inLine = false;
		this.lineTimestamp = undefined;
	}
}

/** Turns the raw bytes of a logs response into lines; one `push` per chunk received. */
export interface LogParser {
	push(chunk: Buffer): LogLine[];
	/** The stream ended: flush partial lines. */
	end(): LogLine[];
	/** Bytes the parser holds between chunks (at most about 2 × MAX_LINE_BYTES plus a header). */
	readonly retained: number;
}

/** A parser for a TTY container's raw stream, or for a multiplexed (non-TTY) one. */
export function createLogParser(tty: boolean): LogParser {
	return tty ? new RawLogParser(new LineCollector('tty')) : new MultiplexedLogParser();
}

/**
 * Raw (TTY) stream: messages are not delimited, so a message starts at the beginning of the
 * stream, after each newline, and after every PARTIAL_MESSAGE_BYTES bytes of an unfinished line
 * (where docker's copier cut it); each starts with a timestamp, which is removed.
 */
class RawLogParser implements LogParser {
	private head: Buffer | undefined;
	private atMessageStart = true;
	private messageBytes = 0;

	constructor(private readonly collector: LineCollector) {}

	get retained(): number {
		return this.collector.retained + (this.head?.length ?? 0);
	}

	push(chunk: Buffer): LogLine[] {
		const out: LogLine[] = [];
		this.feed(chunk, out);
		return out;
	}

	end(): LogLine[] {
		const out: LogLine[] = [];
		if (this.head) {
			this.collector.message(undefined);
			this.collector.text(this.head, out);
			this.head = undefined;
		}

		this.collector.flush(out);
		return out;
	}

	feed(chunk: Buffer, out: LogLine[]): void {
		let data = chunk;
		if (this.head) {
			data = Buffer.concat([this.head, chunk]);
			this.head = undefined;
		}

		let index = 0;
		while (index < data.length) {
			if (this.atMessageStart) {
				const window = data.subarray(index, index + TIMESTAMP_WINDOW);
				const space = window.indexOf(0x20);
				const newline = window.indexOf(0x0a);
				if (space === -1 && newline === -1 && window.length < TIMESTAMP_WINDOW) {
					this.head = Buffer.from(window);
					return;
				}

				let timestamp: string | undefined;
				if (space > 0 && (newline === -1 || space < newline)) {
					const candidate = window.subarray(0, space).toString('latin1');
					if (TIMESTAMP.test(candidate)) {
						timestamp = candidate;
						index += space + 1;
					}
				}

				this.collector.message(timestamp);
				this.atMessageStart = false;
				this.messageBytes = 0;
				continue;
			}

			const limit = Math.min(data.length, index + (PARTIAL_MESSAGE_BYTES - this.messageBytes));
			const newline = data.indexOf(0x0a, index);
			if (newline !== -1 && newline < limit) {
				this.collector.text(data.subarray(index, newline + 1), out);
				index = newline + 1;
				this.atMessageStart = true;
				continue;
			}

			this.collector.text(data.subarray(index, limit), out);
			this.messageBytes += limit - index;
			index = limit;
			if (this.messageBytes >= PARTIAL_MESSAGE_BYTES) this.atMessageStart = true;
		}
	}
}

/**
 * Multiplexed (non-TTY) stream: frames of `[stream, 0, 0, 0, size(4, big-endian)]` + payload.
 * Each frame is one message and starts with its timestamp; frames do not align with lines.
 */
class MultiplexedLogParser implements LogParser {
	private readonly queue = new ByteQueue();
	private readonly stdout = new LineCollector('stdout');
	private readonly stderr = new LineCollector('stderr');
	/** Set when a header is invalid: the rest is read as a raw stream, as docker-modem does. */
	private raw: RawLogParser | undefined;
	/** Payload bytes of the current frame still to come (0: a header is next). */
	private frameLeft = 0;
	/** The current frame's timestamp has not been looked for yet. */
	private frameStart = false;
	private collector = this.stdout;

	get retained(): number {
		return this.raw ? this.raw.retained : this.queue.length + this.stdout.retained + this.stderr.retained;
	}

	push(chunk: Buffer): LogLine[] {
		const out: LogLine[] = [];
		if (this.raw) {
			this.raw.feed(chunk, out);
			return out;
		}

		if (this.queue.length === 0 && this.frameLeft === 0) {
			const used = this.wholeFrames(chunk, out);
			if (used === chunk.length) return out;
			chunk = chunk.subarray(used);
		}

		this.queue.push(chunk);
		for (;;) {
			if (this.frameLeft === 0) {
				if (this.queue.length < 8) break;
				const header = this.queue.peek(8);
				const type = header[0]!;
				if (type > 2 || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
					this.raw = new RawLogParser(this.stdout);
					this.raw.feed(this.queue.takeAll(), out);
					return out;
				}

				this.frameLeft = header.readUInt32BE(4);
				this.queue.take(8);
				this.collector = type === 2 ? this.stderr : this.stdout;
				this.frameStart = true;
				if (this.frameLeft === 0) {
					this.collector.message(undefined);
					continue;
				}
			}

			if (this.frameStart) {
				// Each frame is one message and starts with its timestamp.
				const window = Math.min(this.frameLeft, TIMESTAMP_WINDOW);
				if (this.queue.length < window) break;
				const {timestamp, length} = leadingTimestamp(this.queue.peek(window));
				if (length > 0) this.queue.take(length);
				this.frameLeft -= length;
				this.collector.message(timestamp);
				this.frameStart = false;
			}

			const count = Math.min(this.frameLeft, this.queue.length);
			// A frame that held only its timestamp is done: the next header may be queued already.
			if (count === 0 && this.frameLeft === 0) continue;
			if (count === 0) break;
			this.frameLeft -= count;
			this.collector.text(this.queue.take(count), out);
		}

		return out;
	}

	/**
	 * The engine sends one frame per HTTP chunk, so a chunk usually holds whole frames: these are
	 * read where they are, without queueing or slicing. Returns the bytes used; the rest (a cut
	 * frame, a bad header) goes the general way.
	 */
	private wholeFrames(chunk: Buffer, out: LogLine[]): number {
		let at = 0;
		while (chunk.length - at >= 8) {
			const type = chunk[at]!;
			if (type > 2 || chunk[at + 1] !== 0 || chunk[at + 2] !== 0 || chunk[at + 3] !== 0) break;
			const start = at + 8;
			const end = start + chunk.readUInt32BE(at + 4);
			if (end > chunk.length || (end > start && chunk[end - 1] !== 0x0a)) break;
			const collector = type === 2 ? this.stderr : this.stdout;
			const {timestamp, length} = timestampAt(chunk, start, Math.min(end, start + TIMESTAMP_WINDOW));
			collector.message(timestamp);
			this.collector = collector;
			if (end > start + length) collector.lines(chunk, start + length, end, out);
			at = end;
		}
		return at;
	}

	end(): LogLine[] {
		const out: LogLine[] = this.raw ? this.raw.end() : [];
		if (!this.raw) this.stdout.flush(out);
		this.stderr.flush(out);
		return out;
	}
}
