/**
 * The reducer's part for the images lifecycle (images-types.ts): transfers and the build, the
 * inspect view's raw JSON and its search, the prune view's steps (the build view follows its
 * output as every live view does: follow-reducer.ts). Returns undefined for actions it leaves to reducer.ts.
 */
import {compileMatcher} from '../text/matcher.js';
import {sanitizeLine} from '../text/sanitize.js';
import {BUILD_LINES_KEPT, type ImagesAction, type InspectModal, type InspectSearch} from './images-types.js';
import {layoutOf} from './selectors.js';
import type {Action, AppState} from './types.js';

/** Transfers that ended are kept for their view, at most this many. */
const ENDED_KEPT = 8;

const imageActions = new Set<string>([
	'transfer-start',
	'transfer-update',
	'build-start',
	'build-lines',
	'build-end',
	'build-upload',
	'inspect-loaded',
	'inspect-raw',
	'inspect-search',
	'inspect-search-line',
	'inspect-jump',
	'prune-choice',
	'prune-step',
] satisfies Array<ImagesAction['type']>);

function isImagesAction(action: Action): action is ImagesAction {
	return imageActions.has(action.type);
}

/** Rows a full-screen view shows below its title line (as reducer.ts viewRows). */
function bodyRows(state: AppState): number {
	return Math.max(1, layoutOf(state).height - 3);
}

/** The raw JSON's lines, as drawn. */
export function rawJsonLines(raw: unknown): string[] {
	return JSON.stringify(raw, null, 2)
		.split('\n')
		.map(line => sanitizeLine(line));
}

/** The inspect view's raw mode shows the search line under the title while there is a search. */
function rawRows(state: AppState, modal: InspectModal): number {
	return Math.max(1, bodyRows(state) - (modal.search ? 1 : 0));
}

/** Scrolls so `line` is in view (a third of the way down when it has to move). */
function reveal(state: AppState, modal: InspectModal, line: number | undefined): number {
	if (line === undefined) return modal.scroll;
	const rows = rawRows(state, modal);
	if (line >= modal.scroll && line < modal.scroll + rows) return modal.scroll;
	const max = Math.max(0, (modal.rawLines?.length ?? 0) - rows);
	return Math.max(0, Math.min(max, line - Math.floor(rows / 3)));
}

function searchFor(modal: InspectModal, search: InspectSearch): InspectSearch {
	const pattern = search.line.value;
	if (pattern === '') return {...search, matches: [], current: 0, error: undefined};
	const matcher = compileMatcher(pattern);
	if (!matcher.ok) return {...search, matches: [], current: 0, error: matcher.error};
	const lines = modal.rawLines ?? [];
	const matches: number[] = [];
	for (const [index, line] of lines.entries()) if (matcher.test(line)) matches.push(index);
	// The first match at or below the top of the view.
	const after = matches.findIndex(index => index >= modal.scroll);
	return {...search, matches, current: Math.max(0, after), error: undefined};
}

function withInspect(state: AppState, change: (modal: InspectModal) => InspectModal): AppState {
	const modal = state.modal;
	if (modal?.kind !== 'inspect') return state;
	return {...state, modal: change(modal)};
}

function reduceAction(state: AppState, action: ImagesAction): AppState {
	const jobs = state.imageJobs;
	const modal = state.modal;
	switch (action.type) {
		case 'transfer-start': {
			const others = jobs.transfers.filter(t => t.key !== action.transfer.key);
			const ended = others.filter(t => t.status === 'done' || t.status === 'failed');
			const drop = new Set(ended.slice(0, Math.max(0, ended.length - ENDED_KEPT + 1)).map(t => t.key));
			return {...state, imageJobs: {...jobs, transfers: [...others.filter(t => !drop.has(t.key)), action.transfer]}};
		}
		case 'transfer-update':
			return {...state, imageJobs: {...jobs, transfers: jobs.transfers.map(t => (t.key === action.key ? {...t, ...action.patch} : t))}};
		case 'build-start':
			return {...state, imageJobs: {...jobs, build: action.build}};
		case 'build-lines': {
			const build = jobs.build;
			if (!build) return state;
			const all = [...build.lines, ...action.lines];
			const over = Math.max(0, all.length - BUILD_LINES_KEPT);
			return {...state, imageJobs: {...jobs, build: {...build, lines: over > 0 ? all.slice(over) : all, dropped: build.dropped + over, step: action.step ?? build.step}}};
		}
		case 'build-end':
			return jobs.build ? {...state, imageJobs: {...jobs, build: {...jobs.build, ...action.patch}}} : state;
		case 'build-upload':
			return jobs.build?.status === 'running' ? {...state, imageJobs: {...jobs, build: {...jobs.build, upload: action.upload}}} : state;
		case 'inspect-loaded':
			return withInspect(state, m => (m.id !== action.id ? m : {...m, details: action.details, rawLines: action.details ? rawJsonLines(action.details.raw) : undefined, error: action.error}));
		case 'inspect-raw':
			return withInspect(state, m => ({...m, raw: action.raw, scroll: 0, extent: undefined, search: action.raw ? m.search : undefined}));
		case 'inspect-search':
			return withInspect(state, m => ({...m, search: action.search && searchFor(m, action.search)}));
		case 'inspect-search-line':
			return withInspect(state, m => {
				if (!m.search) return m;
				const search = searchFor(m, {...m.search, line: action.line});
				return {...m, search, scroll: reveal(state, {...m, search}, search.matches[search.current])};
			});
		case 'inspect-jump':
			return withInspect(state, m => {
				const search = m.search;
				if (!search || search.matches.length === 0) return m;
				const current = (search.current + action.direction + search.matches.length) % search.matches.length;
				const next = {...search, current};
				return {...m, search: next, scroll: reveal(state, {...m, search: next}, next.matches[current])};
			});
		case 'prune-choice':
			return modal?.kind === 'prune' && modal.step === 'choose' ? {...state, modal: {...modal, choice: action.choice}} : state;
		case 'prune-step':
			if (modal?.kind !== 'prune') return state;
			return {...state, modal: {...modal, step: action.step, plan: action.plan ?? modal.plan, report: action.report, error: action.error, scroll: 0, extent: undefined}};
	}
}

export function reduceImages(state: AppState, action: Action): AppState | undefined {
	return isImagesAction(action) ? reduceAction(state, action) : undefined;
}
