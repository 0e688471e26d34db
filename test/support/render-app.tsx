/**
 * Renders the real <App> with ink-testing-library (whose stdout is 100 columns wide) at a chosen
 * height, and helpers to press keys and wait for frames.
 */
import React from 'react';
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import type {ContextsSource} from '../../source/commands/command-services.js';
import type {TerminalControl} from '../../source/controller/controller.js';
import type {Engine} from '../../source/engine/types.js';
import type {EngineFeed} from '../../source/state/engine-feed.js';
import type {Store} from '../../source/state/store.js';
import type {StatusMessage} from '../../source/state/types.js';
import type {Config} from '../../source/config/config-types.js';
import type {Keymap} from '../../source/commands/keymap.js';
import {ESC} from './keys.js';
import {escapeWaitMs} from '../../source/input/key-reader.js';

/** Strips SGR colour codes, in case colour is on. */
export function plain(frame: string | undefined): string {
	 
	return (frame ?? '').replace(/\u001B\[[0-9;]*m/g, '');
}

/** The dialog box's text, its lines joined with a space (a sentence may wrap inside the box). */
export function dialogText(frame: string): string {
	return frame
		.split('\n')
		.filter(l => /│.*│/.test(l))
		.map(l => l.replace(/^.*?│\s*/, '').replace(/\s*│.*$/, ''))
		.join(' ')
		.replaceAll(/\s+/g, ' ');
}

export const macrotask = () => new Promise<void>(resolve => setImmediate(resolve));
export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

export interface RenderedApp {
	lastFrame(): string;
	frames: string[];
	/** Writes key bytes and waits until Ink has handled them. */
	press(...keys: string[]): Promise<void>;
	/** Writes key bytes (one read) and returns at once, without letting the event loop turn. */
	write(keys: string): void;
	/** Polls until the frame satisfies `predicate` (or contains the text); throws with the frame after `timeout`. */
	waitFor(predicate: string | ((frame: string) => boolean), timeout?: number): Promise<string>;
	unmount(): void;
	exited(): boolean;
}

export async function renderApp(
	engine: Engine,
	options: {
		rows?: number;
		columns?: number;
		showAll?: boolean;
		showStats?: boolean;
		now?: () => Date;
		cwd?: string;
		feed?: EngineFeed;
		onStore?: (store: Store) => void;
		/** The terminal berth hands over to (a shell, a command); without it they say they need one. */
		terminal?: TerminalControl;
		contexts?: ContextsSource;
		/** The config in effect, the keys in effect and the start-up notice, as cli.tsx passes them. */
		config?: Config;
		keymap?: Keymap;
		notice?: StatusMessage;
	} = {},
): Promise<RenderedApp> {
	let exited = false;
	const instance = render(
		<App
			engine={engine}
			showAll={options.showAll}
			showStats={options.showStats}
			cwd={options.cwd}
			feed={options.feed}
			onStore={options.onStore}
			contexts={options.contexts}
			terminal={options.terminal}
			config={options.config}
			keymap={options.keymap}
			notice={options.notice}
			now={options.now ?? (() => new Date('2026-11-23T10:30:00'))}
			onQuit={() => {
				exited = true;
			}}
		/>,
	);
	const stdout = instance.stdout as unknown as NodeJS.EventEmitter & {rows?: number};
	stdout.rows = options.rows ?? 40;
	if (options.columns) Object.defineProperty(stdout, 'columns', {value: options.columns, configurable: true});
	stdout.emit('resize');
	await macrotask();
	await macrotask();
	const lastFrame = () => plain(instance.lastFrame());
	return {
		lastFrame,
		frames: instance.frames,
		write(keys) {
			instance.stdin.write(keys);
		},
		async press(...keys) {
			for (const key of keys) {
				instance.stdin.write(key);
				await macrotask();
				await macrotask();
				// An Esc at the end of a read waits for the rest of a sequence before it counts as Esc.
				if (key.endsWith(ESC)) {
					await sleep(escapeWaitMs + 10);
					await macrotask();
				}
			}
		},
		async waitFor(predicate, timeout = 3000) {
			const test = typeof predicate === 'string' ? (f: string) => f.includes(predicate) : predicate;
			const deadline = Date.now() + timeout;
			for (;;) {
				const frame = lastFrame();
				if (test(frame)) return frame;
				if (Date.now() > deadline) {
					throw new Error(`timed out waiting for ${typeof predicate === 'string' ? JSON.stringify(predicate) : 'a frame'}; last frame:\n${frame}`);
				}
				await sleep(20);
			}
		},
		unmount() {
			instance.unmount();
		},
		exited: () => exited,
	};
}
