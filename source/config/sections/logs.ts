/** `logs`: how the logs pane starts (tail, since, timestamps, wrap); its keys change them after. */
import type {LogsSetting} from '../config-types.js';
import type {Section} from '../section.js';

export const logsSection: Section<'logs'> = {
	key: 'logs',
	unit: 2,
	defaults: {tail: 200, since: 'all', timestamps: false, wrap: false},
	schema: () => ({
		title: 'the logs pane at start',
		type: 'object',
		additionalProperties: false,
		properties: {
			tail: {title: 'one of 100, 200, 500, 2000, all', description: 'Lines of the log shown at first (+ and - change it)', enum: [100, 200, 500, 2000, 'all']},
			since: {title: 'one of 5m, 1h, 24h, all', description: 'How far back the log starts ([ and ] change it)', enum: ['5m', '1h', '24h', 'all']},
			timestamps: {title: 'true or false', description: "The engine's timestamps (t)", type: 'boolean'},
			wrap: {title: 'true or false', description: 'Wrap long lines (w)', type: 'boolean'},
		},
	}),
	merge: (defaults, value) => ({...defaults, ...value}) as LogsSetting,
};
