/** Service log bytes to lines with their task and node: frames, details, partial messages, TTY. */
import {describe, expect, it} from 'vitest';
import {createServiceLogParser, type TaggedLine} from '../../source/engine/swarm/log-parser.js';

function details(task: string, node = 'node-a', extra = ''): string {
	return `${extra}com.docker.swarm.node.id=${node},com.docker.swarm.service.id=svc,com.docker.swarm.task.id=${task}`;
}

function frame(stream: 1 | 2, text: string): Buffer {
	const payload = Buffer.from(text, 'utf8');
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(payload.length, 4);
	return Buffer.concat([header, payload]);
}

/** Feeds `bytes` to a parser in pieces of `size` bytes (1: every byte apart). */
function parse(bytes: Buffer, tty: boolean, size = bytes.length): TaggedLine[] {
	const parser = createServiceLogParser(tty);
	const out: TaggedLine[] = [];
	for (let index = 0; index < bytes.length; index += size) out.push(...parser.push(bytes.subarray(index, index + size)));
	out.push(...parser.end());
	return out;
}

const ts1 = '2026-12-01T21:41:48.574218253Z';
const ts2 = '2026-12-01T21:41:49.000000001Z';

describe('service log parser', () => {
	it('takes the timestamp and the details off each message and keeps stdout and stderr apart, in any chunking', () => {
		const bytes = Buffer.concat([
			frame(1, `${ts1} ${details('t1')} hello 1\n`),
			frame(2, `${ts1} ${details('t1')} oops\n`),
			frame(1, `${ts2} ${details('t2', 'node-b')} hello 2\n`),
		]);
		const expected = [
			{line: {stream: 'stdout', text: 'hello 1', timestamp: ts1}, taskId: 't1', nodeId: 'node-a'},
			{line: {stream: 'stderr', text: 'oops', timestamp: ts1}, taskId: 't1', nodeId: 'node-a'},
			{line: {stream: 'stdout', text: 'hello 2', timestamp: ts2}, taskId: 't2', nodeId: 'node-b'},
		];
		for (const size of [bytes.length, 7, 1]) expect(parse(bytes, false, size)).toEqual(expected);
	});

	it('joins a line cut into several messages, even with another task\'s message in between', () => {
		const bytes = Buffer.concat([
			frame(1, `${ts1} ${details('t1')} first half `),
			frame(1, `${ts1} ${details('t2')} other task\n`),
			frame(1, `${ts2} ${details('t1')} second half\n`),
		]);
		expect(parse(bytes, false).map(({line, taskId}) => [taskId, line.text, line.timestamp])).toEqual([
			['t2', 'other task', ts1],
			['t1', 'first half second half', ts1],
		]);
	});

	it('decodes escaped detail values and keeps a text that looks like details', () => {
		const bytes = frame(1, `${ts1} ${details('t%2C1', 'node+a', 'label=a%3Db,')} com.docker.swarm.task.id=fake text\n`);
		expect(parse(bytes, false)).toEqual([{line: {stream: 'stdout', text: 'com.docker.swarm.task.id=fake text', timestamp: ts1}, taskId: 't,1', nodeId: 'node a'}]);
	});

	it('flushes a last line without a newline at the end, per task', () => {
		const bytes = Buffer.concat([frame(1, `${ts1} ${details('t1')} no newline`), frame(1, `${ts1} ${details('t2')} nor here`)]);
		expect(parse(bytes, false).map(({line, taskId}) => `${taskId}:${line.text}`)).toEqual(['t1:no newline', 't2:nor here']);
	});

	it('reads a TTY service\'s raw stream: one message per line, \\r\\n endings', () => {
		const bytes = Buffer.from(`${ts1} ${details('t1')} hello\r\n${ts2} ${details('t2')} world\r\n`);
		for (const size of [bytes.length, 5, 1]) {
			expect(parse(bytes, true, size)).toEqual([
				{line: {stream: 'tty', text: 'hello', timestamp: ts1}, taskId: 't1', nodeId: 'node-a'},
				{line: {stream: 'tty', text: 'world', timestamp: ts2}, taskId: 't2', nodeId: 'node-a'},
			]);
		}
	});

	it('passes a message without details through whole, with no task', () => {
		expect(parse(frame(1, `${ts1} plain words\n`), false)).toEqual([{line: {stream: 'stdout', text: 'plain words', timestamp: ts1}, taskId: '', nodeId: ''}]);
	});
});
