/**
 * How a column of a list is laid out: a fixed `width`, or a width from its content (at least
 * `min`, at most `max`, a share `weight` of the room left), how much it matters on a narrow
 * terminal (`priority`), its alignment. The kinds declare their columns with these (kind.ts
 * `KindColumn`); ui/column-room.ts gives them their room. Pure data.
 */
export interface Column {
	title: string;
	width?: number;
	weight?: number;
	min?: number;
	/** The widest a flexible column grows from its content (the room left over may still widen it by `weight`). */
	max?: number;
	/** How much it matters (fitColumns): higher is cut and dropped later. Default 0. */
	priority?: number;
	align?: 'left' | 'right';
	/** Dropped when the pane is narrower than this. */
	hideBelow?: number;
}

/** Semantic colours, by name (ui/theme.ts maps them to the terminal's colours). */
export type Tone = 'ok' | 'warn' | 'bad' | 'muted' | 'info' | 'accent' | 'stderr';
