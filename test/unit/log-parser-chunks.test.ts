import {describe, expect, it} from 'vitest';
import {createLogParser, MAX_LINE_BYTES} from '../../source/engine/containers/log-parser.js';
import type {LogLine} from '../../source/engine/types.js';
import {random} from '../support/random.js';

const texts = ['flood 1 some log line', '', 'é漢🐳', 'a\r', 'two\nlines', 'x'.repeat(300), ' leading space', '2026-12-02T10:00:00Z not a timestamp here'];

/** Engine frames: [stream, 0, 0, 0, size] + "<timestamp> <message>", as /logs?timestamps=1 sends them. */
function randomFrames(next: () => number, count: number): Buffer {
	const frames: Buffer[] = [];
	for (let i = 0; i < count; i++) {
		const roll = next();
		let body = texts[Math.floor(next() * texts.length)]!;
		if (roll < 0.02) body = 'y'.repeat(MAX_LINE_BYTES + 10);
		const ending = next() < 0.85 ? '\n' : '';
		const stamp = next() < 0.9 ? `2026-12-02T10:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(9, '0')}Z ` : next() < 0.5 ? '' : '2026-12-02T10:00:00Z';
		const payload = Buffer.from(`${stamp}${body}${ending}`);
		const header = Buffer.alloc(8);
		header[0] = next() < 0.8 ? 1 : 2;
		header.writeUInt32BE(payload.length, 4);
		frames.push(header, payload);
		if (next() < 0.03) frames.push(Buffer.from([1, 0, 0, 0, 0, 0, 0, 0])); // an empty frame
	}
	return Buffer.concat(frames);
}

function parse(bytes: Buffer, cuts: number[]): LogLine[] {
	const parser = createLogParser(false);
	const lines: LogLine[] = [];
	let at = 0;
	for (const cut of [...cuts, bytes.length]) {
		lines.push(...parser.push(bytes.subarray(at, cut)));
		at = cut;
	}
	lines.push(...parser.end());
	return lines;
}

describe('the multiplexed log parser, whole frames and cut ones', () => {
	it('reads the same lines whether frames arrive whole, cut at random places or byte by byte', () => {
		const next = random(5);
		for (let round = 0; round < 30; round++) {
			const bytes = randomFrames(next, 40);
			const whole = parse(bytes, []);
			const cuts = [...new Set(Array.from({length: 12}, () => Math.floor(next() * bytes.length)))].sort((a, b) => a - b);
			expect(parse(bytes, cuts), `round ${round}`).toEqual(whole);
			if (bytes.length < 40_000) expect(parse(bytes, Array.from({length: bytes.length - 1}, (_, i) => i + 1)), `round ${round}, bytes`).toEqual(whole);
		}
	});

	it('reads a frame that holds only its timestamp and the frames after it in the same chunk', () => {
		const frame = (text: string) => {
			const payload = Buffer.from(text);
			const header = Buffer.alloc(8);
			header[0] = 1;
			header.writeUInt32BE(payload.length, 4);
			return Buffer.concat([header, payload]);
		};
		const bytes = Buffer.concat([frame('2026-12-02T10:00:00Z '), frame('2026-12-02T10:00:01Z next\n')]);
		const cutOnce = createLogParser(false);
		const lines = [...cutOnce.push(bytes.subarray(0, 3)), ...cutOnce.push(bytes.subarray(3))];
		expect(lines).toEqual([{stream: 'stdout', text: 'next', timestamp: '2026-12-02T10:00:01Z'}]);
	});
});
