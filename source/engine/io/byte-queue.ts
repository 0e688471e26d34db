/** A queue of byte chunks that concatenates only what is asked for. */
export class ByteQueue {
	private chunks: Buffer[] = [];
	length = 0;

	push(chunk: Buffer): void {
		if (chunk.length === 0) return;
		this.chunks.push(chunk);
		this.length += chunk.length;
	}

	/** Removes and returns the first `count` bytes (count <= length). */
	take(count: number): Buffer {
		const head = this.peek(count);
		this.drop(count);
		return head;
	}

	peek(count: number): Buffer {
		const first = this.chunks[0]!;
		if (first.length >= count) return first.subarray(0, count);
		const merged = Buffer.concat(this.chunks);
		this.chunks = [merged];
		return merged.subarray(0, count);
	}

	takeAll(): Buffer {
		const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
		this.chunks = [];
		this.length = 0;
		return all;
	}

	private drop(count: number): void {
		let left = count;
		while (left > 0) {
			const first = this.chunks[0]!;
			if (first.length <= left) {
				this.chunks.shift();
				left -= first.length;
			} else {
				this.chunks[0] = first.subarray(left);
				left = 0;
			}
		}

		this.length -= count;
	}
}
