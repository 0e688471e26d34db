/** The flags over the config: a flag given beats the file, which beats the defaults. */
import type {Config} from './config-types.js';

/** The flags that set a setting of the config (by its name there). */
export interface SettingFlags {
	all?: boolean;
	stats?: boolean;
	shell?: string;
	readOnly?: boolean;
	mouse?: boolean;
}

export function withFlags(config: Config, flags: SettingFlags): Config {
	const next = {...config};
	if (flags.all !== undefined) next.all = flags.all;
	if (flags.stats !== undefined) next.stats = flags.stats;
	if (flags.shell !== undefined) next.shell = flags.shell;
	if (flags.mouse !== undefined) next.mouse = flags.mouse;
	// --read-only turns it on (keeping what the file allows), --no-read-only off.
	if (flags.readOnly !== undefined) next.readOnly = {...config.readOnly, enabled: flags.readOnly};
	return next;
}
