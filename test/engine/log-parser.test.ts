/**
 * The log stream parser on byte streams shaped like the engine's, fed in every possible split, so
 * that frame headers, timestamps and UTF-8 characters cut across chunks are covered.
 */
import {describe, expect, it} from 'vitest';
import {createLogParser} from '../../source/engine/containers/log-parser.js';
import type {LogLine} from '../../source/engine/types.js';

const ts1 = '2026-11-23T10:40:20.754140706Z';
const ts2 = '2026-11-23T10:40:21.000000001Z';

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
	const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(body.length, 4);
	return Buffer.concat([header, body]);
}

function parseAll(tty: boolean, data: Buffer, chunkSizes: number[]): LogLine[] {
	const parser = createLogParser(tty);
	const lines: LogLine[] = [];
	let offset = 0;
	let index = 0;
	while (offset < data.length) {
		const size = chunkSizes[index++ % chunkSizes.length]!;
		lines.push(...parser.push(data.subarray(offset, offset + size)));
		offset += size;
	}

	lines.push(...parser.end());
	return lines;
}

/** Parses whole, then split at every position into two chunks; all results must agree. */
function parseEverySplit(tty: boolean, data: Buffer): LogLine[] {
	const whole = parseAll(tty, data, [data.length]);
	for (let split = 1; split < data.length; split++) {
		const parser = createLogParser(tty);
		const lines = [...parser.push(data.subarray(0, split)), ...parser.push(data.subarray(split)), ...parser.end()];
		expect(lines, `split at ${split}`).toEqual(whole);
	}

	expect(parseAll(tty, data, [1])).toEqual(whole);
	return whole;
}

describe('multiplexed (non-TTY) logs', () => {
	it('splits frames into lines per stream and strips timestamps', () => {
		const data = Buffer.concat([
			frame(1, `${ts1} hello\n`),
			frame(2, `${ts1} oops\n`),
			frame(1, `${ts2} wörld\n`),
		]);
		expect(parseEverySplit(false, data)).toEqual([
			{stream: 'stdout', text: 'hello', timestamp: ts1},
			{stream: 'stderr', text: 'oops', timestamp: ts1},
			{stream: 'stdout', text: 'wörld', timestamp: ts2},
		]);
	});

	it('joins partial messages of one line, dropping each part\'s timestamp', () => {
		const data = Buffer.concat([
			frame(1, `${ts1} aaaa`),
			frame(2, `${ts1} err-part-`),
			frame(1, `${ts2} bbbb`),
			frame(2, `${ts2} end\n`),
			frame(1, `${ts2} cc\n`),
		]);
		expect(parseEverySplit(false, data)).toEqual([
			{stream: 'stderr', text: 'err-part-end', timestamp: ts1},
			{stream: 'stdout', text: 'aaaabbbbcc', timestamp: ts1},
		]);
	});

	it('keeps empty lines, strips a trailing \\r and flushes a last partial line', () => {
		const data = Buffer.concat([frame(1, `${ts1} \n`), frame(1, `${ts1} dos\r\n`), frame(1, `${ts2} tail`)]);
		expect(parseEverySplit(false, data)).toEqual([
			{stream: 'stdout', text: '', timestamp: ts1},
			{stream: 'stdout', text: 'dos', timestamp: ts1},
			{stream: 'stdout', text: 'tail', timestamp: ts2},
		]);
	});

	it('leaves text that does not start with a timestamp alone', () => {
		const data = frame(1, 'no timestamp here\n');
		expect(parseEverySplit(false, data)).toEqual([{stream: 'stdout', text: 'no timestamp here'}]);
	});

	it('returns one batch per chunk', () => {
		const parser = createLogParser(false);
		const batch = parser.push(Buffer.concat([frame(1, `${ts1} a\n`), frame(1, `${ts1} b\n`), frame(1, `${ts1} c\n`)]));
		expect(batch.map(line => line.text)).toEqual(['a', 'b', 'c']);
	});
});

describe('raw (TTY) logs', () => {
	it('strips the timestamp at the start of each message', () => {
		const data = Buffer.from(`${ts1} one\r\n${ts2} two\r\n${ts2} \r\n`);
		expect(parseEverySplit(true, data)).toEqual([
			{stream: 'tty', text: 'one', timestamp: ts1},
			{stream: 'tty', text: 'two', timestamp: ts2},
			{stream: 'tty', text: '', timestamp: ts2},
		]);
	});

	it('strips the timestamps docker puts inside lines longer than 16 KiB', () => {
		const part = 16 * 1024;
		const long = 'y'.repeat((part * 2) + 100);
		const data = Buffer.from(`${ts1} ${long.slice(0, part)}${ts1} ${long.slice(part, part * 2)}${ts2} ${long.slice(part * 2)}\r\n${ts2} next\r\n`);
		const lines = parseAll(true, data, [1000, 7, 4096]);
		expect(lines).toEqual([
			{stream: 'tty', text: long, timestamp: ts1},
			{stream: 'tty', text: 'next', timestamp: ts2},
		]);
	});

	it('does not remove timestamp-like text in the middle of a short line', () => {
		const data = Buffer.from(`${ts1} logged at ${ts2} ok\n`);
		expect(parseEverySplit(true, data)).toEqual([{stream: 'tty', text: `logged at ${ts2} ok`, timestamp: ts1}]);
	});
});
