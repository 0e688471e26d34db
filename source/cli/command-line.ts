/**
 * The command line: berth's flags, read with meow (loaded only when there are arguments: meow
 * and the package-metadata libraries it loads cost about 10 MB and 20 ms of start-up,
 * bench/RESULTS.md), then checked (check-args.ts). A switch not given is undefined, so the
 * config file's value holds unless a flag says otherwise.
 */
import {checkArgs} from './check-args.js';

export interface CommandLine {
	flags: {
		host?: string;
		context?: string[];
		all?: boolean;
		stats?: boolean;
		shell?: string;
		config?: string;
		printConfig?: boolean;
		printKeys?: boolean;
		readOnly?: boolean;
		mouse?: boolean;
	};
	input: string[];
}

const help = `
	Usage
	  $ berth [options]

	Options
	  --host, -H URL      Docker endpoint: unix:///path, tcp://host:port, ssh://user@host
	  --context NAME      Docker context to use (see docker context ls); repeat it
	                      to see several hosts at once
	  --all / --no-all    Show all containers (default) or only running ones
	  --no-stats          Start with the CPU and MEM columns off (M toggles them)
	  --shell NAME        Shell that e starts (default: bash if the container has it, else sh)
	  --read-only         Only look: no command that changes an engine, a registry or the
	                      docker config; exec and attach off unless the config allows them
	  --mouse / --no-mouse  Mouse reporting on or off (default: off)
	  --config PATH       The config file (default: $XDG_CONFIG_HOME/berth/config.yml,
	                      else ~/.config/berth/config.yml)
	  --print-config      Print the config in effect (defaults, the file, the flags) as YAML
	  --print-keys        Print every key in effect, with the command ids the config uses
	  --version           Print the version
	  --help              Print this help

	Flags beat the config file. The engine is found like the docker CLI does: --host,
	--context, DOCKER_HOST, DOCKER_CONTEXT, the current context in ~/.docker/config.json,
	/var/run/docker.sock. Press ? inside berth for every key.

	Environment
	  BERTH_DEBUG_LOG=FILE  Append Node warnings and other stray output to FILE
	                        (they never reach the screen)
`;

/** The command line read and checked, or the one line that says what is wrong with it. */
export async function readCommandLine(argv: readonly string[], importMeta: ImportMeta): Promise<CommandLine | {problem: string}> {
	if (argv.length === 0) return {flags: {}, input: []};
	const {default: meow} = await import('meow');
	let cli: CommandLine;
	// meow throws on some command lines (a flag given twice): one line and exit 2, not a stack trace.
	try {
		cli = meow(help, {
			importMeta,
			argv: [...argv],
			allowUnknownFlags: true,
			flags: {
				host: {type: 'string', shortFlag: 'H'},
				context: {type: 'string', isMultiple: true},
				all: {type: 'boolean'},
				stats: {type: 'boolean'},
				shell: {type: 'string'},
				config: {type: 'string'},
				printConfig: {type: 'boolean'},
				printKeys: {type: 'boolean'},
				readOnly: {type: 'boolean'},
				mouse: {type: 'boolean'},
			},
		}) as unknown as CommandLine;
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
		return {problem: `${message.charAt(0).toLowerCase()}${message.slice(1)} (see berth --help)`};
	}
	const problem = checkArgs(cli.flags as Record<string, unknown>, cli.input, argv);
	if (problem) return {problem};
	// meow reports a switch not given as false: only one given may beat the config file.
	const flags = cli.flags as Record<string, unknown>;
	for (const [name, typed] of Object.entries(switchFlags)) {
		if (!argv.some(a => new RegExp(`^--(no-)?${typed}(=|$)`).test(a))) delete flags[name];
	}
	return cli;
}

/** The switches, by meow's name and as typed. */
const switchFlags: Record<string, string> = {all: 'all', stats: 'stats', printConfig: 'print-config', printKeys: 'print-keys', readOnly: 'read-only', mouse: 'mouse'};
