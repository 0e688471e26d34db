/**
 * lazydocker (gocui). Side panels Project, Containers, Images, Volumes, Networks; the Project
 * panel has the focus at start and → moves it to Containers. It lists every container; the
 * selected line of a list has a blue background. It switches the terminal to application
 * cursor keys (the driver reads that mode and sends `ESC O x`).
 */
import {boxRows, nameRows, oddRow, selectionText} from './screen-rows.mjs';

const containersBox = screen => boxRows(screen, 'Containers');
const rows = screen => {
	const box = containersBox(screen);
	return box ? nameRows(screen, box) : [];
};

export default {
	name: 'lazydocker',
	firstFrameTimeoutMs: 60_000,
	/** A key can take seconds while it re-renders 1,000 rows on a busy machine (16 ms when quiet). */
	keyTimeoutMs: 10_000,
	command: file => ({file, args: []}),
	firstFrame: screen => rows(screen).length > 0,
	/** → until the Containers panel's title is drawn bold (the focused panel's title). */
	async focusList(program, timeoutMs = 20_000) {
		const focused = () => {
			const box = containersBox(program.screen);
			return box !== undefined && (program.screen.cell(box.titleY, box.titleX)?.isBold() ?? 0) !== 0;
		};
		if (!focused()) {
			program.write(program.arrow('right'));
			await program.waitFor(focused, timeoutMs, 'lazydocker\'s Containers panel focused');
		}
	},
	selection: screen => selectionText(oddRow(screen, rows(screen))),
	firstRow: screen => rows(screen)[0]?.text,
};
