/**
 * The `/` filter: Docker's filter words beside free text, all holding (filter-parse.ts), and each
 * kind's words (source/kinds/): what they match, and why a malformed one is left out.
 */
import {describe, expect, it} from 'vitest';
import {containersKind} from '../../source/kinds/containers.js';
import {imageRowsOf, imagesKind} from '../../source/kinds/images.js';
import type {Kind} from '../../source/kinds/kind.js';
import {nodesKind} from '../../source/kinds/nodes.js';
import {servicesKind} from '../../source/kinds/services.js';
import {tasksKind} from '../../source/kinds/tasks.js';
import {filterRows, parseFilter} from '../../source/state/filter-parse.js';
import {fakeContainer, fakeImage} from '../support/fake-engine.js';
import type {NodeSummary, ServiceSummary, TaskSummary} from '../../source/engine/types.js';

const pick = <Row>(kind: Kind<Row>, rows: readonly Row[], text: string, name: (row: Row) => string) => filterRows(rows, kind, parseFilter(text, kind)).map(name);
const why = <Row>(kind: Kind<Row>, text: string, others = new Map<string, string[]>()) => parseFilter(text, kind, others).error;

describe('the filter parser', () => {
	it('takes a kind word, free text for the rest, and lower-cases free text and fixed values', () => {
		const parsed = parseFilter('STATUS=Running Web label=a=B=c', containersKind);
		expect(parsed.words.map(w => [w.word.name, w.value])).toEqual([
			['status', 'running'],
			['label', 'a=B=c'],
		]);
		expect(parsed.free).toEqual(['web']);
		expect(parsed.error).toBeUndefined();
		// A word with = whose name is no filter word anywhere is text to find.
		expect(parseFilter('a=b', containersKind).free).toEqual(['a=b']);
	});

	it('leaves out a malformed word and says why (the first one)', () => {
		expect(why(containersKind, 'status=bogus')).toBe('status=bogus: status is one of created, restarting, running, removing, paused, exited, dead');
		expect(why(containersKind, 'status=')).toBe('status= needs a value: created, restarting, running, removing, paused, exited, dead');
		expect(why(containersKind, 'label=')).toBe('label= needs a key: label=KEY or label=KEY=VALUE');
		expect(why(containersKind, 'label==x health=sick')).toBe('label= needs a key: label=KEY or label=KEY=VALUE');
		expect(why(containersKind, 'project=')).toBe('project= needs a value');
		expect(why(containersKind, 'dangling=true', new Map([['dangling', ['images']]]))).toBe('dangling= filters images, not containers');
		expect(parseFilter('status=bogus web', containersKind).free).toEqual(['web']);
	});
});

describe("each kind's words", () => {
	const web = fakeContainer({name: 'web', image: 'shop/web:1.2', state: 'running', status: 'Up 2 minutes (healthy)', health: 'healthy', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', tier: 'front'}, networks: ['shop_default'], mounts: [{destination: '/data', name: 'shop_data'}, {destination: '/etc/app'}]});
	const db = fakeContainer({name: 'db', image: 'postgres:16', state: 'exited', status: 'Exited (0) 1 hour ago', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'db'}, host: 'prod'});
	const lone = fakeContainer({name: 'lone', image: 'shop/web', state: 'paused', status: 'Up 1 minute (Paused)', labels: {}});
	const containers = [web, db, lone];
	const names = (text: string) => pick(containersKind, containers, text, c => c.name);

	it('containers: status, health, ancestor, network, volume, project, service, host, label; every word must hold', () => {
		expect(names('status=running')).toEqual(['web']);
		expect(names('status=paused')).toEqual(['lone']);
		expect(names('health=healthy')).toEqual(['web']);
		expect(names('health=none')).toEqual(['db', 'lone']);
		expect(names('ancestor=shop/web')).toEqual(['web', 'lone']);
		expect(names('ancestor=shop/web:1.2')).toEqual(['web']);
		expect(names(`ancestor=${web.imageId.replace('sha256:', '').slice(0, 8)}`)).toEqual(containers.filter(c => c.imageId === web.imageId).map(c => c.name));
		expect(names('network=shop_default')).toEqual(['web']);
		expect(names('volume=shop_data')).toEqual(['web']);
		expect(names('volume=/etc/app')).toEqual(['web']);
		expect(names('project=shop')).toEqual(['web', 'db']);
		expect(names('project=shop service=db')).toEqual(['db']);
		expect(names('host=prod')).toEqual(['db']);
		expect(names('label=tier')).toEqual(['web']);
		expect(names('label=tier=back')).toEqual([]);
		expect(names('project=shop exited')).toEqual(['db']);
		expect(names('project=shop status=running web')).toEqual(['web']);
	});

	it('images: dangling, reference, host, label', () => {
		const tagged = fakeImage({repoTags: ['shop/web:1.2', 'shop/web:latest'], labels: {maintainer: 'ops'}});
		const dangling = fakeImage({repoTags: []});
		const rows = imageRowsOf([tagged, dangling], []);
		const refs = (text: string) => pick(imagesKind, rows, text, r => r.ref ?? '<none>');
		expect(refs('dangling=true')).toEqual(['<none>']);
		expect(refs('dangling=false')).toEqual(['shop/web:1.2', 'shop/web:latest']);
		expect(why(imagesKind, 'dangling=maybe')).toBe('dangling=maybe: dangling is one of true, false');
		expect(refs('reference=shop/web')).toEqual(['shop/web:1.2', 'shop/web:latest']);
		expect(refs('reference=shop/web:latest')).toEqual(['shop/web:latest']);
		expect(refs('label=maintainer=ops')).toEqual(['shop/web:1.2', 'shop/web:latest']);
		expect(refs('latest')).toEqual(['shop/web:latest']);
	});

	it('swarm: services by label, tasks by desired state, nodes by role, availability and label', () => {
		const service = (name: string, labels: Record<string, string>) => ({id: name, name, mode: 'replicated', image: 'x', labels}) as unknown as ServiceSummary;
		expect(pick(servicesKind, [service('a', {env: 'prod'}), service('b', {})], 'label=env=prod', s => s.name)).toEqual(['a']);
		const task = (id: string, desiredState: string) => ({id, name: id, desiredState, state: desiredState}) as unknown as TaskSummary;
		expect(pick(tasksKind, [task('t1', 'running'), task('t2', 'shutdown')], 'desired-state=shutdown', t => t.id)).toEqual(['t2']);
		const node = (hostname: string, role: 'manager' | 'worker', availability: 'active' | 'drain', labels: Record<string, string> = {}) => ({id: hostname, hostname, role, availability, status: 'ready', labels}) as unknown as NodeSummary;
		const nodes = [node('n1', 'manager', 'active', {zone: 'a'}), node('n2', 'worker', 'drain'), node('n3', 'worker', 'active', {zone: 'b'})];
		expect(pick(nodesKind, nodes, 'role=worker', n => n.hostname)).toEqual(['n2', 'n3']);
		expect(pick(nodesKind, nodes, 'role=worker availability=active', n => n.hostname)).toEqual(['n3']);
		expect(pick(nodesKind, nodes, 'label=zone', n => n.hostname)).toEqual(['n1', 'n3']);
		expect(why(nodesKind, 'role=boss')).toBe('role=boss: role is one of manager, worker');
	});
});
