/** Sizes as the docker CLI prints them (the engine's messages and the UI use the same words; format/format.ts re-exports it). */
const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * Size in bytes the way the docker CLI prints it: decimal (1000-based) units, three
 * significant digits, no trailing zeros: "0B", "999B", "1kB", "1.2kB", "5.6MB", "1.23GB",
 * "123MB". Unlike docker it never prints "1e+03kB": a value that rounds to 1000 moves up a
 * unit ("1MB"). Negative or non-finite input (unknown size) gives "-".
 */
export function formatBytes(n: number): string {
	if (!Number.isFinite(n) || n < 0) return '-';
	let size = n;
	let unit = 0;
	while (size >= 1000 && unit < SIZE_UNITS.length - 1) {
		size /= 1000;
		unit++;
	}
	let rounded = Number(size.toPrecision(3));
	if (rounded >= 1000 && unit < SIZE_UNITS.length - 1) {
		unit++;
		rounded = Number((size / 1000).toPrecision(3));
	}
	return `${rounded}${SIZE_UNITS[unit]}`;
}
