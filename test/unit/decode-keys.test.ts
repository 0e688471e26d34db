import {describe, expect, it} from 'vitest';
import {KeyDecoder, maxPasteLength, type KeyEvent} from '../../source/input/decode-keys.js';
import {isKeyName} from '../../source/input/key-names.js';

/** Key names (pastes as `paste:TEXT`) for reads given in order, then a flush. */
function decode(...reads: string[]): string[] {
	const decoder = new KeyDecoder();
	const events: KeyEvent[] = [];
	for (const read of reads) events.push(...decoder.push(read));
	events.push(...decoder.flush());
	return events.map(e => (e.kind === 'key' ? e.name : `paste:${e.text}`));
}

describe('KeyDecoder', () => {
	it('names every control key of one read, in order', () => {
		expect(decode('\u007f\u007f\u007f')).toEqual(['backspace', 'backspace', 'backspace']);
		expect(decode('\u007f\u007f\r')).toEqual(['backspace', 'backspace', 'enter']);
		expect(decode('\t\t')).toEqual(['tab', 'tab']);
		expect(decode('ab\u0008c\n')).toEqual(['a', 'b', 'backspace', 'c', 'enter']);
		expect(decode('\u0001\u0005\u0015\u000b\u0017\u0003')).toEqual(['ctrl-a', 'ctrl-e', 'ctrl-u', 'ctrl-k', 'ctrl-w', 'ctrl-c']);
		expect(decode('x y')).toEqual(['x', 'space', 'y']);
	});

	it('mixes text, arrows and other sequences in any order', () => {
		expect(decode('j\u001B[Bk\u001B[A\u001B[5~\u001B[6~G')).toEqual(['j', 'down', 'k', 'up', 'pageup', 'pagedown', 'G']);
		expect(decode('\u001B[D\u001B[C\u001B[H\u001B[F\u001B[1~\u001B[4~\u001B[3~\u001B[Z')).toEqual([
			'left',
			'right',
			'home',
			'end',
			'home',
			'end',
			'delete',
			'shift-tab',
		]);
		// Application cursor keys (SS3), and arrows with modifiers are the plain arrows.
		expect(decode('\u001BOA\u001BOB\u001BOH\u001BOF\u001B[1;5C')).toEqual(['up', 'down', 'home', 'end', 'right']);
		// Emoji and other astral characters are one key each.
		expect(decode('a😀b')).toEqual(['a', '😀', 'b']);
	});

	it('names the function keys F1–F12 (xterm, VT220 and the SS3 forms of F1–F4), with or without modifiers', () => {
		expect(decode('\u001BOP\u001BOQ\u001BOR\u001BOS')).toEqual(['f1', 'f2', 'f3', 'f4']);
		expect(decode('\u001B[11~\u001B[12~\u001B[13~\u001B[14~\u001B[15~\u001B[17~\u001B[18~\u001B[19~\u001B[20~\u001B[21~\u001B[23~\u001B[24~')).toEqual([
			'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12',
		]);
		expect(decode('\u001B[1;2P\u001B[15;5~')).toEqual(['f1', 'f5']);
		// Every name the decoder gives is a name the config accepts.
		for (const name of ['f1', 'f12', 'up', 'shift-tab', 'ctrl-s', 'space', 'x', 'K', '?']) expect(isKeyName(name), name).toBe(true);
		for (const name of ['f13', 'ctrl-i', 'Up', 'alt-x', 'xx', ' ', '']) expect(isKeyName(name), name).toBe(false);
	});

	it('reads Esc followed by a key in the same read as Esc, then that key', () => {
		expect(decode('\u001Bj')).toEqual(['escape', 'j']);
		expect(decode('\u001B\u001B')).toEqual(['escape', 'escape']);
		expect(decode('\u001Bq\u001B[B')).toEqual(['escape', 'q', 'down']);
		expect(decode('\u001B\u001B[A')).toEqual(['escape', 'up']);
		expect(decode('\u001BO')).toEqual(['escape', 'O']);
		expect(decode('\u001B[')).toEqual(['escape', '[']);
		expect(decode('\u001B\r')).toEqual(['escape', 'enter']);
	});

	it('completes a sequence split across reads', () => {
		expect(decode('\u001B', '[B')).toEqual(['down']);
		expect(decode('\u001B[', '6~')).toEqual(['pagedown']);
		expect(decode('j\u001B', 'k')).toEqual(['j', 'escape', 'k']);
	});

	it('drops every mouse report form and focus reports: none becomes a key', () => {
		// X10: ESC [ M then button, column, row as bytes (here: a click at column 83, row 5 and its release).
		const x10 = (b: number, x: number, y: number) => `\u001B[M${String.fromCharCode(32 + b, 32 + x, 32 + y)}`;
		expect(decode(x10(0, 83, 5) + x10(3, 83, 5))).toEqual([]);
		expect(decode('j' + x10(0, 89, 12) + 'k')).toEqual(['j', 'k']);
		// Coordinates past 95 columns arrive as non-ASCII characters.
		expect(decode(`\u001B[M ${String.fromCharCode(300)}!y`)).toEqual(['y']);
		// SGR (1006) press and release, urxvt (1015), focus in/out.
		expect(decode('\u001B[<0;83;5M\u001B[<0;83;5m')).toEqual([]);
		expect(decode('\u001B[32;83;5M')).toEqual([]);
		expect(decode('\u001B[I\u001B[O')).toEqual([]);
		// A report split across reads.
		expect(decode('\u001B[M', ' s%', 'y')).toEqual(['y']);
		expect(decode('\u001B[<0;8', '3;5M', 'n')).toEqual(['n']);
	});

	it('drops a sequence whose rest never came instead of typing its bytes', () => {
		expect(decode('\u001B[M s')).toEqual([]);
		expect(decode('\u001B[<0;83')).toEqual([]);
	});

	it('delivers a bracketed paste as text, never as keys, even across reads', () => {
		expect(decode('\u001B[200~y\rq\u001B[B\u007f\u001B[201~j')).toEqual(['paste:y\rq\u001B[B\u007f', 'j']);
		expect(decode('\u001B[200~hello ', 'world\u001B[20', '1~')).toEqual(['paste:hello world']);
		expect(decode('\u001B[2', '00~abc\u001B[201~')).toEqual(['paste:abc']);
	});

	it('never names C1 controls or NUL', () => {
		expect(decode('a\u0000\u009b\u0085b')).toEqual(['a', 'b']);
	});

	it('keeps the first maxPasteLength characters of a paste of several megabytes, and the keys after it are keys', () => {
		const decoder = new KeyDecoder();
		const events: KeyEvent[] = [...decoder.push('\u001B[200~')];
		const chunk = 'x'.repeat(64 * 1024);
		for (let i = 0; i < 48; i++) events.push(...decoder.push(chunk));
		events.push(...decoder.push('\u001B[201~j'));
		expect(events.map(e => (e.kind === 'key' ? e.name : `paste of ${e.text.length}`))).toEqual([`paste of ${maxPasteLength}`, 'j']);
	});
});
