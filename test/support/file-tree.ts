/** Every path under a directory, relative and sorted (links listed, not followed): what a copy left on disk. */
import {lstatSync, readdirSync} from 'node:fs';
import path from 'node:path';

export function tree(dir: string): string[] {
	const out: string[] = [];
	const walk = (sub: string) => {
		for (const name of readdirSync(path.join(dir, sub))) {
			const relative = sub ? `${sub}/${name}` : name;
			out.push(relative);
			if (lstatSync(path.join(dir, relative)).isDirectory()) walk(relative);
		}
	};

	walk('');
	return out.sort();
}
