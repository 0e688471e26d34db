import {describe, it, expect} from 'vitest';
import {parseReference, MAX_NAME_LENGTH} from '../../source/format/reference.js';

function reason(input: string): string {
	const r = parseReference(input);
	if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(r)}`);
	return r.reason;
}

describe('parseReference: valid references', () => {
	it('defaults the tag to latest', () => {
		expect(parseReference('myapp')).toEqual({ok: true, repo: 'myapp', tag: 'latest'});
	});

	it('splits repository and tag', () => {
		expect(parseReference('myapp:1.0')).toEqual({ok: true, repo: 'myapp', tag: '1.0'});
		expect(parseReference('team/app:v2')).toEqual({ok: true, repo: 'team/app', tag: 'v2'});
	});

	it('recognises a registry with a port', () => {
		expect(parseReference('localhost:5000/team/app:v1.2-rc_3')).toEqual({
			ok: true,
			repo: 'localhost:5000/team/app',
			tag: 'v1.2-rc_3',
			registry: 'localhost:5000',
		});
		expect(parseReference('localhost:5000/app')).toEqual({ok: true, repo: 'localhost:5000/app', tag: 'latest', registry: 'localhost:5000'});
	});

	it('recognises registries by a dot, a colon, or localhost', () => {
		expect(parseReference('registry.example.com/a/b')).toEqual({ok: true, repo: 'registry.example.com/a/b', tag: 'latest', registry: 'registry.example.com'});
		expect(parseReference('127.0.0.1:5000/x:y')).toEqual({ok: true, repo: '127.0.0.1:5000/x', tag: 'y', registry: '127.0.0.1:5000'});
		expect(parseReference('localhost/app')).toEqual({ok: true, repo: 'localhost/app', tag: 'latest', registry: 'localhost'});
		expect(parseReference('Registry.Example.COM/app').ok).toBe(true); // hosts may be uppercase
		// This engine (20.10) refuses IPv6 registry addresses, so berth does too.
		expect(reason('[::1]:5000/app:dev')).toMatch(/IPv6 registry address/);
	});

	it('does not treat a plain first component as a registry', () => {
		expect(parseReference('team/app')).toEqual({ok: true, repo: 'team/app', tag: 'latest'});
	});

	it('accepts all separator forms in path components', () => {
		for (const name of ['a__b', 'a--b', 'a-b', 'a.b', 'a_b', 'a---b', 'a.b_c__d-e', 'x1/y2/z3', '0', 'a/b/c/d/e']) {
			expect(parseReference(name), name).toEqual({ok: true, repo: name, tag: 'latest'});
		}
	});

	it('accepts tags with uppercase, dots, dashes, underscores', () => {
		expect(parseReference('app:V1.0-RC_1')).toMatchObject({ok: true, tag: 'V1.0-RC_1'});
		expect(parseReference('app:_x')).toMatchObject({ok: true, tag: '_x'});
		expect(parseReference(`app:${'t'.repeat(128)}`)).toMatchObject({ok: true});
	});

	it('reads "host:port" alone as a name and tag, as docker does', () => {
		expect(parseReference('localhost:5000')).toEqual({ok: true, repo: 'localhost', tag: '5000'});
	});

	it('ignores surrounding whitespace', () => {
		expect(parseReference('  myapp:1.0 \n')).toEqual({ok: true, repo: 'myapp', tag: '1.0'});
	});

	it('accepts a name whose normalised form is exactly 255 characters', () => {
		// The engine counts "docker.io/library/" in front of a one-part name without a registry.
		const name = 'a'.repeat(MAX_NAME_LENGTH - 'docker.io/library/'.length);
		expect(parseReference(name)).toMatchObject({ok: true, repo: name});
		const withRegistry = `registry.example.com/${'a'.repeat(MAX_NAME_LENGTH - 21)}`;
		expect(parseReference(withRegistry)).toMatchObject({ok: true, repo: withRegistry});
	});
});

describe('parseReference: refusals', () => {
	it('refuses empty input', () => {
		expect(reason('')).toBe('enter a repository, e.g. myapp:1.0');
		expect(reason('   ')).toBe('enter a repository, e.g. myapp:1.0');
	});

	it('refuses uppercase repositories', () => {
		expect(reason('MyApp')).toBe('repository names must be lowercase');
		expect(reason('myApp:1.0')).toBe('repository names must be lowercase');
		expect(reason('Team/app')).toBe('repository names must be lowercase');
		expect(reason('localhost:5000/Team/app')).toBe('repository names must be lowercase');
	});

	it('refuses spaces', () => {
		expect(reason('my app')).toMatch(/spaces/);
		expect(reason('my\tapp')).toMatch(/spaces/);
		expect(reason('app: 1.0')).toMatch(/spaces/);
	});

	it('refuses ":" alone, a leading ":" and a trailing ":"', () => {
		expect(reason(':')).toMatch(/repository name before/);
		expect(reason(':tag')).toMatch(/repository name before/);
		expect(reason('myapp:')).toMatch(/tag after/);
	});

	it('refuses names over 255 characters', () => {
		expect(reason('a'.repeat(MAX_NAME_LENGTH + 1))).toMatch(/too long: the engine counts it as docker\.io\/library\//);
		expect(reason('a'.repeat(MAX_NAME_LENGTH - 17))).toMatch(/too long/);
		expect(reason(`registry.example.com/${'a/'.repeat(120)}b`)).toMatch(/longer than 255/);
	});

	it('refuses invalid registry ports', () => {
		expect(reason('localhost:0/app')).toMatch(/port must be a number from 1 to 65535/);
		expect(reason('localhost:65536/app')).toMatch(/port/);
		expect(reason('localhost:99999999/app')).toMatch(/port/);
		expect(reason('localhost:abc/app')).toMatch(/port/);
		expect(reason('localhost:/app')).toMatch(/port/);
		expect(parseReference('localhost:65535/app').ok).toBe(true);
		expect(parseReference('localhost:1/app').ok).toBe(true);
	});

	it('refuses invalid registry hosts', () => {
		expect(reason('-bad.example.com/app')).toMatch(/registry host/);
		expect(reason('a..b.com/app')).toMatch(/registry host/);
		expect(reason(':5000/app')).toMatch(/registry host is missing/);
		expect(reason('[::1/app')).toMatch(/registry address/);
	});

	it('refuses digests', () => {
		const r = reason('myapp@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
		expect(r).toBe("a digest can't be used as a commit target; use a tag");
		expect(reason('myapp:1.0@sha256:abc')).toMatch(/digest/);
	});

	it('refuses long or invalid tags', () => {
		expect(reason(`app:${'t'.repeat(129)}`)).toMatch(/longer than 128/);
		expect(reason('app:-x')).toMatch(/must not start with/);
		expect(reason('app:.x')).toMatch(/must not start with/);
		expect(reason('app:a!b')).toMatch(/letters, digits/);
		expect(reason('app:a+b')).toMatch(/letters, digits/);
	});

	it('refuses separators at the start or end of a component', () => {
		for (const name of ['-app', 'app-', '_app', 'app_', '.app', 'app.', 'team/-app', 'team/app.:1']) {
			expect(reason(name), name).toMatch(/start and end with a letter or digit/);
		}
	});

	it('refuses separators the grammar does not allow', () => {
		for (const name of ['a..b', 'a___b', 'a._b', 'a.-b', 'a-.b', 'a_-b']) {
			expect(reason(name), name).toMatch(/can't separate/);
		}
	});

	it('refuses empty path components', () => {
		expect(reason('a//b')).toMatch(/empty part/);
		expect(reason('/app')).toMatch(/empty part/);
		expect(reason('app/')).toMatch(/empty part/);
		expect(reason('localhost:5000/')).toMatch(/empty part/);
	});

	it('refuses other characters and stray colons', () => {
		expect(reason('app$')).toMatch(/"\$" is not allowed/);
		expect(reason('a:b:c')).toMatch(/":" may only/);
	});

	it('never echoes control characters in a reason', () => {
		const r = reason('bad\x1b]52;c;eA==\x07.com:1/app\x1b');
		expect(r).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
	});

	it('is fast on inputs that make the grammar regex backtrack', () => {
		const evil = 'a'.repeat(5000) + '!';
		const t0 = performance.now();
		expect(parseReference(evil).ok).toBe(false);
		expect(parseReference('a'.repeat(40) + '!').ok).toBe(false);
		expect(performance.now() - t0).toBeLessThan(200);
	});
});
