/**
 * The built berth (`node dist/cli.js`) in a real pty (lib/program.mjs), with readers for its
 * screen (container rows, the selected row, the containers pane header).
 */
import path from 'node:path';
import {launchProgram} from './program.mjs';
import {repoRoot} from './support.mjs';

export const berthCli = path.join(repoRoot, 'dist', 'cli.js');

/** The glyphs a container row starts with (source/format/format.ts stateGlyph). */
export const stateGlyphs = new Set(['●', '■', '○', '‖', '↻', '✖', '?']);
const paneHeader = /^ [123] (Containers|Images|Logs)\b/;

/** Spawns berth at cols x rows (see launchProgram). */
export function launchBerth(spawnPty, host, {cli = berthCli, cols = 120, rows = 40, nodeArgs = [], args = [], env = {}} = {}) {
	const program = launchProgram(spawnPty, host, {file: process.execPath, args: [...nodeArgs, cli, ...args], cols, rows, env});
	const {term} = program.screen;
	const screen = Object.assign(program.screen, {
		/** Rows drawn inverse that are not pane headers: the focused pane's selected row, when berth draws it. */
		selected() {
			const buffer = term.buffer.active;
			for (let y = 0; y < term.rows; y++) {
				const line = buffer.getLine(buffer.viewportY + y);
				if (!line) continue;
				const cell = line.getCell(2);
				if (!cell || !cell.isInverse()) continue;
				const text = line.translateToString(true);
				if (paneHeader.test(text)) continue;
				return {y, text};
			}
			return undefined;
		},
		/**
		 * Pane `number` (1 containers, 2 images, 3 logs): its header line, the "i/n" position
		 * the header shows for lists longer than the pane, and its first data row (after the
		 * column titles), which tells whether the list scrolled.
		 */
		pane(number) {
			const lines = screen.lines();
			const top = lines.findIndex(text => text.startsWith(` ${number} `) && paneHeader.test(text));
			if (top === -1) return undefined;
			const header = lines[top];
			const position = /\s(\d+)\/(\d+)\s*$/.exec(header);
			return {
				y: top,
				header,
				position: position ? `${position[1]}/${position[2]}` : undefined,
				firstRow: number === 3 ? lines[top + 1] : lines[top + 2],
			};
		},
		/**
		 * What identifies the selection of list pane `number` on screen: the header's position
		 * ("2/1000") and the inverse row. Either alone is enough to see a move; both are used
		 * so that a build that does not draw one of them is still measured.
		 */
		selection(number) {
			return `${screen.pane(number)?.position ?? ''}|${screen.selected()?.text ?? ''}`;
		},
		/** Rows that start with a container state glyph. */
		containerRows() {
			return screen.lines().filter(text => stateGlyphs.has(text[0]));
		},
		/** {running, total} from the containers pane header ("N running / M total"). */
		containersHeader() {
			for (const text of screen.lines()) {
				if (!text.startsWith(' 1 Containers')) continue;
				const match = /(\d+) running \/ (\d+) total/.exec(text);
				return match ? {running: Number(match[1]), total: Number(match[2]), text} : {text};
			}
			return undefined;
		},
	});

	return program;
}
