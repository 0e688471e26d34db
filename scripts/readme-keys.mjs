#!/usr/bin/env node
// Rewrites the README's key table (between <!-- keys:start --> and <!-- keys:end -->) from the
// command registry: `node scripts/readme-keys.mjs` after changing a command. The README test
// checks that the table equals what this writes.
import {readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'vite';

const server = await createServer({server: {middlewareMode: true}, appType: 'custom', logLevel: 'error'});
try {
	const {keyTableMarkdown} = await server.ssrLoadModule('/source/commands/key-table.ts');
	const file = new URL('../README.md', import.meta.url);
	const readme = readFileSync(file, 'utf8');
	const next = readme.replace(/(<!-- keys:start -->\n)[\s\S]*?(\n<!-- keys:end -->)/, `$1${keyTableMarkdown()}$2`);
	writeFileSync(file, next);
	console.log(next === readme ? 'README key table already up to date' : 'README key table rewritten');
} finally {
	await server.close();
}
