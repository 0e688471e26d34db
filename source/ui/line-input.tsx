import React from 'react';
import {Text} from 'ink';
import type {LineState} from '../input/line-editor.js';
import {visibleLine} from '../input/line-window.js';
import {sanitizeInline} from '../text/sanitize.js';
import {stringWidth} from '../text/width.js';

/** Sanitised, a piece of a window is never longer than this (a window is one screen row). */
const PIECE_LENGTH = 4096;

/**
 * A line being edited, in `width` cells: the part around the cursor that fits ("…" where the
 * line goes on), with the cursor cell drawn inverse (berth keeps the terminal's own cursor
 * hidden). Only that part is measured and drawn, however long the line. `mask` hides the text;
 * a prefilled value (replaced by the first text typed) is drawn dim.
 */
export function LineInput({line, width, mask = false}: {line: LineState; width: number; mask?: boolean}) {
	const shown = visibleLine(line, width, stringWidth, mask);
	// Typed text holds no control characters (prompts drop them); this also takes out bidi
	// overrides and the like, each piece on its own so the cursor stays put.
	const clean = (s: string) => sanitizeInline(s, {maxLength: PIECE_LENGTH});
	const before = clean(shown.before);
	const at = clean(shown.at) || ' ';
	const after = clean(shown.after);
	const used = stringWidth(before) + stringWidth(at) + stringWidth(after);
	const dim = line.prefilled === true;
	return (
		<Text>
			<Text dimColor={dim}>{before}</Text>
			<Text inverse>{at}</Text>
			<Text dimColor={dim}>{after + ' '.repeat(Math.max(0, width - used))}</Text>
		</Text>
	);
}
