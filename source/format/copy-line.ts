/**
 * The docker cp line the copy forms (`C` out, `I` in) show as their paths are typed, or
 * undefined while a path is not one they accept. Host paths are resolved as the copy resolves
 * them (from berth's working directory).
 */
import path from 'node:path';
import {sanitizeInline} from '../text/sanitize.js';
import {cliFor} from './cli-for.js';

export function copyLine(direction: 'out' | 'in', values: Record<string, string>, container: string): string | undefined {
	const from = (values['from'] ?? '').trim();
	const to = (values['to'] ?? '').trim();
	// The engine's name sanitised before quoting (quoting would spell out a payload).
	const name = sanitizeInline(container);
	if (direction === 'out') return from.startsWith('/') ? cliFor.copyFrom(name, from, path.resolve(to || '.')) : undefined;
	return from !== '' && to.startsWith('/') ? cliFor.copyTo(path.resolve(from), name, to) : undefined;
}
