/** What berth says at start about the config's problems: how many, where to see them all, and the first. */
import type {KeyProblem} from '../commands/keymap.js';
import {placed, problemLine, type LoadedConfig} from '../config/load-config.js';
import type {StatusMessage} from '../state/types.js';

export function configNotice(loaded: LoadedConfig, more: readonly KeyProblem[]): StatusMessage | undefined {
	const problems = [...loaded.problems, ...more.map(p => placed(loaded, p))];
	if (problems.length === 0) return undefined;
	const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
	return {tone: 'error', text: `config: ${count}, see berth --print-config; ${problemLine(problems[0]!)}`};
}
