/**
 * The real berth binary in a real pseudo-terminal, and checks on the bytes it writes.
 *
 * `controlSequences` tokenises berth's output (decoded as UTF-8) into every escape sequence and
 * control character it contains, so tests can assert that nothing outside the small set berth's
 * own renderer uses ever reaches the terminal: no OSC (title, clipboard, hyperlinks), no DCS,
 * no C1 controls, no cursor addressing or modes a container could have asked for.
 */
import {existsSync, readFileSync, statSync} from 'node:fs';
import {berthCli, spawnPty, type PtyProcess} from '../../support/pty.js';

export {berthCli};

/** Runs `node dist/cli.js ARGS` in a pty. */
export function runBerth(
	args: string[],
	options: {cols?: number; rows?: number; env?: Record<string, string | undefined>; user?: {uid: number; gid: number}} = {},
): PtyProcess {
	assertBuilt();
	const env = {NO_COLOR: undefined, FORCE_COLOR: undefined, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, ...options.env};
	if (options.user) {
		return spawnPty(
			'setpriv',
			[`--reuid=${options.user.uid}`, `--regid=${options.user.gid}`, '--clear-groups', process.execPath, berthCli, ...args],
			{cols: options.cols, rows: options.rows, env: {HOME: '/tmp', ...env}},
		);
	}
	return spawnPty(process.execPath, [berthCli, ...args], {cols: options.cols, rows: options.rows, env});
}

/** Runs a shell command line in a pty (to look at the terminal after berth exits). */
export function runShell(script: string, options: {cols?: number; rows?: number; env?: Record<string, string | undefined>} = {}): PtyProcess {
	assertBuilt();
	return spawnPty('/bin/sh', ['-c', script], {cols: options.cols, rows: options.rows, env: {NO_COLOR: undefined, ...options.env}});
}

/** Fails early, with the fix, when dist/cli.js is missing. */
export function assertBuilt(): void {
	if (!existsSync(berthCli) || statSync(berthCli).size === 0) {
		throw new Error(`${berthCli} is missing: run npm run build before the reliability tests`);
	}
}

export type Control =
	| {kind: 'csi'; text: string; params: string; final: string}
	| {kind: 'osc' | 'dcs' | 'sos' | 'pm' | 'apc'; text: string}
	| {kind: 'esc'; text: string}
	| {kind: 'c0'; code: number}
	| {kind: 'c1'; code: number};

/** Every control sequence and control character in `text` (already decoded). */
export function controlSequences(text: string): Control[] {
	const out: Control[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (c === 0x1b) {
			const d = text[i + 1];
			if (d === '[') {
				let j = i + 2;
				while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x3f) j++;
				const final = text[j] ?? '';
				out.push({kind: 'csi', text: text.slice(i, j + 1), params: text.slice(i + 2, j), final});
				i = j + 1;
				continue;
			}
			const strings: Record<string, 'osc' | 'dcs' | 'sos' | 'pm' | 'apc'> = {']': 'osc', P: 'dcs', X: 'sos', '^': 'pm', _: 'apc'};
			if (d !== undefined && strings[d]) {
				let j = i + 2;
				while (j < n && text[j] !== '\u0007' && !(text[j] === '\u001b' && text[j + 1] === '\\')) j++;
				out.push({kind: strings[d]!, text: text.slice(i, j + 2)});
				i = j + 1;
				continue;
			}
			// ESC, intermediate bytes (SP to /), one final byte: ESC ( B is one sequence.
			let j = i + 1;
			while (j < n && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
			out.push({kind: 'esc', text: text.slice(i, j + 1)});
			i = j + 1;
			continue;
		}
		if (c < 0x20 || c === 0x7f) out.push({kind: 'c0', code: c});
		else if (c >= 0x80 && c <= 0x9f) out.push({kind: 'c1', code: c});
		i++;
	}
	return out;
}

/** The private modes berth itself sets: cursor visibility, the alternate screen, synchronized output, bracketed paste (while a prompt is open). */
const ownModes = new Set(['?25', '?1049', '?2026', '?2004']);
/**
 * What berth resets when it starts and after a hand-over (source/terminal/modes.ts): mouse and
 * focus reports, cursor keys, origin mode and insert mode off, autowrap on, the ASCII character
 * sets (ESC ( B, ESC ) B, then SI), the normal keypad (ESC >).
 */
const resetOff = new Set(['?9', '?1000', '?1001', '?1002', '?1003', '?1004', '?1005', '?1006', '?1015', '?1016', '?1', '?6', '4']);
const resetOn = new Set(['?7']);
const resetEscapes = new Set(['\u001B(B', '\u001B)B', '\u001B>', '\u001BM']);

/**
 * The control sequences in berth's output that its own renderer would never write: anything
 * but CR/LF, cursor moves (relative, or absolute to a row and column), line and screen erases,
 * SGR, a scroll region of at least two rows (and its reset) with reverse index to scroll it
 * (source/terminal/frame-diff.ts), its own private modes, and the resets above. Returns them
 * (empty when the output is clean).
 */
export function foreignControls(text: string): Control[] {
	return controlSequences(text).filter(control => {
		switch (control.kind) {
			case 'c0':
				return control.code !== 0x0a && control.code !== 0x0d && control.code !== 0x0f;
			case 'esc':
				return !resetEscapes.has(control.text);
			case 'csi': {
				if (control.final === 'm') return !/^[\d;]*$/.test(control.params);
				if ('ABCDEFG'.includes(control.final) && control.final !== '') return !/^\d*$/.test(control.params);
				if (control.final === 'K') return !/^[012]?$/.test(control.params);
				if (control.final === 'J') return !/^[0123]?$/.test(control.params);
				if (control.final === 'H') return !/^(\d+;\d+)?$/.test(control.params);
				if (control.final === 'r') {
					if (control.params === '') return false;
					const region = /^(\d+);(\d+)$/.exec(control.params);
					return !region || Number(region[1]) >= Number(region[2]);
				}
				if (control.final === 'h' || control.final === 'l') {
					if (ownModes.has(control.params)) return false;
					return !(control.final === 'l' ? resetOff : resetOn).has(control.params);
				}
				return true;
			}
			default:
				return true;
		}
	});
}

/** SGR colour parameters (foreground, background, default colours, 256/true colour). */
export function colourCodes(text: string): string[] {
	const found: string[] = [];
	for (const control of controlSequences(text)) {
		if (control.kind !== 'csi' || control.final !== 'm') continue;
		const params = control.params.split(';');
		for (let k = 0; k < params.length; k++) {
			const p = Number(params[k] || '0');
			if ((p >= 30 && p <= 39) || (p >= 40 && p <= 49) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107)) {
				found.push(control.text);
				break;
			}
		}
	}
	return found;
}

/** berth's output as bytes, decoded strictly: throws when berth wrote invalid UTF-8. */
export function decodeStrict(latin1: string): string {
	return new TextDecoder('utf-8', {fatal: true}).decode(Buffer.from(latin1, 'latin1'));
}

/** The terminal's cursor visibility, from the emulator when it tells, else from the byte order. */
export function cursorVisible(term: PtyProcess): boolean {
	const core = (term.terminal as unknown as {_core?: {coreService?: {isCursorHidden?: boolean}}})._core;
	const hidden = core?.coreService?.isCursorHidden;
	if (typeof hidden === 'boolean') return !hidden;
	const out = term.output();
	return out.lastIndexOf('\u001B[?25h') >= out.lastIndexOf('\u001B[?25l');
}

/** Reads a process's children (Linux). */
export function childPids(pid: number): number[] {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/**
 * Waits until `pid` has a child running node with `needle` among its arguments (a shell's forks
 * carry the whole script on their command line until they exec, so argv[0] is checked too).
 */
export async function waitForChild(pid: number, needle: string, timeoutMs = 10_000): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		for (const child of childPids(pid)) {
			try {
				const argv = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
				if (argv[0] === process.execPath && argv.some(arg => arg.includes(needle))) return child;
			} catch {
				// Gone already.
			}
		}
		if (Date.now() > deadline) throw new Error(`no child of ${pid} running ${needle}`);
		await new Promise(resolve => setTimeout(resolve, 25));
	}
}
