/** Where the config file is: `--config PATH`, else `$XDG_CONFIG_HOME/berth/config.yml` (default `~/.config`). */
import path from 'node:path';

export function configFile(options: {flag?: string; env: NodeJS.ProcessEnv; homedir: string}): {file: string; named: boolean} {
	if (options.flag !== undefined) return {file: path.resolve(options.flag), named: true};
	// The XDG spec: a relative value is invalid and is ignored.
	const xdg = options.env['XDG_CONFIG_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(options.homedir, '.config');
	return {file: path.join(base, 'berth', 'config.yml'), named: false};
}

/** The file as people write it: `~/…` for a file under the home directory. */
export function shownFile(file: string, homedir: string): string {
	return homedir && (file === homedir || file.startsWith(`${homedir}${path.sep}`)) ? `~${file.slice(homedir.length)}` : file;
}
