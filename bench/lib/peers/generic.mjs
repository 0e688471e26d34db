/**
 * A peer the bench has no adapter for: the first frame is the first screen that shows a
 * fixture container's name, the selection is the one name row drawn unlike the others, and no
 * key focuses its list (it must start with the container list focused).
 */
import {nameRows, oddRow, selectionText} from './screen-rows.mjs';

export function genericPeer(name) {
	return {
		name,
		/** Peers get longer than berth to show their first row (lazydocker can take tens of seconds at 1,000 containers on a busy machine). */
		firstFrameTimeoutMs: 60_000,
		keyTimeoutMs: 10_000,
		command: file => (/\.[cm]?js$/.test(file) ? {file: process.execPath, args: [file]} : {file, args: []}),
		firstFrame: screen => nameRows(screen).length > 0,
		async focusList() {},
		selection: screen => selectionText(oddRow(screen, nameRows(screen))),
		firstRow: screen => nameRows(screen)[0]?.text,
	};
}
