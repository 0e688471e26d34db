/**
 * `customCommands`: the user's own commands per kind of row, each with a name, a key, a command
 * line (a template on the row's fields) and how it runs.
 */
import type {CustomCommandSetting} from '../config-types.js';
import type {Section} from '../section.js';
import {normaliseKey} from './keys.js';
import {perKind} from './kinds.js';

export const customCommandsSection: Section<'customCommands'> = {
	key: 'customCommands',
	unit: 3,
	defaults: {},
	schema: () =>
		perKind('a mapping of kinds to lists of custom commands', "The user's commands, per kind of row", {
			title: 'a list of custom commands',
			type: 'array',
			items: {
				title: 'a custom command: {name, key, command, mode, confirm}',
				type: 'object',
				additionalProperties: false,
				required: ['name', 'command'],
				properties: {
					name: {title: 'a name', description: 'Shown in ? and the command log; readOnly.allow names it', type: 'string', pattern: '\\S'},
					key: {$ref: '#/definitions/key', description: 'The key that runs it (in its kind\'s pane)'},
					command: {title: 'a command line', description: 'Run by the shell; {{ .ID }}, {{ .Name }}, … insert the row\'s fields, shell-quoted', type: 'string', pattern: '\\S'},
					mode: {title: 'one of output, terminal, background', description: 'output: shown in the output view; terminal: the terminal handed over; background: only its outcome', enum: ['output', 'terminal', 'background']},
					confirm: {title: 'true or false', description: 'Ask before running it', type: 'boolean'},
					description: {title: 'a sentence', type: 'string'},
				},
			},
		}),
	normalise: value =>
		Object.fromEntries(
			Object.entries(value as Record<string, Array<Partial<CustomCommandSetting> & {key?: unknown}>>).map(([kind, list]) => [
				kind,
				list.map(c => ({...c, mode: c.mode ?? 'output', confirm: c.confirm ?? false, ...(c.key === undefined ? {} : {key: normaliseKey(c.key)})})),
			]),
		),
};
