/**
 * Semantic colours. Components ask for a tone, never a literal colour, and with NO_COLOR set
 * (https://no-color.org) every tone maps to no colour at all.
 */
import type {Tone} from '../kinds/column.js';

export type {Tone};

const palette: Record<Tone, string> = {
	ok: 'green',
	warn: 'yellow',
	bad: 'red',
	muted: 'gray',
	info: 'cyan',
	accent: 'blue',
	stderr: 'red',
};

/** True when colours are switched off by the environment (NO_COLOR set and not empty, or TERM=dumb). */
export function coloursOff(env: NodeJS.ProcessEnv = process.env): boolean {
	return (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') || env['TERM'] === 'dumb';
}

const off = coloursOff();

/** The Ink colour for a tone, or undefined when colours are off. */
export function tone(t: Tone | undefined): string | undefined {
	if (!t || off) return undefined;
	return palette[t];
}

const sources = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'redBright', 'cyanBright', 'magentaBright'];

/** A distinct colour per source container in merged logs (none when colours are off). */
export function sourceTone(index: number): string | undefined {
	if (off) return undefined;
	return sources[index % sources.length];
}
