import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {contextId, EndpointError, resolveEndpoint} from '../../source/engine/transport/endpoint.js';

let home: string;
let config: string;

/** Writes a context the way `docker context create` lays it out. */
function writeContext(name: string, host: string, options: {skipTlsVerify?: boolean; tls?: boolean} = {}) {
	const id = contextId(name);
	const metaDir = path.join(config, 'contexts', 'meta', id);
	mkdirSync(metaDir, {recursive: true});
	writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify({
		Name: name,
		Metadata: {},
		Endpoints: {docker: {Host: host, SkipTLSVerify: options.skipTlsVerify ?? false}},
	}));
	if (options.tls) {
		const tlsDir = path.join(config, 'contexts', 'tls', id, 'docker');
		mkdirSync(tlsDir, {recursive: true});
		for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(tlsDir, file), 'pem');
	}
}

function setCurrent(name: string) {
	writeFileSync(path.join(config, 'config.json'), JSON.stringify({auths: {}, currentContext: name}));
}

function resolve(options: {host?: string; context?: string; env?: Record<string, string | undefined>} = {}) {
	return resolveEndpoint({host: options.host, context: options.context, env: {DOCKER_CONFIG: config, ...options.env}, homedir: home});
}

beforeEach(() => {
	home = mkdtempSync(path.join(tmpdir(), 'berth-endpoint-'));
	config = path.join(home, 'docker-config');
	mkdirSync(config);
});

afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

describe('resolveEndpoint', () => {
	it('falls back to the default socket', () => {
		expect(resolve()).toEqual({url: 'unix:///var/run/docker.sock', description: 'unix:///var/run/docker.sock', source: 'default'});
	});

	it('uses ~/.docker when DOCKER_CONFIG is not set', () => {
		config = path.join(home, '.docker');
		mkdirSync(config);
		writeContext('prod', 'ssh://deploy@box');
		setCurrent('prod');
		const endpoint = resolveEndpoint({env: {}, homedir: home});
		expect(endpoint.url).toBe('ssh://deploy@box');
		expect(endpoint.source).toBe('context');
	});

	it('prefers --host over DOCKER_HOST and contexts', () => {
		writeContext('prod', 'ssh://deploy@box');
		setCurrent('prod');
		const endpoint = resolve({host: 'unix:///tmp/flag.sock', env: {DOCKER_HOST: 'tcp://10.0.0.1:2375', DOCKER_CONTEXT: 'prod'}});
		expect(endpoint).toMatchObject({url: 'unix:///tmp/flag.sock', source: 'flag'});
	});

	it('uses DOCKER_HOST over DOCKER_CONTEXT and config.json', () => {
		writeContext('prod', 'ssh://deploy@box');
		setCurrent('prod');
		const endpoint = resolve({env: {DOCKER_HOST: 'unix:///tmp/env.sock', DOCKER_CONTEXT: 'prod'}});
		expect(endpoint).toMatchObject({url: 'unix:///tmp/env.sock', description: 'unix:///tmp/env.sock', source: 'env'});
	});

	it('lets --context win over DOCKER_HOST, as the docker CLI does', () => {
		writeContext('prod', 'ssh://deploy@box');
		const endpoint = resolve({context: 'prod', env: {DOCKER_HOST: 'unix:///tmp/env.sock'}});
		expect(endpoint).toMatchObject({url: 'ssh://deploy@box', description: 'ssh://deploy@box (context prod)', source: 'context', context: 'prod'});
	});

	it('rejects --host together with --context', () => {
		writeContext('prod', 'ssh://deploy@box');
		expect(() => resolve({host: 'unix:///a.sock', context: 'prod'})).toThrow(EndpointError);
	});

	it('treats an empty DOCKER_HOST as unset', () => {
		writeContext('prod', 'tcp://build.internal:2375');
		setCurrent('prod');
		expect(resolve({env: {DOCKER_HOST: ''}})).toMatchObject({url: 'tcp://build.internal:2375', source: 'context'});
		expect(resolve({env: {DOCKER_HOST: '', DOCKER_CONTEXT: ''}, host: ''})).toMatchObject({source: 'context'});
	});

	it('uses DOCKER_CONTEXT over currentContext', () => {
		writeContext('a', 'unix:///tmp/a.sock');
		writeContext('b', 'unix:///tmp/b.sock');
		setCurrent('a');
		expect(resolve({env: {DOCKER_CONTEXT: 'b'}}).url).toBe('unix:///tmp/b.sock');
		expect(resolve().url).toBe('unix:///tmp/a.sock');
	});

	it('treats the context "default" as the default socket, or DOCKER_HOST', () => {
		setCurrent('default');
		expect(resolve()).toMatchObject({url: 'unix:///var/run/docker.sock', source: 'default'});
		expect(resolve({context: 'default'})).toMatchObject({url: 'unix:///var/run/docker.sock', source: 'context'});
		expect(resolve({context: 'default', env: {DOCKER_HOST: 'unix:///tmp/env.sock'}})).toMatchObject({url: 'unix:///tmp/env.sock', source: 'env'});
	});

	it('reads TLS files of a tcp context and honours SkipTLSVerify', () => {
		writeContext('secure', 'tcp://docker.example:2376', {tls: true});
		const endpoint = resolve({context: 'secure'});
		const tlsDir = path.join(config, 'contexts', 'tls', contextId('secure'), 'docker');
		expect(endpoint.tls).toEqual({
			ca: path.join(tlsDir, 'ca.pem'),
			cert: path.join(tlsDir, 'cert.pem'),
			key: path.join(tlsDir, 'key.pem'),
			verify: true,
		});

		writeContext('lax', 'tcp://docker.example', {tls: true, skipTlsVerify: true});
		const lax = resolve({context: 'lax'});
		expect(lax.url).toBe('tcp://docker.example:2376');
		expect(lax.tls?.verify).toBe(false);
	});

	it('takes TLS for DOCKER_HOST from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
		const certs = path.join(home, 'certs');
		mkdirSync(certs);
		for (const file of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(path.join(certs, file), 'pem');
		const endpoint = resolve({env: {DOCKER_HOST: 'tcp://10.1.2.3', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs}});
		expect(endpoint.url).toBe('tcp://10.1.2.3:2376');
		expect(endpoint.tls).toEqual({ca: path.join(certs, 'ca.pem'), cert: path.join(certs, 'cert.pem'), key: path.join(certs, 'key.pem'), verify: true});

		const plain = resolve({env: {DOCKER_HOST: 'tcp://10.1.2.3', DOCKER_CERT_PATH: certs}});
		expect(plain.url).toBe('tcp://10.1.2.3:2375');
		expect(plain.tls).toBeUndefined();
	});

	it('normalises addresses', () => {
		expect(resolve({host: 'localhost:2375'}).url).toBe('tcp://localhost:2375');
		expect(resolve({host: 'unix://'}).url).toBe('unix:///var/run/docker.sock');
		expect(resolve({host: 'ssh://deploy@box:2222'}).url).toBe('ssh://deploy@box:2222');
		expect(resolve({host: 'tcp://[::1]:2375'}).url).toBe('tcp://[::1]:2375');
	});

	it('rejects unsupported schemes with a one-line message naming the origin', () => {
		let error: unknown;
		try {
			resolve({host: 'ftp://x'});
		} catch (thrown) {
			error = thrown;
		}

		expect(error).toBeInstanceOf(EndpointError);
		const message = (error as Error).message;
		expect(message).toContain('ftp://x');
		expect(message).toContain('--host');
		expect(message).not.toContain('\n');
		expect(() => resolve({env: {DOCKER_HOST: 'http://x:2375'}})).toThrow(/DOCKER_HOST/);
		expect(() => resolve({host: 'ssh://-oProxyCommand=evil'})).toThrow(EndpointError);
	});

	it('ssh addresses: decoded once, checked after decoding, one EndpointError line for bad encoding (no URIError)', () => {
		const oneLine = (fn: () => unknown) => {
			let error: unknown;
			try {
				fn();
			} catch (thrown) {
				error = thrown;
			}
			expect(error).toBeInstanceOf(EndpointError);
			expect((error as Error).message).not.toContain('\n');
			return (error as Error).message;
		};
		expect(oneLine(() => resolve({host: 'ssh://%E0%A4%A@host'}))).toBe('Invalid Docker endpoint "ssh://%E0%A4%A@host" (from --host): the user or host name is not valid percent-encoding');
		expect(oneLine(() => resolve({env: {DOCKER_HOST: 'ssh://%E0%A4%A@host'}}))).toContain('(from DOCKER_HOST): the user or host name is not valid percent-encoding');
		expect(oneLine(() => resolve({host: 'ssh://user@h%E0%A4%A'}))).toContain('not valid percent-encoding');
		writeContext('bad', 'ssh://%E0%A4%A@host');
		expect(oneLine(() => resolve({context: 'bad'}))).toContain('(from context "bad"): the user or host name is not valid percent-encoding');
		// The leading-dash check sees the decoded names.
		expect(oneLine(() => resolve({host: 'ssh://%2DoProxyCommand=evil@host'}))).toContain('cannot start with "-"');
		expect(oneLine(() => resolve({host: 'ssh://%2DoProxyCommand=evil'}))).toContain('cannot start with "-"');
		expect(oneLine(() => resolve({host: 'ssh://us%20er@host'}))).toContain('spaces, control characters');
		expect(oneLine(() => resolve({host: 'ssh://user@ho%0Ast'}))).toContain('spaces, control characters');
		// Control characters the user typed are shown escaped.
		expect(oneLine(() => resolve({host: 'ssh://a\u001b[2J@'}))).not.toContain('\u001b');

		const odd = resolve({host: 'ssh://de%40ploy@box:2222'});
		expect(odd.ssh).toEqual({user: 'de@ploy', host: 'box', port: '2222'});
		expect(odd.url).toBe('ssh://de%40ploy@box:2222');
		expect(resolve({host: 'ssh://deploy@box'}).ssh).toEqual({user: 'deploy', host: 'box', port: ''});
		expect(resolve({host: 'ssh://box'}).ssh).toEqual({user: '', host: 'box', port: ''});
		// A user that itself looks percent-encoded is not decoded a second time.
		expect(resolve({host: 'ssh://%25E0@box'}).ssh).toEqual({user: '%E0', host: 'box', port: ''});
	});

	it('says a missing context does not exist', () => {
		expect(() => resolve({context: 'nope'})).toThrow(/context "nope".*does not exist/);
		setCurrent('gone');
		expect(() => resolve()).toThrow(/context "gone".*does not exist/);
	});

	it('names a malformed config.json and says it is not valid JSON', () => {
		const file = path.join(config, 'config.json');
		writeFileSync(file, '{"currentContext": ');
		expect(() => resolve()).toThrow(EndpointError);
		expect(() => resolve()).toThrow(`${file} is not valid JSON`);
	});

	it('does not read config.json when DOCKER_HOST decides', () => {
		writeFileSync(path.join(config, 'config.json'), 'not json');
		expect(resolve({env: {DOCKER_HOST: 'unix:///tmp/env.sock'}}).url).toBe('unix:///tmp/env.sock');
	});

	it('names a malformed meta.json', () => {
		writeContext('broken', 'unix:///tmp/x.sock');
		const file = path.join(config, 'contexts', 'meta', contextId('broken'), 'meta.json');
		writeFileSync(file, '{oops');
		expect(() => resolve({context: 'broken'})).toThrow(`${file} is not valid JSON`);

		writeFileSync(file, JSON.stringify({Name: 'broken', Endpoints: {}}));
		expect(() => resolve({context: 'broken'})).toThrow(/malformed/);
	});
});
