/**
 * Splits the engine's newline-delimited JSON streams (events, stats) into lines. A line longer
 * than MAX_JSON_LINE is dropped (cut JSON cannot be parsed) and its bytes are not kept, so a
 * stream without newlines cannot grow memory without bound.
 */
import {StringDecoder} from 'node:string_decoder';

/** Longest line delivered, in UTF-16 code units; engine events and stats samples are a few KB. */
export const MAX_JSON_LINE = 1024 * 1024;

/** Splits a byte stream into text lines (UTF-8 safe across chunk boundaries). */
export class LineSplitter {
	private readonly decoder = new StringDecoder('utf8');
	private rest = '';
	/** Inside a line that was too long: skip to its newline. */
	private skipping = false;
	/** Lines dropped for being too long. */
	dropped = 0;

	/** Characters held for the line in progress. */
	get retained(): number {
		return this.rest.length;
	}

	push(chunk: Buffer): string[] {
		const text = this.decoder.write(chunk);
		const lines: string[] = [];
		let start = 0;
		for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
			if (!this.skipping) this.deliver(this.rest + text.slice(start, newline), lines);
			this.rest = '';
			this.skipping = false;
			start = newline + 1;
		}
		if (!this.skipping) {
			if (this.rest.length + text.length - start > MAX_JSON_LINE) {
				this.rest = '';
				this.skipping = true;
				this.dropped++;
			} else {
				this.rest += text.slice(start);
			}
		}
		return lines;
	}

	end(): string[] {
		const last = this.skipping ? '' : this.rest + this.decoder.end();
		this.rest = '';
		this.skipping = false;
		const lines: string[] = [];
		if (last.trim()) this.deliver(last, lines);
		return lines;
	}

	private deliver(line: string, lines: string[]): void {
		if (line.length > MAX_JSON_LINE) this.dropped++;
		else lines.push(line);
	}
}
