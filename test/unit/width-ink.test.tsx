/**
 * berth measures text with the width Ink lays it out with: rows with hexagrams, emoji with skin
 * tones, ZWJ sequences and Indic or Persian names, rendered through Ink, stay inside the pane
 * and keep their columns in line.
 */
import React from 'react';
import {describe, expect, it} from 'vitest';
import {render} from 'ink-testing-library';
import measure from 'string-width';
import stripAnsi from 'strip-ansi';
import type {ContainerSummary} from '../../source/engine/types.js';
import {containersKind} from '../../source/kinds/containers.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import {KindPane} from '../../source/ui/kind-pane.js';
import {FittedTable} from '../../source/ui/kv-table.js';
import {StatusLine} from '../../source/ui/status-line.js';

const names = [
	'䷀䷁䷂䷃䷄䷅䷆䷇-hexagrams', // two columns each in Unicode 16 (one in berth's old table)
	'☰☱☲☳☴☵☶☷-trigrams',
	'thumbs-👍🏽👍🏿-skin',
	'family-👨‍👩‍👧‍👦-zwj',
	'क्षत्रिय-राजा',
	'می‌خواهم-persian',
	'plain-ascii-name',
];

function container(name: string, i: number): ContainerSummary {
	return {
		id: `${String(i).repeat(12)}${'a'.repeat(52)}`,
		name,
		image: `img-${name}`,
		imageId: 'sha256:1',
		command: 'sh',
		created: 0,
		state: 'running',
		status: 'Up 3 minutes',
		ports: [{privatePort: 80, publicPort: 8080, type: 'tcp', ip: '0.0.0.0'}],
		labels: {},
	};
}

const WIDTH = 100; // ink-testing-library's stdout has 100 columns

describe('one width model with Ink', () => {
	it('container rows with wide, emoji, ZWJ and Indic names stay in the pane and keep the STATUS column in line', () => {
		const containers = names.map(container);
		const state = reducer(initialState({columns: WIDTH + 1, rows: 40}), {type: 'snapshot', containers, images: [], at: 0});
		const {lastFrame, unmount} = render(<KindPane state={state} kind={containersKind as never} focused width={WIDTH} height={12} />);
		const lines = stripAnsi(lastFrame() ?? '').split('\n');
		unmount();
		for (const line of lines) expect(measure(line), line).toBeLessThanOrEqual(WIDTH);
		// Where the STATUS column starts, from the column titles: every row's status starts there.
		const header = lines.find(l => l.startsWith('STATE'))!;
		const statusColumn = measure(header.slice(0, header.indexOf(' STATUS ') + 1));
		expect(statusColumn).toBeGreaterThan(0);
		for (const [i, name] of names.entries()) {
			const row = lines.find(l => l.includes(`img-${name.slice(0, 3)}`));
			expect(row, name).toBeDefined();
			const at = row!.indexOf('Up 3 minutes');
			expect(at, row).toBeGreaterThan(0);
			// The STATUS cell starts at the same column in every row, whatever the name.
			expect(measure(row!.slice(0, at)), `${i}: ${row}`).toBe(statusColumn);
			expect(measure(row!), row).toBeLessThanOrEqual(WIDTH);
		}
	});

	it('a details table with such values keeps its borders in line', () => {
		const {lastFrame, unmount} = render(<FittedTable title="Labels" columns={['KEY', 'VALUE']} rows={names.map((n, i) => [`k${i}`, n])} width={40} />);
		const lines = stripAnsi(lastFrame() ?? '').split('\n').slice(1);
		unmount();
		const widths = new Set(lines.map(l => measure(l)));
		expect([...widths], lines.join('\n')).toHaveLength(1);
		expect([...widths][0]).toBeLessThanOrEqual(40);
		// Every border column is at the same display position on every line.
		// The inner border (between KEY and VALUE) is at the same display position on every line.
		const borderAt = (line: string) => measure(line.slice(0, 1 + line.slice(1).search(/[│┼┬┴]/u)));
		const first = borderAt(lines[0]!);
		for (const line of lines.filter(l => l.length > 0)) expect(borderAt(line), line).toBe(first);
	});

	it('a status message with wide characters leaves the line at the terminal width', () => {
		const {lastFrame, unmount} = render(
			<StatusLine endpoint="unix:///var/run/docker.sock" conn={{kind: 'down'} as never} running={1} stopped={2} images={3} status={{text: '䷀䷁䷂ 日本語 👨‍👩‍👧 saved', tone: 'ok'}} width={80} />,
		);
		const line = stripAnsi(lastFrame() ?? '');
		unmount();
		// It fits (Ink drops the padding at the end of the line), the message and the counts whole.
		expect(measure(line), line).toBeLessThanOrEqual(80);
		expect(measure(line), line).toBeGreaterThanOrEqual(78);
		expect(line).toContain('👨‍👩‍👧 saved');
		expect(line).toContain('1 running / 2 stopped · 3 images');
	});
});
