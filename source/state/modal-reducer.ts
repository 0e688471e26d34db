/**
 * The reducer's part for forms, filtered views, streamed output and the command log.
 */
import {commandLogPage, windowTop} from './selection.js';
import type {Action, AppState, FormModal, LoggedCommand} from './types.js';

type ModalAction = Extract<
	Action,
	{type: 'form-line' | 'form-field' | 'form-pending' | 'form-hint' | 'view-filter' | 'output' | 'commands-select' | 'log-add' | 'log-update' | 'contexts-select' | 'contexts-mark' | 'context-check'}
>;

/** Most entries the command log keeps. */
export const commandLogCapacity = 500;

function withForm(state: AppState, change: (form: FormModal) => FormModal): AppState {
	return state.modal?.kind === 'form' ? {...state, modal: change(state.modal)} : state;
}

export function isModalAction(action: Action): action is ModalAction {
	return ['form-line', 'form-field', 'form-pending', 'form-hint', 'view-filter', 'output', 'commands-select', 'log-add', 'log-update', 'contexts-select', 'contexts-mark', 'context-check'].includes(action.type);
}

export function reduceModal(state: AppState, action: ModalAction): AppState {
	switch (action.type) {
		case 'form-line':
			// What was refused was the old text: the reason goes as it is edited.
			return withForm(state, form => ({...form, fields: form.fields.map((f, i) => (i === form.field ? {...f, line: action.line} : f)), preview: action.preview, error: undefined}));
		case 'form-field':
			return withForm(state, form => ({...form, field: action.field, error: action.error}));
		case 'form-pending':
			return withForm(state, form => {
				const clear = action.clear === undefined ? -1 : form.fields.findIndex(f => f.key === action.clear);
				if (clear < 0) return {...form, pending: action.pending, error: action.error};
				const fields = form.fields.map((f, i) => (i === clear ? {...f, line: {value: '', cursor: 0}} : f));
				return {...form, fields, field: clear, pending: action.pending, error: action.error};
			});
		case 'form-hint': {
			const {when} = action;
			return withForm(state, form => {
				if (!when) return {...form, fields: form.fields.map(f => (f.key === action.key ? {...f, hint: action.hint} : f))};
				// An answer about a value the field no longer holds is late: dropped.
				if (form.fields.find(f => f.key === when.key)?.line.value !== when.value) return form;
				return {...form, fields: form.fields.map(f => (f.key === action.key ? {...f, hintFor: {...when, hint: action.hint}} : f))};
			});
		}
		case 'view-filter': {
			const modal = state.modal;
			if (modal?.kind !== 'diff') return state;
			return {...state, modal: {...modal, edit: action.edit, filter: action.filter ?? action.edit?.value ?? modal.filter, scroll: 0}};
		}
		case 'output': {
			const modal = state.modal;
			if (modal?.kind !== 'output' || modal.id !== action.id) return state;
			return {...state, modal: {...modal, version: action.version, done: action.done ?? modal.done}};
		}
		case 'commands-select': {
			const modal = state.modal;
			if (modal?.kind !== 'commands') return state;
			const count = state.commandLog.length;
			const selected = Math.max(0, Math.min(count - 1, modal.selected + action.delta));
			// The window moves only as far as it must to keep the selection in it (as the panes' do).
			const rows = commandLogPage(state);
			const top = windowTop(modal.scroll, modal.selected, rows, count);
			return {...state, modal: {...modal, selected, scroll: windowTop(top, selected, rows, count)}};
		}
		case 'contexts-select': {
			const modal = state.modal;
			if (modal?.kind !== 'contexts') return state;
			return {...state, modal: {...modal, selected: Math.max(0, Math.min(modal.rows.length - 1, modal.selected + action.delta))}};
		}
		case 'contexts-mark': {
			const modal = state.modal;
			const row = modal?.kind === 'contexts' ? modal.rows[modal.selected] : undefined;
			if (modal?.kind !== 'contexts' || !row) return state;
			const marked = {...modal.marked};
			if (marked[row.name]) delete marked[row.name];
			else marked[row.name] = true;
			return {...state, modal: {...modal, marked, selected: Math.min(modal.rows.length - 1, modal.selected + 1)}};
		}
		case 'context-check': {
			const modal = state.modal;
			if (modal?.kind !== 'contexts') return state;
			return {...state, modal: {...modal, rows: modal.rows.map(r => (r.name === action.name ? {...r, check: action.check} : r))}};
		}
		case 'log-add': {
			// The log numbers its entries: one past the last, so an entry's id is never reused, not
			// after a context switch (the log is carried over whole) nor once old entries are dropped.
			const id = (state.commandLog.at(-1)?.id ?? 0) + 1;
			const log: LoggedCommand[] = [...state.commandLog, {...action.entry, id}];
			const dropped = Math.max(0, log.length - commandLogCapacity);
			if (dropped === 0) return {...state, commandLog: log};
			// The oldest go; an open view stays on the entry it had selected.
			const modal = state.modal?.kind === 'commands' ? {...state.modal, selected: Math.max(0, state.modal.selected - dropped), scroll: Math.max(0, state.modal.scroll - dropped)} : state.modal;
			return {...state, commandLog: log.slice(dropped), modal};
		}
		case 'log-update':
			return {
				...state,
				commandLog: state.commandLog.map(e => (e.id === action.id ? {...e, result: action.result, message: action.message} : e)),
			};
	}
}
