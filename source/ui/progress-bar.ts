/** A progress bar in `width` cells: "██████░░░░" (the fraction clamped to 0..1). */
export function progressBar(current: number, total: number, width: number): string {
	const cells = Math.max(0, width);
	const fraction = total > 0 ? Math.max(0, Math.min(1, current / total)) : 0;
	const full = Math.floor(fraction * cells);
	return '█'.repeat(full) + '░'.repeat(cells - full);
}
