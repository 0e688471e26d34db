/** Flags berth knows (camelCase, as meow reports them). */
const knownFlags = new Set(['host', 'context', 'all', 'stats', 'shell', 'config', 'printConfig', 'printKeys', 'readOnly', 'mouse', 'help', 'version']);
/** Switches (no value; `--no-…` turns one off), as typed. */
const switches = ['all', 'stats', 'read-only', 'mouse', 'print-config', 'print-keys'];
/** Flags as typed, with their `--no-` forms. */
const typedFlag = new RegExp(`^--?(host|context|shell|config|help|version|H|(no-)?(${switches.join('|')}))(=|$)`);

/**
 * The first problem with the command line, as one line for the user, or undefined. meow keeps
 * flags it does not know; berth refuses them instead of ignoring a typo.
 */
export function checkArgs(flags: Record<string, unknown>, input: readonly unknown[], argv: readonly string[]): string | undefined {
	const unknown = Object.keys(flags).filter(k => !knownFlags.has(k) && !knownFlags.has(k.replace(/^no/, '').replace(/^./, c => c.toLowerCase())));
	if (unknown.length > 0) {
		// Name the flag as typed when it can be found in argv.
		const typed = argv.find(a => a.startsWith('-') && !typedFlag.test(a));
		return `unknown flag ${typed ?? unknown[0]} (see berth --help)`;
	}
	// meow reads "--all=maybe" as false without a word: a switch takes no value.
	const valued = argv.find(a => new RegExp(`^--(no-)?(${switches.join('|')})=`).test(a) && !new RegExp(`^--(${switches.join('|')})=(true|false)$`).test(a));
	if (valued) return `${valued.slice(0, valued.indexOf('='))} takes no value (see berth --help)`;
	// A switch given twice (--all --all, --all --no-all): say so, as for the other flags.
	for (const name of switches) {
		const given = argv.filter(a => new RegExp(`^--(no-)?${name}(=|$)`).test(a));
		if (given.length > 1) return `the flag --${name} can only be set once (given as ${given.join(' ')}; see berth --help)`;
	}
	if (input.length > 0) return `unexpected argument ${JSON.stringify(String(input[0]))} (berth takes only flags; see berth --help)`;
	for (const name of ['host', 'shell', 'config'] as const) {
		const value = flags[name];
		if (value === undefined) continue;
		if (typeof value !== 'string' || value.trim() === '') return `--${name} needs a value (see berth --help)`;
	}
	// --context may be repeated (several hosts at once): meow gives a list, and drops a bare --context.
	const contexts = flags['context'];
	const bare = argv.findIndex((a, i) => a === '--context' && (i === argv.length - 1 || argv[i + 1]!.startsWith('-')));
	if (bare !== -1 || (Array.isArray(contexts) && contexts.some(c => typeof c !== 'string' || c.trim() === ''))) return '--context needs a value (see berth --help)';
	return undefined;
}
