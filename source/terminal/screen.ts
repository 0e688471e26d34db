/**
 * The alternate screen and the terminal modes berth changes, and putting them back however the
 * process ends.
 */
import {enterBerthScreen, leaveBerthScreen, resetModes} from './modes.js';

export interface ScreenControl {
	/** Leaves the alternate screen, shows the cursor and turns raw mode off. Safe to call twice. */
	restore(): void;
}

/** Enters the alternate screen on `stdout` (resetting what an earlier program left on) and returns how to leave it. */
export function enterAlternateScreen(stdout: NodeJS.WriteStream, stdin: NodeJS.ReadStream): ScreenControl {
	let active = true;
	// Raw mode before the first frame: Ink only turns it on in an effect after rendering, and
	// until then the terminal echoes keys typed meanwhile onto the screen; an echoed Enter
	// moves the cursor a line down and every later frame lands a line low. Typed keys stay
	// buffered for berth to read.
	try {
		if (stdin.isTTY) stdin.setRawMode(true);
	} catch {
		// Not a terminal after all: nothing to protect.
	}
	stdout.write(enterBerthScreen);
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
				stdout.write(resetModes + leaveBerthScreen);
			} catch {
				// Same.
			}
		},
	};
}
