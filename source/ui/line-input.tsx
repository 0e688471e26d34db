import React from 'react';
import {Text} from 'ink';
import {visibleLine, type LineState} from '../input/line-editor.js';
import {sanitizeInline} from '../text/sanitize.js';
import {padEnd, stringWidth} from '../text/width.js';

/**
 * A line being edited, in `width` cells: the part around the cursor that fits, with the cursor
 * cell drawn inverse (berth keeps the terminal's own cursor hidden). `mask` hides the text.
 */
export function LineInput({line, width, mask = false}: {line: LineState; width: number; mask?: boolean}) {
	// Typed text holds no control characters (prompts drop them); this also takes out bidi
	// overrides and the like, each side of the cursor on its own so the cursor stays put.
	const head = sanitizeInline(line.value.slice(0, line.cursor), {maxLength: 4096});
	const clean = {value: head + sanitizeInline(line.value.slice(line.cursor), {maxLength: 4096}), cursor: head.length};
	const {before, at, after} = visibleLine(clean, width, stringWidth, mask);
	const used = stringWidth(before) + stringWidth(at) + stringWidth(after);
	return (
		<Text>
			{before}
			<Text inverse>{at}</Text>
			{padEnd(after, Math.max(0, width - used + stringWidth(after)))}
		</Text>
	);
}
