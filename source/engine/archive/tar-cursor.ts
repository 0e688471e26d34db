/**
 * Follows a tar stream as it goes by, byte for byte, without copying it: which entry its bytes
 * have reached. For cp in, when the upload stops part-way, this tells exactly which entry the
 * engine got only part of (it keeps what it got: dockerd writes each entry as it arrives).
 * Extended headers (PAX `x`/`g`, GNU long names `L`/`K`) belong to the entry after them.
 */
const BLOCK = 512;
const metaTypes = new Set(['x', 'g', 'L', 'K']);

/** The size field of a header block: octal text, or base-256 when the first byte's high bit is set. */
function sizeOf(header: Buffer): number {
	const field = header.subarray(124, 136);
	if ((field[0]! & 0x80) !== 0) {
		let value = field[0]! & 0x7f;
		for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
		return value;
	}

	const text = field.toString('ascii').replace(/[\0 ]+$/, '').trim();
	return text ? Number.parseInt(text, 8) : 0;
}

export class TarCursor {
	/** Entries (not counting extended headers) whose header and content have all gone by. */
	complete = 0;
	/** An entry's header went by, not yet all of its content. */
	inside = false;
	private header = Buffer.alloc(0);
	/** Content and padding bytes still to go of the current header's entry. */
	private remaining = 0;
	private meta = false;
	private ended = false;

	push(chunk: Buffer): void {
		let at = 0;
		while (at < chunk.length && !this.ended) {
			if (this.remaining > 0) {
				const step = Math.min(this.remaining, chunk.length - at);
				this.remaining -= step;
				at += step;
				if (this.remaining === 0) this.entryDone();
				continue;
			}

			const step = Math.min(BLOCK - this.header.length, chunk.length - at);
			this.header = Buffer.concat([this.header, chunk.subarray(at, at + step)]);
			at += step;
			if (this.header.length < BLOCK) continue;
			const block = this.header;
			this.header = Buffer.alloc(0);
			if (block.every(byte => byte === 0)) {
				this.ended = true;
				continue;
			}

			const type = String.fromCharCode(block[156] || 0x30);
			this.meta = metaTypes.has(type);
			const size = sizeOf(block);
			this.remaining = Math.ceil(size / BLOCK) * BLOCK;
			if (!this.meta) this.inside = true;
			if (this.remaining === 0) this.entryDone();
		}
	}

	private entryDone(): void {
		if (this.meta) return;
		this.complete++;
		this.inside = false;
	}
}
