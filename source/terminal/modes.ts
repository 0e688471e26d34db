/**
 * Terminal modes a program may leave on, and the bytes that put them back. A shell or an attached
 * container can switch on mouse reports (whose bytes would reach berth as keys), bracketed
 * paste, the line-drawing character set, application cursor keys and keypad, insert mode, a
 * scroll region, or switch autowrap off; berth resets all of them when it starts and whenever
 * it takes the terminal back.
 */

const ESC = '\u001B';

/** Every mouse tracking and report mode off (X10, normal, highlight, button, any-motion, focus, UTF-8, SGR, urxvt, pixel). */
const mouseOff = [9, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1015, 1016].map(mode => `${ESC}[?${mode}l`).join('');

/** What berth resets: the modes above, then character sets, keys, insert, wrap, scroll region, origin, attributes. */
export const resetModes =
	mouseOff +
	`${ESC}[?2004l` + // bracketed paste off (berth turns it on itself while a prompt is open)
	`${ESC}(B${ESC})B\u000F` + // G0 and G1 ASCII, G0 selected (SI)
	`${ESC}[?1l${ESC}>` + // normal cursor keys and keypad
	`${ESC}[4l` + // replace mode, not insert
	`${ESC}[?7h` + // autowrap on
	`${ESC}[?6l` + // origin mode off
	`${ESC}[r` + // no scroll region
	`${ESC}[0m`; // default attributes

/**
 * The same resets with the cursor left where it was: resetting the scroll region (and origin
 * mode) moves the cursor home, and a line written after it would land over the program's
 * second line of output. The cursor is saved first and restored after (DECSC/DECRC); the
 * restore also brings back the character set and attributes it saved, so those are reset again.
 */
export const resetModesInPlace = `${ESC}7${resetModes}${ESC}8${ESC}(B${ESC})B\u000F${ESC}[0m`;

export const bracketedPasteOn = `${ESC}[?2004h`;
export const bracketedPasteOff = `${ESC}[?2004l`;

/** berth's screen: the alternate screen, cleared, cursor hidden, every mode reset. */
export const enterBerthScreen = `${resetModes}${ESC}[?1049h${ESC}[2J${ESC}[H${ESC}[?25l`;
/** Back to the main screen with the cursor shown (berth's modes off). */
export const leaveBerthScreen = `${bracketedPasteOff}${ESC}[?25h${ESC}[?1049l`;
/** A clean main screen for a program berth hands the terminal to. */
export const clearMainScreen = `${ESC}[H${ESC}[2J`;
