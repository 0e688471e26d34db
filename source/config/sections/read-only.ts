/**
 * `readOnly`: berth only looks (`readOnly: true`, or `--read-only`). In the long form, `allow`
 * names the exec and attach commands (by id) and custom commands (by name) that stay on; it is
 * checked against the registry in commands/read-only.ts.
 */
import type {ReadOnlySetting} from '../config-types.js';
import type {Section} from '../section.js';

export const readOnlySection: Section<'readOnly'> = {
	key: 'readOnly',
	unit: 1,
	defaults: {enabled: false, allow: []},
	schema: ({commands}) => ({
		title: 'true, false, or {enabled, allow}',
		description: 'Read-only mode: every command that changes an engine, a registry or the docker config is off; exec, attach and custom commands too, unless allowed by name.',
		anyOf: [
			{type: 'boolean'},
			{
				type: 'object',
				additionalProperties: false,
				properties: {
					enabled: {title: 'true or false', description: 'On from the start (--read-only turns it on, --no-read-only off)', type: 'boolean'},
					allow: {
						title: 'a list of command ids and custom command names',
						description: 'Exec and attach commands by id, custom commands by name, that stay on in read-only mode',
						type: 'array',
						uniqueItems: true,
						items: {type: 'string', pattern: '\\S', examples: commands.filter(c => c.effect === 'session').map(c => c.id)},
					},
				},
			},
		],
	}),
	normalise: value => (typeof value === 'boolean' ? {enabled: value, allow: []} : {enabled: true, allow: [], ...(value as Partial<ReadOnlySetting>)}),
};
