/**
 * Filter words several kinds share (Docker's `--filter` words): `label=KEY` and
 * `label=KEY=VALUE`, `host=`, `driver=`, and a label's value (`project=`, `service=`). Each kind
 * lists the words it takes in its declaration.
 */
import type {FilterWord} from './kind.js';

/** `label=KEY` (the row has the label) or `label=KEY=VALUE` (with that value). */
export function labelWord<Row>(labels: (row: Row) => Readonly<Record<string, string>> | undefined): FilterWord<Row> {
	return {
		name: 'label',
		check: value => (value === '' || value.startsWith('=') ? 'label= needs a key: label=KEY or label=KEY=VALUE' : undefined),
		matches(row, value) {
			const at = value.indexOf('=');
			const key = at < 0 ? value : value.slice(0, at);
			const all = labels(row) ?? {};
			if (!Object.hasOwn(all, key)) return false;
			return at < 0 || all[key] === value.slice(at + 1);
		},
	};
}

/** `NAME=VALUE` for one label's value (`project=` for the compose project label). */
export function labelValueWord<Row>(name: string, label: string, labels: (row: Row) => Readonly<Record<string, string>> | undefined): FilterWord<Row> {
	return {
		name,
		check: value => (value === '' ? `${name}= needs a value` : undefined),
		matches: (row, value) => labels(row)?.[label] === value,
	};
}

/** `host=NAME`: rows on that host (with several hosts). */
export function hostWord<Row>(host: (row: Row) => string | undefined): FilterWord<Row> {
	return {
		name: 'host',
		check: value => (value === '' ? 'host= needs a host name' : undefined),
		matches: (row, value) => host(row) === value,
	};
}

/** `driver=NAME` (volumes, networks). */
export function driverWord<Row>(driver: (row: Row) => string | undefined): FilterWord<Row> {
	return {
		name: 'driver',
		check: value => (value === '' ? 'driver= needs a driver name' : undefined),
		matches: (row, value) => driver(row) === value,
	};
}
