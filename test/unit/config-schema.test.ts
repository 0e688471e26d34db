import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {generate, schemaFile, schemaIdFile, validatorFile} from '../../scripts/config-schema.mjs';

describe('the config schema', () => {
	it('config.schema.json and the compiled validator are what scripts/config-schema.mjs makes from the sections and the registry', async () => {
		const {schema, validator, schemaId} = await generate();
		expect(readFileSync(schemaIdFile, 'utf8'), 'run node scripts/config-schema.mjs').toBe(schemaId);
		expect(readFileSync(schemaFile, 'utf8'), 'run node scripts/config-schema.mjs').toBe(schema);
		expect(readFileSync(validatorFile, 'utf8'), 'run node scripts/config-schema.mjs').toBe(validator);
	});

	it('publishes every command id under keys, with its description and default keys, for editors', async () => {
		const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
		const {commands} = await import('../../source/commands/registry.js');
		const ids = commands.filter(c => c.keys.length > 0).map(c => c.id);
		expect(Object.keys(schema.properties.keys.properties)).toEqual(ids);
		expect(schema.properties.keys.properties['container.stop'].description).toBe('Stop: SIGTERM, then SIGKILL after the grace period (default: s)');
	});
});
