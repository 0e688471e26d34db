import React from 'react';
import {Text} from 'ink';
import type {ConnState, StatusMessage} from '../state/app-state.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth} from '../text/width.js';
import {tone} from './theme.js';

export interface StatusLineProps {
	endpoint: string;
	conn: ConnState;
	running: number;
	stopped: number;
	images: number;
	status?: StatusMessage;
	width: number;
}

/** Endpoint, engine version, counts, and the last action's outcome. */
export function StatusLine({endpoint, conn, running, stopped, images, status, width}: StatusLineProps) {
	const engine = conn.kind === 'up' ? `Engine ${sanitizeInline(conn.info.version)} (API ${sanitizeInline(conn.info.apiVersion)})` : conn.kind;
	const left = ` ${sanitizeInline(endpoint)} · ${engine} · ${running} running / ${stopped} stopped · ${images} images`;
	if (!status) return <Text wrap="truncate-end">{fit(left, width)}</Text>;
	const message = sanitizeInline(status.text);
	const room = Math.max(0, width - stringWidth(message) - 3);
	return (
		<Text wrap="truncate-end">
			{fit(left, room)}
			{' │ '}
			<Text color={tone(status.tone === 'error' ? 'bad' : status.tone === 'ok' ? 'ok' : 'info')} bold={status.tone === 'error'}>
				{fit(message, width - Math.min(room, width) - 3)}
			</Text>
		</Text>
	);
}
