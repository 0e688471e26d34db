import React from 'react';
import {Box, Text} from 'ink';
import type {EngineError} from '../engine/types.js';
import {describeUnreachable} from '../engine/transport/errors.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit} from '../text/width.js';
import {wrapText} from '../text/wrap-text.js';
import {tone} from './theme.js';

/**
 * Shown instead of the panes while the engine cannot be reached: which endpoint, why in plain
 * words, and that berth keeps trying by itself.
 */
export function UnreachableScreen({endpoint, error, attempts, retrySeconds, width, height}: {endpoint: string; error?: EngineError; attempts: number; retrySeconds: number; width: number; height: number}) {
	const inner = Math.max(10, Math.min(width - 4, 90));
	const cause = error
		? error.code === 'unreachable' && error.reason
			? describeUnreachable(error.reason, endpoint)
			: error.message
		: 'Connecting…';
	const lines = [
		...wrapText(`Cannot reach the Docker engine at ${sanitizeInline(endpoint)}`, inner).map(text => ({text, bold: true})),
		{text: ''},
		...wrapText(sanitizeInline(cause), inner).map(text => ({text, bad: true})),
		{text: ''},
		{text: `Retrying every ${retrySeconds} s (attempt ${attempts}); berth comes back by itself when the engine answers.`},
		{text: 'q quits; 0 shows the docker contexts, to use another engine.'},
	];
	return (
		<Box flexDirection="column" width={width} height={height} paddingLeft={2} paddingTop={1}>
			{lines.map((l, i) => (
				<Text key={i} bold={'bold' in l && l.bold} color={'bad' in l && l.bad ? tone('bad') : undefined}>
					{fit(l.text, inner)}
				</Text>
			))}
		</Box>
	);
}
