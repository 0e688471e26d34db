import {describe, expect, it} from 'vitest';
import {barCommands, commandFor, commands, scopeTitles} from '../../source/commands/registry.js';
import {layerOf} from '../../source/state/precedence.js';
import {helpLines} from '../../source/ui/key-hints.js';
import {initialState, reducer} from '../../source/state/reducer.js';
import type {AppState, Pane} from '../../source/state/types.js';
import {fakeContainer} from '../support/fake-engine.js';

function withPane(pane: Pane, state: AppState = initialState()): AppState {
	return reducer(state, {type: 'focus', pane});
}

const up = (state: AppState): AppState => reducer(state, {type: 'conn-up', info: {version: '1', apiVersion: '1.41', os: 'linux', arch: 'amd64'}});

describe('command registry', () => {
	it('has unique ids and no key bound twice within a scope', () => {
		const ids = new Set<string>();
		const seen = new Set<string>();
		for (const c of commands) {
			expect(ids.has(c.id), `${c.id} twice`).toBe(false);
			ids.add(c.id);
			for (const k of c.keys) {
				const id = `${c.scope}:${k}`;
				expect(seen.has(id), `${id} bound twice`).toBe(false);
				seen.add(id);
			}
		}
	});

	it('gives every scope with keys a title, so the ? overlay and the README table list all of them', () => {
		const titled = new Set(scopeTitles.map(([scope]) => scope));
		for (const c of commands) if (c.keys.length > 0) expect(titled.has(c.scope), `${c.id}: scope ${c.scope} has no title`).toBe(true);
		const headings = helpLines(200).filter(l => l.heading).map(l => l.text);
		expect(headings).toEqual(expect.arrayContaining(['Swarm view (4)', 'Swarm services', 'Swarm tasks', 'Swarm nodes', 'Contexts view']));
	});

	it('has descriptions that fit the help overlay at 100 columns', () => {
		for (const c of commands) expect(c.description.length, c.id).toBeLessThanOrEqual(80);
	});

	it('binds the keys the product promises', () => {
		const expectCommand = (key: string, pane: Pane, id: string) => expect(commandFor(key, up(withPane(pane)))?.id, `${key} in ${pane}`).toBe(id);
		expectCommand('1', 'images', 'app.focus-containers');
		expectCommand('2', 'containers', 'app.focus-images');
		expectCommand('3', 'containers', 'app.focus-logs');
		expectCommand('tab', 'containers', 'app.next-pane');
		expectCommand('shift-tab', 'containers', 'app.prev-pane');
		expectCommand('j', 'containers', 'nav.down');
		expectCommand('k', 'images', 'nav.up');
		expectCommand('down', 'containers', 'nav.down');
		expectCommand('pageup', 'containers', 'nav.page-up');
		expectCommand('g', 'images', 'nav.first');
		expectCommand('G', 'images', 'nav.last');
		expectCommand('/', 'containers', 'app.filter');
		expectCommand('?', 'logs', 'app.help');
		expectCommand('q', 'logs', 'app.quit');
		expectCommand('u', 'containers', 'container.start');
		expectCommand('s', 'containers', 'container.stop');
		expectCommand('K', 'containers', 'container.kill');
		expectCommand('r', 'containers', 'container.restart');
		expectCommand('p', 'containers', 'container.pause');
		expectCommand('c', 'containers', 'container.commit');
		expectCommand('d', 'containers', 'container.remove');
		expectCommand('a', 'containers', 'container.toggle-all');
		expectCommand('enter', 'containers', 'container.details');
		expectCommand('l', 'containers', 'container.logs');
		expectCommand('d', 'images', 'image.remove');
		expectCommand('enter', 'images', 'image.history');
		expectCommand('j', 'logs', 'logs.down');
		// Container keys do nothing in the images pane.
		expect(commandFor('K', up(withPane('images')))).toBeUndefined();
		expect(commandFor('s', up(withPane('images')))).toBeUndefined();
	});

	it('lets only dialog keys through while a dialog is open, with No as the safe default', () => {
		const c = fakeContainer({name: 'a'});
		let state = up(reducer(initialState(), {type: 'snapshot', containers: [c], images: []}));
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.kill', target: {kind: 'container', id: c.id, name: 'a'}, title: 'Kill?', body: [], forceOffered: false}});
		expect(layerOf(state)).toBe('dialog');
		expect(commandFor('y', state)?.id).toBe('dialog.yes');
		expect(commandFor('n', state)?.id).toBe('dialog.cancel');
		expect(commandFor('escape', state)?.id).toBe('dialog.cancel');
		expect(commandFor('enter', state)).toBeUndefined();
		for (const key of ['s', 'K', 'd', 'j', 'q', 'u', 'c']) expect(commandFor(key, state)).toBeUndefined();
		expect(commandFor('ctrl-c', state)?.id).toBe('app.quit');
	});

	it('builds the help bar from what is available now', () => {
		const running = fakeContainer({name: 'run'});
		const stopped = fakeContainer({name: 'off', state: 'exited'});
		let state = up(reducer(initialState(), {type: 'snapshot', containers: [running, stopped], images: []}));
		const labels = () => barCommands(state).map(c => c.label);
		// A running container: stop and kill, not start.
		expect(labels()).toEqual(expect.arrayContaining(['stop', 'kill', 'commit', 'rm', 'help', 'quit']));
		expect(labels()).not.toContain('start');
		state = reducer(state, {type: 'move', delta: 1});
		expect(labels()).toContain('start');
		expect(labels()).not.toContain('kill');
		expect(barCommands(withPane('images', state)).map(c => c.label)).not.toContain('kill');
		expect(barCommands(withPane('logs', state))[0]!.id).toBe('app.help');
		// The kill dialog offers y and n, no force; after a refusal, only f and n.
		const target = {kind: 'container' as const, id: running.id, name: 'run'};
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.remove', target, title: 'Remove?', body: [], forceOffered: false}});
		expect(labels()).toEqual(['yes', 'no (default)']);
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'container.remove', target, title: 'Refused', body: [], forceOffered: true}});
		expect(labels()).toEqual(['force', 'no (default)']);
	});

	it('gives the Swarm view its own keys: the part with the keyboard first, then the view’s; nothing of the panes', () => {
		let state = up(reducer(initialState(), {type: 'swarm-open', opening: 1}));
		expect(layerOf(state)).toBe('view');
		state = reducer(state, {type: 'swarm-role', role: 'manager', localState: 'active'});
		expect(commandFor('s', state)?.id).toBe('service.scale');
		expect(commandFor('d', state)?.id).toBe('service.remove');
		expect(commandFor('tab', state)?.id).toBe('swarm.next-part');
		expect(commandFor('escape', state)?.id).toBe('swarm.close');
		expect(commandFor('q', state)?.id).toBe('swarm.close');
		for (const key of ['K', 'u', '1', 'D']) expect(commandFor(key, state), key).toBeUndefined();
		// The parts are lists like the panes': `/` filters the part with the keyboard.
		expect(commandFor('/', state)?.id).toBe('swarm.filter');
		state = reducer(reducer(state, {type: 'swarm-part', delta: 1}), {type: 'swarm-part', delta: 1});
		expect(commandFor('D', state)?.id).toBe('node.drain');
		expect(commandFor('P', state)?.id).toBe('node.pause');
		expect(commandFor('A', state)?.id).toBe('node.activate');
		expect(commandFor('s', state)).toBeUndefined();
		expect(commandFor('4', up(initialState()))?.id).toBe('app.swarm');
		// A dialog over it has the keyboard; the service log scrolls as output does.
		state = reducer(state, {type: 'open', modal: {kind: 'confirm', command: 'node.drain', target: {kind: 'node', id: 'n', name: 'n'}, title: 'Drain?', body: [], forceOffered: false}});
		expect(commandFor('D', state)).toBeUndefined();
		expect(commandFor('y', state)?.id).toBe('dialog.yes');
		state = reducer(state, {type: 'open', modal: {kind: 'service-logs', id: 'l', serviceId: 's', name: 's', title: 't', scroll: 0, version: 0}});
		expect(commandFor('G', state)?.id).toBe('output.follow');
		expect(commandFor('escape', state)?.id).toBe('view.close');
	});

	it('shows only quit and the contexts on the unreachable screen', () => {
		const state = reducer(initialState(), {type: 'conn-down', error: Object.assign(new Error('gone'), {code: 'unreachable'}) as never, now: 0});
		expect(barCommands(state).map(c => c.id)).toEqual(['unreachable.quit', 'unreachable.contexts']);
		expect(commandFor('s', state)).toBeUndefined();
		expect(commandFor('?', state)).toBeUndefined();
	});
});

describe('each command', () => {
	const running = fakeContainer({name: 'run'});
	const stopped = fakeContainer({name: 'off', state: 'exited', status: 'Exited (0)'});
	const paused = fakeContainer({name: 'zzz', state: 'paused', status: 'Up 1 minute (Paused)'});
	const stateWith = (selected: typeof running) => {
		let s = up(reducer(initialState(), {type: 'snapshot', containers: [running, stopped, paused], images: []}));
		s = reducer(s, {type: 'select', list: 'containers', key: selected.id});
		return s;
	};
	const byId = (id: string) => commands.find(c => c.id === id)!;
	const availableOn = (id: string, c: typeof running) => byId(id).available?.(stateWith(c)) ?? true;

	it('is available only where it makes sense, saying why when not', () => {
		expect(availableOn('container.start', running)).toBe('run is already running');
		expect(availableOn('container.start', paused)).toBe('zzz is paused: p unpauses it');
		expect(availableOn('container.start', stopped)).toBe(true);
		for (const id of ['container.stop', 'container.kill', 'container.stop-timeout']) {
			expect(availableOn(id, stopped), id).toBe('off is not running');
			expect(availableOn(id, running), id).toBe(true);
		}
		expect(availableOn('container.pause', stopped)).toBe('off is not running');
		expect(availableOn('container.pause', paused)).toBe(true);
		expect(availableOn('container.top', stopped)).toBe('off is not running: no processes');
		expect(availableOn('container.start-attached', running)).toBe('run is running already: A attaches');
		expect(availableOn('container.start-attached', stopped)).toBe(true);
		// A busy row refuses engine actions but still shows its details.
		const busy = reducer(stateWith(running), {type: 'busy', id: running.id, label: 'stopping…'});
		expect(byId('container.restart').available!(busy)).toBe('run is busy: stopping…');
		expect(byId('container.details').available!(busy)).toBe(true);
		// Nothing selected: silently nothing.
		expect(byId('container.stop').available!(up(initialState()))).toBe(false);
		expect(byId('logs.grep').available!(stateWith(running))).toMatch(/^Search first/);
		expect(byId('commands.copy').available!(stateWith(running))).toBe('Nothing to copy yet');
	});

	it('says which docker command it is equivalent to', () => {
		const t = {kind: 'container' as const, id: running.id, name: 'run'};
		const cli = (id: string, options?: Parameters<NonNullable<(typeof commands)[number]['cli']>>[1]) => byId(id).cli!(t, options);
		expect(cli('container.start')).toBe('docker start run');
		expect(cli('container.stop')).toBe('docker stop run');
		expect(cli('container.kill')).toBe('docker kill run');
		expect(cli('container.restart')).toBe('docker restart run');
		expect(cli('container.remove')).toBe('docker rm run');
		expect(cli('container.remove', {force: true})).toBe('docker rm -f run');
		expect(cli('container.attach')).toBe('docker attach run');
		expect(cli('container.start-attached')).toBe('docker start -a -i run');
		expect(cli('container.diff')).toBe('docker diff run');
		expect(cli('container.exec', {command: ['cat', '/etc/hostname']})).toBe('docker exec -it run cat /etc/hostname');
		expect(cli('container.rename', {ref: 'web 2'})).toBe("docker rename run 'web 2'");
		const image = {kind: 'image' as const, id: 'sha256:' + 'a'.repeat(64), name: 'x:1', ref: 'x:1'};
		expect(byId('image.remove').cli!(image, {force: true})).toBe('docker rmi -f x:1');
		expect(byId('image.history').cli!(image)).toBe('docker history x:1');
		// Every command with a docker equivalent starts with docker.
		for (const c of commands.filter(c => c.cli)) expect(c.cli!(c.scope === 'images' ? image : t), c.id).toMatch(/^(DOCKER_BUILDKIT=0 )?docker /);
	});

	it('asks first exactly where it must: kill confirms; rm and rmi confirm, then offer force', () => {
		const policy = (id: string) => byId(id).confirm?.policy;
		expect(policy('container.kill')).toBe('confirm');
		expect(policy('container.remove')).toBe('confirm-then-force');
		expect(policy('image.remove')).toBe('confirm-then-force');
		for (const id of ['container.stop', 'container.start', 'container.restart', 'container.pause', 'container.commit']) expect(policy(id), id).toBeUndefined();
		// The dialogs name the container and its short id.
		expect(byId('container.kill').confirm!.dialog(stateWith(running))!.title).toBe(`Kill container run (${running.id.slice(0, 12)}) with SIGKILL now?`);
	});

	it('acts on marked rows for the lifecycle actions only', () => {
		const bulk = commands.filter(c => c.bulk).map(c => c.id).sort();
		expect(bulk).toEqual(['container.kill', 'container.pause', 'container.remove', 'container.restart', 'container.start', 'container.stop']);
		for (const id of bulk) expect(byId(id).each, id).toBeTypeOf('function');
	});
});
