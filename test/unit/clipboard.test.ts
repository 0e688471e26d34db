/**
 * The clipboard says only what is known (issue 18, item 8): berth cannot know whether the
 * terminal took an OSC 52, so it says what it sent; inside tmux it reads tmux's settings and
 * either sends so that tmux passes it on (set-clipboard on, or allow-passthrough) or says how to
 * allow it, sending nothing tmux would drop.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readTmuxClipboard, sendToClipboard, type TmuxClipboard} from '../../source/terminal/clipboard.js';

const line = "docker run -e 'A=it'\\''s' busybox";
const osc52 = `\u001B]52;c;${Buffer.from(line).toString('base64')}\u0007`;

async function send(env: Record<string, string>, tmux?: TmuxClipboard) {
	const written: string[] = [];
	const outcome = await sendToClipboard(line, {env, write: bytes => written.push(bytes), tmux: async () => tmux});
	return {outcome, written};
}

describe('sendToClipboard', () => {
	it('outside tmux: sends OSC 52 and says so, with the bytes, not that it was copied', async () => {
		const {outcome, written} = await send({});
		expect(written).toEqual([osc52]);
		expect(outcome).toEqual({sent: true, text: `Sent to the terminal's clipboard (OSC 52), ${Buffer.byteLength(line)} bytes`});
	});

	it('tmux with set-clipboard on: tmux takes OSC 52 itself', async () => {
		const {outcome, written} = await send({TMUX: '/tmp/tmux-0/default,1,0'}, {setClipboard: 'on', passthrough: false});
		expect(written).toEqual([osc52]);
		expect(outcome.text).toBe(`Sent to tmux's clipboard (OSC 52), ${Buffer.byteLength(line)} bytes`);
	});

	it('tmux that allows passthrough: OSC 52 wrapped for tmux to hand to the terminal', async () => {
		const {outcome, written} = await send({TMUX: '/tmp/tmux-0/default,1,0'}, {setClipboard: 'external', passthrough: true});
		expect(written).toEqual([`\u001BPtmux;\u001B${osc52}\u001B\\`]);
		expect(outcome.text).toBe(`Sent through tmux's passthrough to the terminal's clipboard (OSC 52), ${Buffer.byteLength(line)} bytes`);
	});

	it('tmux that holds it back (its default, set-clipboard external): nothing sent, and how to allow it', async () => {
		const {outcome, written} = await send({TMUX: '/tmp/tmux-0/default,1,0'}, {setClipboard: 'external', passthrough: false});
		expect(written).toEqual([]);
		expect(outcome).toEqual({sent: false, text: 'Not sent: tmux needs `set -g set-clipboard on` (set-clipboard is external)'});
	});

	it('tmux whose settings cannot be read: sends, and says what tmux needs', async () => {
		const {outcome, written} = await send({TMUX: '/tmp/tmux-0/default,1,0'}, undefined);
		expect(written).toEqual([osc52]);
		expect(outcome.text).toBe(`Sent OSC 52 (${Buffer.byteLength(line)} bytes) inside tmux, which passes it on only with \`set -g set-clipboard on\``);
	});
});

describe('readTmuxClipboard, from a real tmux server', () => {
	let dir: string;
	let socket: string;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], {encoding: 'utf8'});
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'berth-tmux-'));
		socket = path.join(dir, 'socket');
		tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'berth', '-x', '80', '-y', '24');
	});
	afterAll(() => {
		try {
			tmux('kill-server');
		} catch {
			// Already gone.
		}
		rmSync(dir, {recursive: true, force: true});
	});

	it('reads set-clipboard and allow-passthrough as tmux has them', async () => {
		const env = {TMUX: `${socket},0,0`, PATH: process.env['PATH']};
		expect(await readTmuxClipboard(env)).toEqual({setClipboard: 'external', passthrough: false});
		tmux('set', '-g', 'allow-passthrough', 'on');
		expect(await readTmuxClipboard(env)).toEqual({setClipboard: 'external', passthrough: true});
		tmux('set', '-s', 'set-clipboard', 'on');
		expect(await readTmuxClipboard(env)).toEqual({setClipboard: 'on', passthrough: true});
		// No tmux to ask (the socket is gone): unknown, not a guess.
		expect(await readTmuxClipboard({TMUX: `${dir}/nothing,0,0`, PATH: process.env['PATH']})).toBeUndefined();
	});
});
