/**
 * How long each prompt's line may grow. What is typed or pasted past it is left out, and the
 * prompt says so (prompts.ts typeText): a 100 KB paste becomes a line the prompt can use, and
 * nothing downstream (a form's CLI preview, a filter run over every row, a log search) works on
 * more than that.
 */
import type {AppState, PromptPurpose} from '../state/types.js';

export interface LineLimit {
	/** Most characters (UTF-16 code units) the line holds. */
	max: number;
	/** What the line holds, for the message ("a reference"). */
	what: string;
}

/** Names, references, numbers, a user name: a reference is at most 255 characters before its tag. */
const short = (what: string): LineLimit => ({max: 512, what});
/** A file or directory path: PATH_MAX. */
const path = (what: string): LineLimit => ({max: 4096, what});
/** Command lines and lists (env, ports, binds, build args), a password or token. */
const text = (what: string): LineLimit => ({max: 16_384, what});
/** Filters and searches: matched against every row or log line as they are typed. */
const search = (what: string): LineLimit => ({max: 1024, what});

const prompts: Record<PromptPurpose, LineLimit> = {
	commit: short('a reference'),
	rename: short('a name'),
	scale: short('a number'),
	'stop-timeout': short('a number'),
	'save-logs': path('a file name'),
	exec: text('a command line'),
};

/** Form fields by key; a field not listed holds up to `text`'s length. */
const fields: Record<string, LineLimit> = {
	ref: short('a reference'),
	image: short('a reference'),
	tag: short('a reference'),
	name: short('a name'),
	user: short('a user name'),
	restart: short('a restart policy'),
	workdir: path('a path'),
	from: path('a path'),
	to: path('a path'),
	context: path('a path'),
	dockerfile: path('a path'),
	command: text('a command line'),
	password: text('a password'),
};

/** The limit of the line being edited now (see prompts.ts activeLine). */
export function lineLimit(state: AppState): LineLimit {
	const modal = state.modal;
	if (modal?.kind === 'prompt') return prompts[modal.purpose];
	if (modal?.kind === 'form') return fields[modal.fields[modal.field]?.key ?? ''] ?? text('this field');
	if (modal?.kind === 'inspect') return search('a search');
	return search('a filter');
}
