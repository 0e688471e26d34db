/**
 * dry (termbox). One container list under a header; it shows the running containers only
 * until F2 toggles all of them ("Containers: N" above the list says how many it shows). The
 * selected row has another background. Application cursor keys (`ESC O x`, F2 is `ESC O Q`).
 */
import {nameRows, oddRow, selectionText} from './screen-rows.mjs';

const shownCount = screen => {
	for (const line of screen.lines()) {
		const match = /^\s*Containers: (\d+)/.exec(line);
		if (match) return Number(match[1]);
	}
	return undefined;
};

export default {
	name: 'dry',
	firstFrameTimeoutMs: 60_000,
	/** A key can take seconds while it re-renders 1,000 rows on a busy machine (16 ms when quiet). */
	keyTimeoutMs: 10_000,
	command: file => ({file, args: []}),
	firstFrame: screen => nameRows(screen).length > 0,
	/** F2 once, so that it lists every container as the others do, like berth's 1,000-row list. */
	async focusList(program, timeoutMs = 20_000) {
		const before = shownCount(program.screen);
		program.write(program.screen.term.modes.applicationCursorKeysMode ? '\u001BOQ' : '\u001B[12~');
		await program.waitFor(() => {
			const count = shownCount(program.screen);
			return count !== undefined && count !== before && count > (before ?? 0);
		}, timeoutMs, 'dry listing every container after F2');
	},
	selection: screen => selectionText(oddRow(screen, nameRows(screen))),
	firstRow: screen => nameRows(screen)[0]?.text,
};
