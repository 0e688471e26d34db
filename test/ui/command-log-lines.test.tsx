/**
 * What the command log shows for each action: the docker CLI line of what berth did, as the
 * user did it (the names, the force, the typed references), from the actions themselves — not
 * from a description of the command. Driven by keys on the in-memory engine, then read in `:`.
 */
import {afterEach, expect, it} from 'vitest';
import {FakeEngine, fakeContainer, fakeImage} from '../support/fake-engine.js';
import {ENTER} from '../support/keys.js';
import {renderApp, type RenderedApp} from '../support/render-app.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const CTRL_U = '\u0015';

/** The log's command lines, oldest first, without their marks and times. */
function loggedLines(frame: string): string[] {
	return frame
		.split('\n')
		.filter(l => /^ [✓✗…] \d\d:\d\d:\d\d {2}/.test(l))
		.map(l => l.replace(/^ [✓✗…] \d\d:\d\d:\d\d {2}/, '').trim());
}

/** The state column of a container's row. */
const rowOf = (frame: string, name: string) => frame.split('\n').find(l => l.includes(` ${name} `)) ?? '';

it('each action is logged with the docker line it is equivalent to', async () => {
	const image = fakeImage({repoTags: ['shop/api:1.4']});
	const engine = new FakeEngine({
		containers: [
			fakeContainer({name: 'a1', state: 'exited', status: 'Exited (0) 1 minute ago', imageId: image.id, image: 'shop/api:1.4'}),
			fakeContainer({name: 'web 2', state: 'running', imageId: image.id, image: 'shop/api:1.4'}),
		],
		images: [image],
	});
	app = await renderApp(engine, {rows: 60});
	await app.waitFor('a1');
	// a1 (stopped) is second: running first. On "web 2": stop, start, restart, pause, unpause, kill.
	const after = async (keys: string, said: string, state: string) => {
		await app!.press(keys);
		await app!.waitFor(f => f.includes(said) && rowOf(f, 'web 2').includes(state));
	};
	await after('s', 'Stopped web 2', 'exited');
	await after('u', 'Started web 2', 'running');
	await after('r', 'Restarted web 2', 'running');
	await after('p', 'Paused web 2', 'paused');
	await after('p', 'Unpaused web 2', 'running');
	await after('Ky', 'Killed web 2', 'exited');
	// Rename it, then remove it (stopped now: one confirm).
	await app.press('N');
	await app.waitFor('Rename web 2 to');
	await app.press(`${CTRL_U}web-3${ENTER}`);
	await app.waitFor(f => f.includes('Renamed web 2 to web-3') && rowOf(f, 'web-3') !== '');
	await app.press('dy');
	await app.waitFor(f => !rowOf(f, 'web-3') && !f.includes('Remove container'));
	// The image: tag it, then untag the new tag.
	await app.press('2t');
	await app.waitFor('Tag shop/api:1.4 as');
	await app.press(`${CTRL_U}mine/app:v2${ENTER}`);
	await app.waitFor(f => f.includes('Tagged shop/api:1.4 as mine/app:v2') && /^mine\/app:v2 /m.test(f));
	// The new tag is the selected row: d names it.
	await app.press('d');
	await app.waitFor('Remove image mine/app:v2');
	await app.press('y');
	await app.waitFor(f => f.includes('mine/app:v2') && /Untagged|Removed/.test(f));
	await app.press(':');
	const frame = await app.waitFor('Command log —');
	expect(loggedLines(frame)).toEqual([
		"docker stop 'web 2'",
		"docker start 'web 2'",
		"docker restart 'web 2'",
		"docker pause 'web 2'",
		"docker unpause 'web 2'",
		"docker kill 'web 2'",
		"docker rename 'web 2' web-3",
		'docker rm web-3',
		'docker tag shop/api:1.4 mine/app:v2',
		'docker rmi mine/app:v2',
	]);
});
