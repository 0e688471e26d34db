/** `sort`: the order each kind's list starts in (`o` and `O` change it). */
import type {Section} from '../section.js';
import {perKind} from './kinds.js';

export const sortSection: Section<'sort'> = {
	key: 'sort',
	unit: 2,
	defaults: {},
	schema: () =>
		perKind('a mapping of kinds to {key, reverse}', 'The sort of each list at start', {
			title: '{key, reverse}',
			type: 'object',
			additionalProperties: false,
			required: ['key'],
			properties: {
				key: {title: 'a sort key (state, name, cpu, memory, created, …)', type: 'string', pattern: '^[a-z][a-z-]*$'},
				reverse: {title: 'true or false', type: 'boolean'},
			},
		}),
	normalise: value =>
		Object.fromEntries(Object.entries(value as Record<string, {key: string; reverse?: boolean}>).map(([kind, s]) => [kind, {key: s.key, reverse: s.reverse ?? false}])),
};
