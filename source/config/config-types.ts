/**
 * berth's settings, as the config file holds them (source/config/sections/ has each part's
 * schema, defaults and checks) and as berth uses them once the flags are applied.
 */

/** The kinds of rows berth lists, by the names the config uses for them (columns, sort, custom commands). */
export type ConfigKind = 'containers' | 'images' | 'volumes' | 'networks' | 'services' | 'tasks' | 'nodes';

export interface CustomCommandSetting {
	name: string;
	/** A key name (decode-keys.ts), normalised (`F2` → `f2`). */
	key?: string;
	/** The command line, a template on the row's fields (`{{ .ID }}`). */
	command: string;
	/** output: shown in the output view; terminal: the terminal handed over; background: only its outcome. */
	mode: 'output' | 'terminal' | 'background';
	confirm: boolean;
	description?: string;
}

export type ThemeName = 'auto' | 'dark' | 'light' | 'high-contrast' | 'monochrome';

export interface ThemeSetting {
	/** The built-in theme the colours start from. */
	base: ThemeName;
	/** Colours by token (`accent`, `selection`, …): a colour name, `#rrggbb` or a 256-colour number. */
	colors: Readonly<Record<string, string | number>>;
}

export interface SortSetting {
	key: string;
	reverse: boolean;
}

export interface ReadOnlySetting {
	/** berth only looks: every command that changes an engine, a registry or the docker config is off. */
	enabled: boolean;
	/** Exec and attach commands (by id) and custom commands (by name) that stay on in read-only mode. */
	allow: readonly string[];
}

export interface LogsSetting {
	tail: 100 | 200 | 500 | 2000 | 'all';
	since: '5m' | '1h' | '24h' | 'all';
	timestamps: boolean;
	wrap: boolean;
}

export interface Config {
	/** The user's keys by command id (only the commands the file names), each normalised to a list. */
	keys: Readonly<Record<string, readonly string[]>>;
	customCommands: Readonly<Partial<Record<ConfigKind, readonly CustomCommandSetting[]>>>;
	theme: ThemeName | ThemeSetting;
	/** Column names by kind, in the order shown (absent: the kind's own). */
	columns: Readonly<Partial<Record<ConfigKind, readonly string[]>>>;
	sort: Readonly<Partial<Record<ConfigKind, SortSetting>>>;
	defaultPane: 'containers' | 'images' | 'logs';
	logs: LogsSetting;
	stats: boolean;
	all: boolean;
	/** The shell `e` starts; `auto`: bash if the container has it, else sh. */
	shell: string;
	readOnly: ReadOnlySetting;
	mouse: boolean;
	/** The image of the debug shell's helper container (for containers without a shell). */
	debugImage: string;
}

/** A place in the config, as keys and list indexes from the top (`['keys', 'app.quit', 0]`). */
export type ConfigPath = ReadonlyArray<string | number>;

/** One thing wrong with the config, where it is and what was expected. */
export interface ConfigProblem {
	file: string;
	/** 1-based, as editors count; absent when the file could not be read at all. */
	line?: number;
	column?: number;
	/** Where in the config (`keys.app.quit`), for the message. */
	path: string;
	message: string;
}
