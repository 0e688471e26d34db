/**
 * Word wrapping of plain (sanitised) text for berth's own boxes: dialogs, the unreachable-engine
 * screen. By display width, like everything in text/width.ts: a line never takes more than
 * `width` columns, and a word longer than that is broken between graphemes (an emoji sequence
 * or a wide character is never split). Ink's own wrapping of <Text> (ink-patches/wrap-text.ts
 * stands in for it wherever Ink runs) is a different job and keeps Ink's exact behaviour.
 */
import {fitPrefix, graphemes, stringWidth} from './width.js';

/** `text` wrapped on spaces to lines of at most `width` columns (at least 1), long words hard-broken. */
export function wrapText(text: string, width: number): string[] {
	const room = Math.max(1, Math.floor(width));
	const out: string[] = [];
	let line = '';
	let lineWidth = 0;
	for (const word of text.split(' ')) {
		let rest = word;
		let restWidth = stringWidth(rest);
		while (restWidth > room) {
			if (line) {
				out.push(line);
				line = '';
				lineWidth = 0;
			}
			let [cut] = fitPrefix(rest, room);
			if (cut === 0) cut = graphemes(rest.slice(0, 64))[0]!.length; // one grapheme wider than the room
			out.push(rest.slice(0, cut));
			rest = rest.slice(cut);
			restWidth = stringWidth(rest);
		}
		if (!line) {
			line = rest;
			lineWidth = restWidth;
		} else if (lineWidth + 1 + restWidth <= room) {
			line += ' ' + rest;
			lineWidth += 1 + restWidth;
		} else {
			out.push(line);
			line = rest;
			lineWidth = restWidth;
		}
	}
	if (line || out.length === 0) out.push(line);
	return out;
}
