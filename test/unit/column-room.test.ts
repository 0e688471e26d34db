/** Room for a list's columns by what their content needs and how much each matters (column-room.ts). */
import {describe, expect, it} from 'vitest';
import {contentWidths, fitColumns} from '../../source/ui/column-room.js';
import {containersKind} from '../../source/kinds/containers.js';
import type {Column} from '../../source/ui/columns.js';

/** The containers pane's columns with one host, the stats on, and no health checks, restarts or compose labels. */
const columns = containersKind.columns.filter(c => !['host', 'health', 'restarts', 'project', 'service'].includes(c.id));
const title = (widths: number[], name: string) => widths[columns.findIndex(c => c.title === name)];
const used = (widths: number[]) => widths.filter(w => w > 0).reduce((a, b) => a + b, 0) + widths.filter(w => w > 0).length - 1;

/** The rows: STATE NAME IMAGE STATUS CPU MEM ID PORTS. */
const rows = [
	['■ exited (0)', 'shop-api-1', 'shop/api:1.4', 'Exited (0) 2 minutes ago', '', '', '778b3815755e', ''],
	['● running', 'shop-db-1', 'shop/base:1.0', 'Up Less than a second', '0.1%', '815kB', '745bc0441f48', '0.0.0.0:15432->5432/tcp'],
	['■ exited (137)', 'shop-worker-1', 'shop/worker:2.1', 'Exited (137) 14 minutes ago', '', '', 'cb4f727bba7e', ''],
];
const wants = contentWidths(columns, rows);

describe('fitColumns with the containers columns', () => {
	it('at 120 columns every column is shown, STATUS whole; only the ports, the last column, are cut', () => {
		const widths = fitColumns(columns, wants, 119);
		expect(title(widths, 'STATUS')).toBe('Exited (137) 14 minutes ago'.length);
		expect(title(widths, 'STATE')).toBe('■ exited (137)'.length);
		for (const [i, w] of widths.entries()) if (columns[i]!.title !== 'PORTS') expect(w, columns[i]!.title).toBeGreaterThanOrEqual(wants[i]!);
		expect(title(widths, 'PORTS')).toBe(wants.at(-1)! - 5);
		expect(used(widths)).toBe(119);
		// With room to spare, the flexible columns share it.
		const wide = fitColumns(columns, wants, 160);
		for (const [i, w] of wide.entries()) expect(w, columns[i]!.title).toBeGreaterThanOrEqual(wants[i]!);
		expect(used(wide)).toBe(160);
	});

	it('at 80 columns the least important go first (PORTS, then ID) and STATUS keeps the time', () => {
		const widths = fitColumns(columns, wants, 79);
		expect(title(widths, 'STATUS')).toBe('Exited (137) 14 minutes ago'.length);
		expect(title(widths, 'STATE')).toBe(14);
		expect(title(widths, 'NAME')).toBeGreaterThanOrEqual('shop-worker-1'.length);
		expect(title(widths, 'ID')).toBe(0);
		expect(title(widths, 'PORTS')).toBe(0);
		expect(used(widths)).toBeLessThanOrEqual(79);
	});

	it('narrower still: the image is cut to its minimum, then dropped, before the status loses a cell', () => {
		const at60 = fitColumns(columns, wants, 60);
		expect(title(at60, 'STATUS')).toBe(27);
		expect(used(at60)).toBeLessThanOrEqual(60);
		const at40 = fitColumns(columns, wants, 40);
		expect(title(at40, 'IMAGE')).toBe(0);
		expect(used(at40)).toBeLessThanOrEqual(40);
		// Only when nothing less important is left does the state's time give.
		expect(title(at40, 'STATE')).toBe(14);
		expect(title(at40, 'STATUS')).toBeGreaterThan(0);
	});
});

describe('fitColumns, generic', () => {
	const list: Column[] = [
		{title: 'A', min: 4, priority: 3},
		{title: 'B', min: 4, priority: 1, weight: 1},
		{title: 'C', width: 5, priority: 2},
	];

	it('everything fits: content widths, the spare to the weighted column', () => {
		expect(fitColumns(list, [6, 6, 5], 30)).toEqual([6, 17, 5]);
	});

	it('too little: the least important is cut to its minimum first, then dropped; room a drop frees goes back', () => {
		expect(fitColumns(list, [6, 10, 5], 18)).toEqual([6, 5, 5]);
		// B at its minimum (4) does not fit beside A and C: it goes, and A has its room.
		expect(fitColumns(list, [10, 10, 5], 18)).toEqual([10, 0, 5]);
	});

	it('ties: the rightmost gives first; hideBelow still drops a column; the last column standing is cut, not dropped', () => {
		const tied: Column[] = [
			{title: 'X', min: 2, priority: 1},
			{title: 'Y', min: 2, priority: 1},
		];
		expect(fitColumns(tied, [5, 5], 8)).toEqual([5, 2]);
		expect(fitColumns([{title: 'H', width: 3, hideBelow: 50}, ...tied], [3, 5, 5], 20)).toEqual([0, 5, 5]);
		expect(fitColumns([{title: 'Only', min: 10}], [30], 6)).toEqual([6]);
	});

	it('contentWidths: the widest cell or the title', () => {
		expect(contentWidths(list, [['ab', 'abcdefg', ''], ['a', '', 'x']])).toEqual([2, 7, 1]);
	});
});
