/**
 * The terminal's clipboard, and what berth can honestly say about it. OSC 52 is a request the
 * terminal may ignore, and nothing comes back: berth says what it sent, never that it copied.
 * Inside tmux (TMUX set) the request goes to tmux, which by default (set-clipboard external)
 * drops it: berth reads tmux's settings and sends so that tmux passes it on (set-clipboard on:
 * tmux takes it; allow-passthrough: wrapped for tmux to hand to the terminal), or sends nothing
 * and says how to allow it.
 */
import {execFile} from 'node:child_process';

const ESC = '\u001B';

/** OSC 52: puts text on the clipboard of a terminal that allows it (only ever what the user asked to copy). */
function osc52(text: string): string {
	return `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** tmux's passthrough (DCS tmux; …): the sequence, its ESCs doubled, for tmux to hand to the terminal as it is. */
function tmuxPassthrough(sequence: string): string {
	return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

/** The tmux settings that decide what happens to a program's OSC 52. */
export interface TmuxClipboard {
	/** set-clipboard: on (tmux takes a program's OSC 52), external (its default: it does not), off. */
	setClipboard: string;
	/** allow-passthrough for berth's pane: tmux hands DCS tmux; sequences to the terminal. */
	passthrough: boolean;
}

/** Asks the tmux berth runs in (TMUX's socket, TMUX_PANE's pane) for its settings; undefined when it cannot be asked. */
export function readTmuxClipboard(env: Record<string, string | undefined>): Promise<TmuxClipboard | undefined> {
	return new Promise(resolve => {
		execFile('tmux', ['display-message', '-p', '#{set-clipboard}|#{allow-passthrough}'], {env, timeout: 2000, encoding: 'utf8'}, (error, stdout) => {
			const [setClipboard, passthrough] = stdout.trim().split('|');
			if (error || !setClipboard) return resolve(undefined);
			// A flag reads 1 or 0 in a format; tmux 3.4 made it a choice: on, off or all.
			resolve({setClipboard, passthrough: passthrough === '1' || passthrough === 'on' || passthrough === 'all'});
		});
	});
}

export interface ClipboardDeps {
	env: Record<string, string | undefined>;
	/** Writes bytes to the terminal. */
	write(bytes: string): void;
	/** tmux's settings (readTmuxClipboard), asked only inside tmux. */
	tmux(): Promise<TmuxClipboard | undefined>;
}

/** What happened: whether anything was sent, and the words for it (what was sent, not whether it arrived). */
export interface ClipboardOutcome {
	sent: boolean;
	text: string;
}

export async function sendToClipboard(text: string, deps: ClipboardDeps): Promise<ClipboardOutcome> {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (!deps.env['TMUX']) {
		deps.write(osc52(text));
		return {sent: true, text: `Sent to the terminal's clipboard (OSC 52), ${bytes} bytes`};
	}
	const tmux = await deps.tmux();
	if (!tmux) {
		deps.write(osc52(text));
		return {sent: true, text: `Sent OSC 52 (${bytes} bytes) inside tmux, which passes it on only with \`set -g set-clipboard on\``};
	}
	if (tmux.setClipboard === 'on') {
		deps.write(osc52(text));
		return {sent: true, text: `Sent to tmux's clipboard (OSC 52), ${bytes} bytes`};
	}
	if (tmux.passthrough) {
		deps.write(tmuxPassthrough(osc52(text)));
		return {sent: true, text: `Sent through tmux's passthrough to the terminal's clipboard (OSC 52), ${bytes} bytes`};
	}
	// What to do first: a narrow status line cuts the end.
	return {sent: false, text: `Not sent: tmux needs \`set -g set-clipboard on\` (set-clipboard is ${tmux.setClipboard})`};
}
