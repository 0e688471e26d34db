import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import {describe, expect, it} from 'vitest';
import {commandSettings} from '../../source/commands/config-keys.js';
import {loadConfig} from '../../source/config/load-config.js';
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

	it('is a valid draft-07 schema as editors read it (descriptions, defaults and examples included)', () => {
		const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
		const validate = new Ajv({strict: true, allErrors: true}).compile(schema);
		expect(validate({keys: {'container.stop': 'x'}, readOnly: true}), JSON.stringify(validate.errors)).toBe(true);
		expect(validate({keys: {'container.stp': 'x'}})).toBe(false);
	});

	it("takes the README's complete example as it is: no problem in it", async () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const example = /## Config file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
		const dir = mkdtempSync(path.join(os.tmpdir(), 'berth-readme-'));
		try {
			writeFileSync(path.join(dir, 'config.yml'), example);
			const loaded = await loadConfig({flag: path.join(dir, 'config.yml'), env: {XDG_CACHE_HOME: dir}, homedir: dir});
			expect(loaded.problems).toEqual([]);
			expect(loaded.config.keys).toEqual({'container.stop': ['x'], 'container.kill': ['ctrl-k'], 'app.quit': ['q']});
			expect(loaded.config.customCommands.containers?.[0]?.key).toBe('f2');
			// Nor against the registry: no key bound twice, readOnly.allow names an exec command.
			expect(commandSettings(loaded.config).problems).toEqual([]);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
