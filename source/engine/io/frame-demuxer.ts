/**
 * The engine's multiplexed stream format (exec and attach without a TTY): frames of
 * `[stream, 0, 0, 0, size (4 bytes, big-endian)]` + payload, where stream is 0 stdin, 1 stdout,
 * 2 stderr. Frames can be cut anywhere across chunks.
 */
import {ByteQueue} from './byte-queue.js';

export type FrameStream = 'stdout' | 'stderr';

/** Calls `onPayload` with each frame's payload as whole frames arrive. */
export class FrameDemuxer {
	private readonly queue = new ByteQueue();
	/** Set when a header is invalid: the rest is passed through as stdout, as docker-modem does. */
	private raw = false;

	constructor(private readonly onPayload: (stream: FrameStream, payload: Buffer) => void) {}

	push(chunk: Buffer): void {
		if (this.raw) {
			if (chunk.length > 0) this.onPayload('stdout', chunk);
			return;
		}

		this.queue.push(chunk);
		while (this.queue.length >= 8) {
			const header = this.queue.peek(8);
			const type = header[0]!;
			if (type > 2 || header[1] !== 0 || header[2] !== 0 || header[3] !== 0) {
				this.raw = true;
				this.onPayload('stdout', this.queue.takeAll());
				return;
			}

			const size = header.readUInt32BE(4);
			if (this.queue.length < 8 + size) return;
			const payload = this.queue.take(8 + size).subarray(8);
			if (payload.length > 0) this.onPayload(type === 2 ? 'stderr' : 'stdout', payload);
		}
	}
}
