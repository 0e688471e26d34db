/**
 * The HOST column every kind whose rows carry a host shows with several hosts (`--context a
 * --context b`): as wide as the longest host name, within 4..16 cells.
 */
import {sanitizeInline} from '../text/sanitize.js';
import type {KindColumn} from './kind.js';

export function hostColumn<Row>(host: (row: Row) => string | undefined): KindColumn<Row> {
	return {
		id: 'host',
		title: 'HOST',
		min: 4,
		max: 16,
		cell: row => sanitizeInline(host(row) ?? ''),
		when: state => state.hosts.length > 0,
	};
}
