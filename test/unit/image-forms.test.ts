import {describe, expect, it} from 'vitest';
import {checkBuildFields, parseBuildArgs} from '../../source/format/build-form.js';
import {cliFor} from '../../source/format/cli-for.js';
import {parsePullReference} from '../../source/format/pull-reference.js';

const digest = `sha256:${'ab'.repeat(32)}`;

describe('parsePullReference', () => {
	it('adds latest, keeps registries and ports, and takes digests', () => {
		expect(parsePullReference('app')).toEqual({ok: true, ref: 'app:latest', repo: 'app', tag: 'latest'});
		expect(parsePullReference(' 127.0.0.1:5000/team/app:v1 ')).toEqual({ok: true, ref: '127.0.0.1:5000/team/app:v1', repo: '127.0.0.1:5000/team/app', tag: 'v1', registry: '127.0.0.1:5000'});
		expect(parsePullReference(`app@${digest}`)).toEqual({ok: true, ref: `app@${digest}`, repo: 'app', digest});
		// A tag beside a digest: the digest decides, as the engine does.
		expect(parsePullReference(`localhost:5000/app:1@${digest}`)).toMatchObject({ok: true, ref: `localhost:5000/app@${digest}`, registry: 'localhost:5000'});
	});

	it('refuses malformed references with a reason', () => {
		for (const [input, reason] of [
			['', 'enter a repository'],
			['App', 'lowercase'],
			['app:', 'enter a tag'],
			['app@sha256:12', 'a digest is sha256:'],
			[`app@md5:${'a'.repeat(64)}`, 'a digest is sha256:'],
			[`@${digest}`, 'before the "@"'],
			['a b', "can't contain spaces"],
			['host:99999/app', 'port'],
		] as const) {
			const result = parsePullReference(input);
			expect(result.ok, input).toBe(false);
			if (!result.ok) expect(result.reason, input).toContain(reason);
		}
	});
});

describe('the build form', () => {
	it('resolves the context, defaults the Dockerfile, checks the tag, and quotes build args like a shell', () => {
		expect(checkBuildFields({context: '', dockerfile: '', tag: '', args: ''}, '/srv/app')).toEqual({ok: true, options: {contextDir: '/srv/app', dockerfile: 'Dockerfile'}});
		const checked = checkBuildFields({context: 'sub', dockerfile: 'docker/Dockerfile.dev', tag: 'me/app', args: "A=1, B='two words' C"}, '/srv/app');
		expect(checked).toEqual({ok: true, options: {contextDir: '/srv/app/sub', dockerfile: 'docker/Dockerfile.dev', tags: ['me/app:latest'], buildArgs: {A: '1', B: 'two words', C: undefined}}});
		expect(cliFor.build((checked as {options: Parameters<typeof cliFor.build>[0]}).options)).toBe(
			"DOCKER_BUILDKIT=0 docker build -f /srv/app/sub/docker/Dockerfile.dev -t me/app:latest --build-arg A=1 --build-arg 'B=two words' --build-arg C /srv/app/sub",
		);
		expect(checkBuildFields({context: '.', dockerfile: '', tag: 'Bad', args: ''}, '/').ok).toBe(false);
		expect(parseBuildArgs('A="unclosed')).toBe('unclosed " quote');
		expect(parseBuildArgs('9A=1')).toMatch(/a build argument is NAME=value/);
	});
});
