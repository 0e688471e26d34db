import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {keyTableMarkdown} from '../../source/commands/key-table.js';

describe('README', () => {
	it('lists exactly the keys of the keymap (its table is test/support/key-table.ts output)', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const match = /<!-- keys:start -->\n([\s\S]*?)\n<!-- keys:end -->/.exec(readme);
		expect(match, 'README has a key table between <!-- keys:start --> and <!-- keys:end -->').not.toBeNull();
		expect(match![1]).toBe(keyTableMarkdown());
	});
});
