/**
 * The images kind: one row per tag (a dangling image as one `<none>` row), with how many
 * containers use it, kept live from the engine feed (its own list, fetched again on image
 * events). The pane is `2`, in the middle. Its commands: source/commands/images*.ts.
 */
import type {ContainerSummary, ImageSummary} from '../engine/types.js';
import {formatAgeShort, formatBytes, shortId} from '../format/format.js';
import {plural} from '../format/plural.js';
import {activityNote} from '../state/images-selectors.js';
import {lastOf} from '../state/memo.js';
import type {AppState, ImageRow} from '../state/types.js';
import {sanitizeInline} from '../text/sanitize.js';
import {hostColumn} from './host-column.js';
import type {FilterWord, Kind, KindColumn, SortKey} from './kind.js';
import {hostWord, labelWord} from './words.js';

/** One row per tag, dangling images as one <none> row; sorted by host (several hosts), then reference, <none> last. */
export function imageRowsOf(images: readonly ImageSummary[], containers: readonly ContainerSummary[]): ImageRow[] {
	const uses = new Map<string, number>();
	for (const c of containers) uses.set(c.imageId, (uses.get(c.imageId) ?? 0) + 1);
	const rows: ImageRow[] = [];
	for (const image of images) {
		const counted = {...image, containers: uses.get(image.id) ?? 0};
		if (image.repoTags.length === 0) rows.push({key: `${image.id}|`, image: counted});
		for (const ref of image.repoTags) rows.push({key: `${image.id}|${ref}`, image: counted, ref});
	}
	return rows.sort((a, b) => {
		const ha = a.image.host ?? '';
		const hb = b.image.host ?? '';
		if (ha !== hb) return ha < hb ? -1 : 1;
		if (!a.ref !== !b.ref) return a.ref ? -1 : 1;
		const ka = a.ref ?? a.image.id;
		const kb = b.ref ?? b.image.id;
		return ka < kb ? -1 : ka > kb ? 1 : 0;
	});
}

const imageRows = (state: AppState) => state.lists['images']!.rows as readonly ImageRow[];

const columns: Array<KindColumn<ImageRow>> = [
	{...hostColumn<ImageRow>(r => r.image.host), priority: 8},
	{id: 'ref', title: 'REPOSITORY:TAG', weight: 1, min: 12, priority: 9, cell: r => (r.ref ? sanitizeInline(r.ref) : '<none>')},
	{id: 'id', title: 'IMAGE ID', width: 12, priority: 6, cell: (r, ctx) => ctx.state.busy[r.image.id] ?? shortId(r.image.id)},
	{id: 'size', title: 'SIZE', width: 8, align: 'right', priority: 7, cell: r => formatBytes(r.image.size)},
	{id: 'created', title: 'CREATED', width: 7, align: 'right', priority: 5, cell: (r, ctx) => formatAgeShort(r.image.created, ctx.state.clock / 1000)},
	{id: 'used', title: 'USED BY', width: 7, align: 'right', priority: 4, cell: r => (r.image.containers ? String(r.image.containers) : '-')},
];

const byRef = (a: ImageRow, b: ImageRow) => {
	const ka = a.ref ?? `\uffff${a.image.id}`;
	const kb = b.ref ?? `\uffff${b.image.id}`;
	return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const sortKeys: Array<SortKey<ImageRow>> = [
	{id: 'name', label: 'name'},
	{id: 'size', label: 'size', compare: (a, b) => b.image.size - a.image.size || byRef(a, b)},
	{id: 'created', label: 'created', compare: (a, b) => b.image.created - a.image.created || byRef(a, b)},
];

const words: Array<FilterWord<ImageRow>> = [
	{name: 'dangling', values: ['true', 'false'], matches: (r, value) => (r.image.repoTags.length === 0) === (value === 'true')},
	{name: 'reference', check: value => (value === '' ? 'reference= needs a name[:tag]' : undefined), matches: (r, value) => r.ref !== undefined && (r.ref === value || r.ref.startsWith(`${value}:`))},
	hostWord(r => r.image.host),
	labelWord(r => r.image.labels),
];

export const imagesKind: Kind<ImageRow> = {
	name: 'images',
	title: 'Images',
	noun: 'image',
	nouns: 'images',
	key: r => r.key,
	id: r => r.image.id,
	label: r => r.ref ?? shortId(r.image.id),
	host: r => r.image.host,
	unreachable: r => r.image.unreachable !== undefined,
	fromSnapshot: snapshot => imageRowsOf(snapshot.images, snapshot.containers),
	place: {pane: {key: '2', slot: 'middle'}},
	columns,
	text: r => r.ref ?? '<none>',
	idPrefix: r => r.image.id,
	words,
	sort: sortKeys,
	groupByHost: true,
	tone: (r, ctx) => (ctx.state.busy[r.image.id] ? 'warn' : r.ref && !r.image.unreachable ? undefined : 'muted'),
	header(state, all) {
		const {tags, images} = countsOf(all);
		const activity = activityNote(state);
		return {lead: [...(activity ? [sanitizeInline(activity, {maxLength: 1024})] : []), `${plural(tags, 'tag')}, ${plural(images, 'image')}`]};
	},
	empty: (_state, filtered) => (filtered ? 'No image matches the filter' : 'No images'),
};

/** Tags and distinct images among image rows. */
const countsOf = lastOf((rows: readonly ImageRow[]) => ({tags: rows.filter(r => r.ref !== undefined).length, images: new Set(rows.map(r => r.image.id)).size}));

/** The distinct images (not tags) berth lists, for the status line. */
export function imageCount(state: AppState): number {
	return countsOf(imageRows(state)).images;
}
