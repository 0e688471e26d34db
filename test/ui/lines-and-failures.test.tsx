/**
 * What berth shows and writes says only what is true (issue 18): a bare NAME in the run form's
 * env (the host's variable passed through) is `-e NAME` in every line, the host's value in none;
 * a failure on the status line gives its reason first, ids at 12 characters, while the command
 * log keeps the engine's whole message.
 */
import {mkdtempSync, readFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it, onTestFinished} from 'vitest';
import {EngineError} from '../../source/engine/types.js';
import type {Store} from '../../source/state/store.js';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER, TAB} from '../support/keys.js';
import {renderApp} from '../support/render-app.js';

describe('a bare NAME in the run form\'s env (the host\'s variable passed through)', () => {
	it('is -e NAME in the CLI line, the log, the clipboard\'s text and the script; the host\'s value is in none of them', async () => {
		const secret = 'hunter2-host-secret';
		process.env['BERTH_TEST_SECRET'] = secret;
		onTestFinished(() => {
			delete process.env['BERTH_TEST_SECRET'];
		});
		const image = fakeImage({repoTags: ['shop/api:1.4']});
		const engine = new FakeEngine({containers: [fakeContainer({name: 'a1', imageId: image.id, image: 'shop/api:1.4'})], images: [image]});
		const cwd = mkdtempSync(path.join(tmpdir(), 'berth-env-'));
		let store: Store | undefined;
		const ui = await renderApp(engine, {cwd, onStore: s => (store = s)});
		onTestFinished(() => ui.unmount());
		await ui.waitFor('a1');
		await ui.press('2R');
		await ui.waitFor('Run a container (docker run)');
		// Image, name, command, ports, env.
		await ui.press(`${TAB}web9${TAB}${TAB}${TAB}BERTH_TEST_SECRET A=1${ENTER}`);
		await ui.waitFor('Started web9 from shop/api:1.4');
		// The engine is given the name bare: it takes the value from berth's environment as it sends the request.
		expect(engine.callsTo('runContainer')[0]![2]).toMatchObject({env: ['BERTH_TEST_SECRET', 'A=1']});
		const cli = store!.getState().commandLog.at(-1)!.cli;
		expect(cli).toBe('docker run -d --name web9 -e BERTH_TEST_SECRET -e A=1 shop/api:1.4');
		await ui.press(':');
		await ui.waitFor('docker run -d --name web9 -e BERTH_TEST_SECRET -e A=1 shop/api:1.4');
		await ui.press('w');
		await ui.waitFor('Wrote the command log to');
		const text = readFileSync(path.join(cwd, readdirSync(cwd)[0]!), 'utf8');
		expect(text).toContain('\ndocker run -d --name web9 -e BERTH_TEST_SECRET -e A=1 shop/api:1.4\n');
		expect(text).not.toContain(secret);
		expect(ui.frames.some(frame => frame.includes(secret))).toBe(false);
		expect(JSON.stringify(store!.getState())).not.toContain(secret);
	});
});

describe('a failure on the status line', () => {
	it('says the reason first, with ids at 12 characters; the command log keeps the whole text', async () => {
		const image = fakeImage({repoTags: ['shop/api:1.4']});
		const api = fakeContainer({name: 'shop-api-1', imageId: image.id, image: 'shop/api:1.4'});
		const engine = new FakeEngine({containers: [api], images: [image]});
		const id = '778b3815755e3ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';
		const reason = `Cannot kill container: shop-api-1: Container ${id} is not running`;
		engine.fail('killContainer', new EngineError('conflict', reason));
		let store: Store | undefined;
		const ui = await renderApp(engine, {columns: 120, onStore: s => (store = s)});
		onTestFinished(() => ui.unmount());
		await ui.waitFor('shop-api-1');
		await ui.press('Ky');
		const frame = await ui.waitFor('is not running');
		const status = frame.split('\n').at(-2)!;
		expect(status).toContain('│ Cannot kill container: shop-api-1: Container 778b3815755e is not running');
		expect(status).not.toContain('778b3815755e3');
		expect(store!.getState().commandLog).toMatchObject([{cli: 'docker kill shop-api-1', result: 'error', message: reason}]);
	});
});
