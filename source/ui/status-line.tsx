import React from 'react';
import {Text} from 'ink';
import type {HostState} from '../engine/types.js';
import type {ConnState, StatusMessage} from '../state/types.js';
import {shortIdsIn} from '../format/format.js';
import {sanitizeInline} from '../text/sanitize.js';
import {fit, stringWidth, truncate} from '../text/width.js';
import {tone} from './theme.js';

export interface StatusLineProps {
	endpoint: string;
	conn: ConnState;
	running: number;
	stopped: number;
	images: number;
	status?: StatusMessage;
	width: number;
	/** With several hosts: named instead of the endpoint, the ones down marked. */
	hosts?: HostState[];
	/** Read-only mode: said first, never cut. */
	readOnly?: boolean;
}

/**
 * Endpoint, engine version, counts, and the last action's outcome. The counts are never cut:
 * when the line is too narrow the endpoint and version give way first, then the message.
 */
export function StatusLine({endpoint, conn, running, stopped, images, status, width, hosts = [], readOnly = false}: StatusLineProps) {
	const engine = conn.kind === 'up' ? `Engine ${sanitizeInline(conn.info.version)} (API ${sanitizeInline(conn.info.apiVersion)})` : conn.kind;
	const counts = `${running} running / ${stopped} stopped · ${images} ${images === 1 ? 'image' : 'images'}`;
	// Several hosts: their names, each one down marked so.
	const place = hosts.length ? hosts.map(h => (h.state === 'down' ? `${h.name} (down)` : h.name)).join(' + ') : endpoint;
	const where = ` ${sanitizeInline(place)} · ${engine} · `;
	// Ids at 12 characters, as everywhere on screen: a 64-digit id would push the reason off the line.
	const message = status ? sanitizeInline(shortIdsIn(status.text)) : '';
	const separator = status ? ' │ ' : '';
	// Read-only mode is said first and never cut (a word, not only a colour).
	const badge = readOnly ? 'READ-ONLY' : '';
	const badgeWidth = stringWidth(badge);
	width = Math.max(0, width - badgeWidth);
	// Room for the message: all it needs, as long as the counts fit whole (the endpoint goes first).
	const fixed = stringWidth(counts) + stringWidth(separator) + 1;
	const messageRoom = Math.max(0, Math.min(stringWidth(message), width - fixed));
	const whereRoom = Math.max(0, width - fixed - messageRoom);
	const left = stringWidth(where) <= whereRoom ? where : whereRoom > 4 ? `${truncate(where.slice(0, -3), whereRoom - 3)} · ` : ' ';
	const line = left + counts;
	const shownBadge = badge ? (
		<Text inverse bold color={tone('warn')}>
			{badge}
		</Text>
	) : null;
	if (!status) {
		return (
			<Text wrap="truncate-end">
				{shownBadge}
				{fit(line, width)}
			</Text>
		);
	}
	const rest = Math.max(0, width - stringWidth(line) - stringWidth(separator));
	return (
		<Text wrap="truncate-end">
			{shownBadge}
			{line}
			{separator}
			<Text color={tone(status.tone === 'error' ? 'bad' : status.tone === 'ok' ? 'ok' : 'info')} bold={status.tone === 'error'}>
				{fit(message, rest)}
			</Text>
		</Text>
	);
}
