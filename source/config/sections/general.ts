/**
 * The settings of one value each: the pane focused at start, stats, all or running containers,
 * the shell of `e`, the mouse, the debug shell's image. Those a flag also sets have its name
 * (`--no-stats` ↔ `stats: false`, `--shell`, `--mouse`, `--all`/`--no-all`).
 */
import type {Section} from '../section.js';

const boolean = (description: string) => ({title: 'true or false', description, type: 'boolean' as const});

export const defaultPaneSection: Section<'defaultPane'> = {
	key: 'defaultPane',
	unit: 1,
	defaults: 'containers',
	schema: () => ({title: 'one of containers, images, logs', description: 'The pane focused at start', enum: ['containers', 'images', 'logs']}),
};

export const statsSection: Section<'stats'> = {
	key: 'stats',
	unit: 1,
	defaults: true,
	schema: () => boolean('The CPU and MEM columns at start (M toggles them; --no-stats)'),
};

export const allSection: Section<'all'> = {
	key: 'all',
	unit: 1,
	defaults: true,
	schema: () => boolean('Every container (true) or only running ones (a toggles; --all, --no-all)'),
};

export const shellSection: Section<'shell'> = {
	key: 'shell',
	unit: 1,
	defaults: 'auto',
	schema: () => ({title: 'a shell name or auto', description: 'The shell e starts: auto is bash if the container has it, else sh (--shell)', type: 'string', pattern: '^\\S+$'}),
};

export const mouseSection: Section<'mouse'> = {
	key: 'mouse',
	unit: 1,
	defaults: false,
	schema: () => boolean('Mouse reporting: the wheel scrolls, a click selects (--mouse, --no-mouse)'),
};

export const debugImageSection: Section<'debugImage'> = {
	key: 'debugImage',
	unit: 1,
	defaults: 'busybox:latest',
	schema: () => ({title: 'an image reference', description: 'The image of the helper container of the debug shell, for containers without a shell', type: 'string', pattern: '^\\S+$'}),
};
