import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface TerminalSize {
	columns: number;
	rows: number;
}

/**
 * The terminal's size, updated on every resize. Ink 6 only tracks the width; berth needs the
 * height too. Falls back to 80x24 when the stream does not know (tests, pipes).
 */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const read = (): TerminalSize => ({
		columns: stdout.columns || 80,
		rows: stdout.rows || 24,
	});
	const [size, setSize] = useState(read);
	useEffect(() => {
		const onResize = () => {
			const next = read();
			setSize(previous =>
				previous.columns === next.columns && previous.rows === next.rows ? previous : next,
			);
		};
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
