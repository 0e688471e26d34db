/**
 * Terminal input bytes → key events, every key of a read in order.
 *
 * A terminal sends several keys in one read over a slow link, with key repeat and when text is
 * pasted: `\x7f\x7f\x7f`, `\t\t`, Esc then `j`. Ink's input parser hands berth one string per run
 * of plain bytes (so three Backspaces arrive as one unnamed string) and reads the three bytes of
 * an X10 mouse report as keys. This decoder splits everything itself:
 *
 * - printable characters, one event each (`' '` is `space`);
 * - control bytes: Enter (`\r`, `\n`), Tab, Backspace (`\x7f`, `\b`), Ctrl-letter (`ctrl-a` …);
 * - CSI and SS3 sequences: arrows, Home/End, PgUp/PgDn, Delete, Insert, Shift-Tab; with
 *   modifiers (`\e[1;5D`) they are the plain key (berth binds no modified arrows); function keys
 *   F1–F12 (`f1` … `f12`);
 * - mouse reports (X10 `\e[M` + 3 bytes, SGR `\e[<b;x;yM`/`m`, urxvt `\e[b;x;yM`) and focus
 *   reports (`\e[I`, `\e[O`) are dropped: they never become keys;
 * - bracketed paste (`\e[200~` … `\e[201~`) is one `paste` event with the text, never keys;
 *   the first `maxPasteLength` characters of it (a prompt takes far fewer, and says it cut it);
 * - Esc followed by anything that does not make a sequence is Esc, then that key (berth binds
 *   no Alt keys). Esc at the very end of a read may be the start of a sequence split across
 *   reads: it is held until the next read or `flush()` (the reader calls it after a short wait).
 */

export type KeyEvent = {kind: 'key'; name: string} | {kind: 'paste'; text: string};

const ESC = '\u001B';
const pasteStart = '\u001B[200~';
const pasteEnd = '\u001B[201~';
/** Most characters of one paste kept (the rest is read and dropped): more than any prompt takes. */
export const maxPasteLength = 1 << 20;

/** CSI final bytes berth names; `~` sequences by their first parameter. */
const csiFinal: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab', P: 'f1', Q: 'f2', R: 'f3', S: 'f4'};
const csiTilde: Record<string, string> = {
	'1': 'home', '7': 'home', '4': 'end', '8': 'end', '2': 'insert', '3': 'delete', '5': 'pageup', '6': 'pagedown',
	// Function keys (VT220 and xterm): F1–F5, then F6–F12 with the gaps the terminals leave.
	'11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5', '17': 'f6', '18': 'f7', '19': 'f8', '20': 'f9', '21': 'f10', '23': 'f11', '24': 'f12',
};
/** SS3 (`\eO` + one byte): cursor keys in application mode, Home/End, F1–F4. */
const ss3Final: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', P: 'f1', Q: 'f2', R: 'f3', S: 'f4'};

/** Name of a single control byte (below 0x20, or DEL). */
function controlName(code: number): string | undefined {
	if (code === 0x0d || code === 0x0a) return 'enter';
	if (code === 0x09) return 'tab';
	if (code === 0x7f || code === 0x08) return 'backspace';
	if (code >= 0x01 && code <= 0x1a) return `ctrl-${String.fromCharCode(code + 0x60)}`;
	// NUL (Ctrl-Space), Ctrl-\ ] ^ _: nothing berth binds.
	return undefined;
}

/** The part of input[from, to) a paste holding `held` so far keeps. */
function keepOf(held: string, input: string, from: number, to: number): string {
	return input.slice(from, Math.min(to, from + Math.max(0, maxPasteLength - held.length)));
}

type Parsed = {events: KeyEvent[]; next: number} | 'pending';

/** The CSI sequence starting at `at` (which holds ESC, then `[`). */
function parseCsi(input: string, at: number): Parsed {
	let i = at + 2;
	// X10 mouse: ESC [ M and three bytes (button, column, row), each any byte.
	if (input[i] === 'M') {
		const chars = [...input.slice(i + 1, i + 1 + 6)].slice(0, 3);
		if (chars.length < 3) return 'pending';
		return {events: [], next: i + 1 + chars.join('').length};
	}
	const paramsStart = i;
	// Legacy function keys of the Linux console: ESC [ [ A.
	if (input[i] === '[') {
		if (i + 1 >= input.length) return 'pending';
		return {events: [], next: i + 2};
	}
	while (i < input.length) {
		const code = input.charCodeAt(i);
		if (code >= 0x20 && code <= 0x3f) {
			i++;
			continue;
		}
		if (code >= 0x40 && code <= 0x7e) {
			const params = input.slice(paramsStart, i);
			const final = input[i]!;
			return {events: csiEvents(params, final), next: i + 1};
		}
		// Not a valid CSI: the ESC and `[` are keys of their own, then go on from here.
		return {events: [key('escape'), key('[')], next: at + 2};
	}
	return 'pending';
}

function key(name: string): KeyEvent {
	return {kind: 'key', name};
}

/** What a complete CSI sequence means: a key, or nothing (mouse, focus, unknown). */
function csiEvents(params: string, final: string): KeyEvent[] {
	// SGR mouse (ESC [ < b ; x ; y M/m) and any other private-marker sequence.
	if (/^[<=>?]/.test(params)) return [];
	// Focus in/out.
	if (params === '' && (final === 'I' || final === 'O')) return [];
	// urxvt mouse: ESC [ b ; x ; y M.
	if (final === 'M') return [];
	if (final === '~') {
		const name = csiTilde[params.split(';')[0] ?? ''];
		return name ? [key(name)] : [];
	}
	const name = csiFinal[final];
	// Plain or with modifiers (ESC [ 1 ; 5 C): the key itself. Any other parameters: unknown.
	if (name && (params === '' || /^1(;\d+)?$/.test(params))) return [key(name)];
	return [];
}

/**
 * Stateful: a sequence or a paste split across reads is completed by the next read. Feed it the
 * terminal's reads in order with `push`; call `flush` when no more input came for a moment.
 */
export class KeyDecoder {
	private pending = '';
	private paste: string | undefined;

	/** Events for one read (and whatever an earlier read left unfinished). */
	push(chunk: string): KeyEvent[] {
		const input = this.pending + chunk;
		this.pending = '';
		const events: KeyEvent[] = [];
		let i = 0;
		while (i < input.length) {
			if (this.paste !== undefined) {
				const end = input.indexOf(pasteEnd, i);
				if (end < 0) {
					// Keep what might be the start of the end marker for the next read.
					let keep = 0;
					for (let n = Math.min(pasteEnd.length - 1, input.length - i); n > 0; n--) {
						if (pasteEnd.startsWith(input.slice(input.length - n))) {
							keep = n;
							break;
						}
					}
					this.paste += keepOf(this.paste, input, i, input.length - keep);
					this.pending = input.slice(input.length - keep);
					return events;
				}
				events.push({kind: 'paste', text: this.paste + keepOf(this.paste, input, i, end)});
				this.paste = undefined;
				i = end + pasteEnd.length;
				continue;
			}
			const code = input.codePointAt(i)!;
			const width = code > 0xffff ? 2 : 1;
			if (code !== 0x1b) {
				if (code < 0x20 || code === 0x7f) {
					const name = controlName(code);
					if (name) events.push(key(name));
				} else if (code >= 0x80 && code <= 0x9f) {
					// C1 controls: never keys.
				} else {
					events.push(key(code === 0x20 ? 'space' : input.slice(i, i + width)));
				}
				i += width;
				continue;
			}
			// ESC.
			if (input.startsWith(pasteStart, i)) {
				this.paste = '';
				i += pasteStart.length;
				continue;
			}
			if (i + 1 >= input.length) {
				this.pending = input.slice(i);
				return events;
			}
			const next = input[i + 1]!;
			if (next === '[') {
				const parsed = parseCsi(input, i);
				if (parsed === 'pending') {
					this.pending = input.slice(i);
					return events;
				}
				events.push(...parsed.events);
				i = parsed.next;
				continue;
			}
			if (next === 'O') {
				if (i + 2 >= input.length) {
					this.pending = input.slice(i);
					return events;
				}
				const final = input[i + 2]!;
				if (final in ss3Final) {
					const name = ss3Final[final];
					if (name) events.push(key(name));
					i += 3;
					continue;
				}
			}
			// Esc on its own, then whatever follows as keys of their own.
			events.push(key('escape'));
			i += 1;
		}
		return events;
	}

	/** Whether a read left an unfinished sequence that `flush` would turn into keys. */
	hasPending(): boolean {
		return this.pending !== '' && this.paste === undefined;
	}

	/**
	 * No more input came: an Esc held at the end of the last read was the Esc key (with Esc `[`
	 * or Esc `O`: Esc, then that key). Anything longer is the start of a sequence whose rest never
	 * came (a mouse report cut short, say) and is dropped: its bytes are not keys. A paste still
	 * open stays open (its end marker will come).
	 */
	flush(): KeyEvent[] {
		if (this.paste !== undefined || this.pending === '') return [];
		const held = this.pending;
		this.pending = '';
		if (held === ESC) return [key('escape')];
		if (held === `${ESC}[` || held === `${ESC}O`) return [key('escape'), key(held[1]!)];
		return [];
	}

	/** Forgets anything unfinished (before a hand-over to a shell, for example). */
	reset(): void {
		this.pending = '';
		this.paste = undefined;
	}
}
