/** Splits the engine's newline-delimited JSON streams (events, stats) into lines. */
import {StringDecoder} from 'node:string_decoder';

/** Splits a byte stream into text lines (UTF-8 safe across chunk boundaries). */
export class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private rest = '';

	push(chunk: Buffer): string[] {
		const text = this.rest + this.decoder.write(chunk);
		const lines = text.split('\n');
		this.rest = lines.pop() ?? '';
		return lines;
	}

	end(): string[] {
		const last = this.rest + this.decoder.end();
		this.rest = '';
		return last.trim() ? [last] : [];
	}
}
