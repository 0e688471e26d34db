/**
 * Screen readers shared by the peer adapters: rows that show a fixture container's name, and
 * the selected one among them, found the way a person finds it (the one row drawn unlike the
 * others: inverse, or another background), whatever colours the program uses.
 */

/** A fixture container's name (bench/lib/fixtures.mjs: bench-*, and the small engine's small-*). */
export const containerName = /\b(?:bench|small)-(?:run|exited|created|churn|0-flood)[\w-]*/;

/** Rows y in [top, bottom) that show a container name: [{y, x (where the name starts), text}]. */
export function nameRows(screen, {top = 0, bottom = screen.term.rows} = {}) {
	const rows = [];
	for (let y = top; y < bottom; y++) {
		const text = screen.line(y);
		const match = containerName.exec(text);
		if (match) rows.push({y, x: match.index, text});
	}
	return rows;
}

/**
 * The row drawn unlike the other name rows (the selection), or undefined: the look of each
 * row's first name cell is compared, and a look that exactly one row has is the selection.
 */
export function oddRow(screen, rows) {
	if (rows.length < 2) return undefined;
	const byLook = new Map();
	for (const row of rows) {
		const look = screen.look(row.y, row.x);
		byLook.set(look, [...(byLook.get(look) ?? []), row]);
	}
	const singles = [...byLook.values()].filter(list => list.length === 1);
	return singles.length === 1 ? singles[0][0] : undefined;
}

/** The selection as one string that changes when it moves: the selected row's position and text. */
export function selectionText(row) {
	return row ? `${row.y}|${row.text}` : '';
}

/** The rows of the box whose top border holds `title` (╭─Title──╮ ... ╰──╯ or ┌─Title ...): {top, bottom} of its inside. */
export function boxRows(screen, title) {
	const lines = screen.lines();
	const top = lines.findIndex(line => line.includes(`─${title}`));
	if (top === -1) return undefined;
	const x = lines[top].indexOf(`─${title}`) - 1;
	let bottom = top + 1;
	while (bottom < lines.length && !/[╰└]/.test(lines[bottom][x] ?? '')) bottom++;
	return {top: top + 1, bottom, titleY: top, titleX: x + 2};
}
