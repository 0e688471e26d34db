/**
 * Memory stays bounded whatever a container writes: hundreds of MB without a newline, streamed
 * through the log parser (TTY and multiplexed) and the events splitter chunk by chunk. What is
 * checked is what the parser holds between chunks, not the process's RSS.
 */
import {describe, expect, it} from 'vitest';
import {createLogParser, MAX_LINE_BYTES} from '../../source/engine/containers/log-parser.js';
import type {LogLine} from '../../source/engine/types.js';
import {LineSplitter, MAX_JSON_LINE} from '../../source/engine/io/line-splitter.js';

const ts = '2026-11-23T10:40:20.754140706Z';
const MB = 1024 * 1024;
const TOTAL = 300 * MB;

function frame(stream: 1 | 2, payload: Buffer): Buffer {
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

/** Feeds chunks, checking after each what the parser holds; returns the lines and the most it held. */
function feed(parser: ReturnType<typeof createLogParser>, chunks: Iterable<Buffer>) {
	const lines: LogLine[] = [];
	let most = 0;
	for (const chunk of chunks) {
		lines.push(...parser.push(chunk));
		most = Math.max(most, parser.retained);
	}
	lines.push(...parser.end());
	return {lines, most};
}

describe('a line without a newline cannot exhaust memory', () => {
	it('TTY: 300 MB in one line keeps its first 64 KiB, marked cut, and the next line is intact', () => {
		// Docker's copier cuts a long line into 16 KiB messages, each with its own timestamp.
		const message = Buffer.from(`${ts} ${'é'.repeat(8 * 1024)}`); // 16 KiB of text after the timestamp
		function* chunks() {
			for (let sent = 0; sent < TOTAL; sent += message.length) yield message;
			yield Buffer.from(`\n${ts} next line\n`);
		}
		const {lines, most} = feed(createLogParser(true), chunks());
		expect(lines).toHaveLength(2);
		expect(lines[0]!.cut).toBe(true);
		expect(Buffer.byteLength(lines[0]!.text)).toBe(MAX_LINE_BYTES);
		expect(lines[0]!.text).toBe('é'.repeat(MAX_LINE_BYTES / 2)); // no timestamps inside, no broken character
		expect(lines[0]!.timestamp).toBe(ts);
		expect(lines[1]).toEqual({stream: 'tty', text: 'next line', timestamp: ts});
		expect(most).toBeLessThanOrEqual(MAX_LINE_BYTES + 64);
	});

	it('multiplexed: 300 MB of stdout frames in one line, stderr lines in between untouched', () => {
		const payload = Buffer.alloc(16 * 1024, 'x');
		const stdoutFrame = frame(1, Buffer.concat([Buffer.from(`${ts} `), payload]));
		const stderrFrame = frame(2, Buffer.from(`${ts} a warning\n`));
		function* chunks() {
			let n = 0;
			for (let sent = 0; sent < TOTAL; sent += stdoutFrame.length) {
				yield stdoutFrame;
				if (++n % 5000 === 0) yield stderrFrame;
			}
			yield frame(1, Buffer.from(`${ts} end\n`));
			yield frame(1, Buffer.from(`${ts} short\n`));
		}
		const {lines, most} = feed(createLogParser(false), chunks());
		const stdout = lines.filter(l => l.stream === 'stdout');
		expect(stdout).toHaveLength(2);
		expect(stdout[0]!.cut).toBe(true);
		expect(stdout[0]!.text).toBe('x'.repeat(MAX_LINE_BYTES));
		expect(stdout[1]).toEqual({stream: 'stdout', text: 'short', timestamp: ts});
		const stderr = lines.filter(l => l.stream === 'stderr');
		expect(stderr.length).toBe(3);
		for (const line of stderr) expect(line).toEqual({stream: 'stderr', text: 'a warning', timestamp: ts});
		expect(most).toBeLessThanOrEqual(2 * MAX_LINE_BYTES + 64);
	});

	it('multiplexed: one 300 MB frame is consumed as it arrives, not held whole', () => {
		const header = Buffer.alloc(8);
		header[0] = 1;
		header.writeUInt32BE(TOTAL + 1, 4);
		const piece = Buffer.alloc(64 * 1024, 'y');
		function* chunks() {
			yield Buffer.concat([header, Buffer.from(`${ts} `)]);
			for (let sent = `${ts} `.length; sent < TOTAL; sent += piece.length) yield piece;
			yield Buffer.from('\n');
		}
		const {lines, most} = feed(createLogParser(false), chunks());
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({stream: 'stdout', cut: true, timestamp: ts});
		expect(lines[0]!.text.length).toBe(MAX_LINE_BYTES);
		expect(most).toBeLessThanOrEqual(MAX_LINE_BYTES + 64);
	});

	it('a line up to the cap is whole and not marked', () => {
		const parser = createLogParser(true);
		const text = 'z'.repeat(MAX_LINE_BYTES);
		const lines = [...parser.push(Buffer.from(`${ts} ${text.slice(0, 20_000)}`)), ...parser.push(Buffer.from(`${text.slice(20_000)}\n`)), ...parser.end()];
		expect(lines).toEqual([{stream: 'tty', text, timestamp: ts}]);
	});

	it('the events splitter drops a line over its cap without holding it, and goes on', () => {
		const splitter = new LineSplitter();
		const piece = Buffer.alloc(64 * 1024, 'q');
		const lines: string[] = [...splitter.push(Buffer.from('{"a":1}\n{"b":'))];
		let most = 0;
		for (let sent = 0; sent < TOTAL; sent += piece.length) {
			lines.push(...splitter.push(piece));
			most = Math.max(most, splitter.retained);
		}
		lines.push(...splitter.push(Buffer.from('}\n{"c":3}\n{"d":')), ...splitter.push(Buffer.from('4}')), ...splitter.end());
		expect(lines).toEqual(['{"a":1}', '{"c":3}', '{"d":4}']);
		expect(splitter.dropped).toBe(1);
		expect(most).toBeLessThanOrEqual(MAX_JSON_LINE);
	});
});
