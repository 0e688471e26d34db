/**
 * Peers: other Docker TUIs measured in the same run as berth (`--peer NAME=PATH`, repeatable).
 * Each has an adapter here that says how to start it, when its screen shows a container row,
 * how to focus its container list and where its selection is; a name without an adapter gets
 * the generic one (generic.mjs). Nothing of the peers is in this repository: PATH points at a
 * build made elsewhere (bench/README.md).
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import dockly from './dockly.mjs';
import dry from './dry.mjs';
import {genericPeer} from './generic.mjs';
import lazydocker from './lazydocker.mjs';

const adapters = {lazydocker, dry, dockly};

/** Parses the `--peer NAME=PATH` values into [{name, path, adapter}]; throws on a bad one. */
export function parsePeers(values = []) {
	const peers = [];
	for (const value of values) {
		const at = value.indexOf('=');
		if (at <= 0 || at === value.length - 1) throw new Error(`--peer ${value}: expected NAME=PATH`);
		const name = value.slice(0, at);
		const file = path.resolve(value.slice(at + 1));
		if (!existsSync(file)) throw new Error(`--peer ${name}: ${file} does not exist`);
		if (name === 'berth' || peers.some(p => p.name === name)) throw new Error(`--peer ${name}: the name is taken`);
		peers.push({name, path: file, adapter: adapters[name] ?? genericPeer(name)});
	}
	return peers;
}

/** berth itself, through the same interface as a peer (its screen readers are in lib/berth.mjs). */
export const berthAdapter = {
	name: 'berth',
	firstFrame: screen => screen.containerRows().length > 0,
	async focusList() {},
	selection: screen => screen.selection(1),
	firstRow: screen => screen.pane(1)?.firstRow,
};
