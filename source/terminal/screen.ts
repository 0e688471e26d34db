/**
 * The alternate screen and the terminal modes berth changes, and putting them back however the
 * process ends.
 */

const enter = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
const leave = '\u001B[?25h\u001B[?1049l';

export interface ScreenControl {
	/** Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call twice. */
	restore(): void;
	/** Enters the alternate screen again (after handing the terminal to a shell). */
	reenter(): void;
}

/** Enters the alternate screen on `stdout` and returns how to leave it. */
export function enterAlternateScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): ScreenControl {
	let active = true;
	// Raw mode before the first frame: Ink only turns it on in an effect after rendering, and
	// until then the terminal echoes keys typed meanwhile onto the screen; an echoed Enter
	// moves the cursor a line down and every later frame lands a line low. Typed keys stay
	// buffered for Ink to read.
	try {
		if (stdin.isTTY) stdin.setRawMode(true);
	} catch {
		// Not a terminal after all: nothing to protect.
	}
	stdout.write(enter);
	return {
		restore() {
			if (!active) return;
			active = false;
			try {
				if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
			} catch {
				// The terminal may already be gone (ssh dropped); nothing to restore then.
			}
			try {
				stdout.write(leave);
			} catch {
				// Same.
			}
		},
		reenter() {
			if (active) return;
			active = true;
			stdout.write(enter);
		},
	};
}
