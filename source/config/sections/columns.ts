/**
 * `columns`: the columns each kind's pane shows, in order (`docker ps --format` style names:
 * NAME, STATE, IMAGE, …, and `label:KEY`). Which names a kind has is its own (source/kinds/).
 */
import type {Section} from '../section.js';
import {perKind} from './kinds.js';

export const columnsSection: Section<'columns'> = {
	key: 'columns',
	unit: 2,
	defaults: {},
	schema: () =>
		perKind('a mapping of kinds to lists of column names', 'The columns of each pane, in order (absent: the kind\'s own)', {
			title: 'a list of column names (NAME, IMAGE, …, label:KEY)',
			type: 'array',
			minItems: 1,
			uniqueItems: true,
			items: {title: 'a column name', type: 'string', pattern: '^(?:label:\\S.*|[A-Z][A-Z0-9 :_-]*)$'},
		}),
};
