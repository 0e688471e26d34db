import {describe, expect, it} from 'vitest';
import {cliFor} from '../../source/format/cli-for.js';
import {checkRunFields, parseBinds, parseEnv, parsePorts, splitCommand} from '../../source/format/run-form.js';

const empty = {name: '', command: '', ports: '', env: '', binds: ''};

describe('run form', () => {
	it('parses ports and refuses malformed or out-of-range ones', () => {
		expect(parsePorts('8080:80 127.0.0.1:53:53/udp, 443')).toEqual([
			{containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: undefined},
			{containerPort: 53, protocol: 'udp', hostPort: 53, hostIp: '127.0.0.1'},
			{containerPort: 443, protocol: 'tcp', hostPort: undefined, hostIp: undefined},
		]);
		expect(parsePorts('70000:80')).toMatch(/host port/);
		expect(parsePorts('80:0')).toMatch(/container port/);
		expect(parsePorts('abc')).toMatch(/container port/);
		expect(parsePorts('80/icmp')).toMatch(/protocol/);
		expect(parsePorts('1:2:3:4')).toMatch(/\[ip:\]hostPort/);
	});

	it('takes env as docker run -e does: NAME=value (quoted values keep spaces) or NAME alone, passed on from berth', () => {
		expect(parseEnv('A=1 B=two=2')).toEqual(['A=1', 'B=two=2']);
		expect(parseEnv(`GREETING='hello world', X="a b"`)).toEqual(['GREETING=hello world', 'X=a b']);
		// A bare name stays bare: the engine call takes berth's value as it is sent (create-body.ts), so no line holds it.
		expect(parseEnv('HOME TERM NOT_SET_HERE')).toEqual(['HOME', 'TERM', 'NOT_SET_HERE']);
		expect(parseEnv('1X=2')).toMatch(/invalid variable name/);
		expect(parseEnv(`A='open`)).toMatch(/unclosed/);
	});

	it('takes bind mounts with absolute host paths and named volumes', () => {
		expect(parseBinds('/srv:/data:ro')).toEqual(['/srv:/data:ro']);
		expect(parseBinds('data:/data cache:/var/cache:rw')).toEqual(['data:/data', 'cache:/var/cache:rw']);
		expect(parseBinds('./srv:/data')).toMatch(/absolute host path or a volume name/);
		expect(parseBinds('/srv:data')).toMatch(/container path must be absolute/);
		expect(parseBinds('/srv:/data:rx')).toMatch(/ro or rw/);
	});

	it('refuses host addresses that are not IPv4 addresses', () => {
		expect(parsePorts('999.999.999.999:8080:80')).toMatch(/IPv4/);
		expect(parsePorts('127.0.0.1:8080:80')).toEqual([{containerPort: 80, protocol: 'tcp', hostPort: 8080, hostIp: '127.0.0.1'}]);
	});

	it('writes the docker run line the form amounts to', () => {
		expect(cliFor.run('shop/api:1.4', {name: 'api', cmd: ['sh', '-c', 'echo hi'], ports: [{containerPort: 80, protocol: 'tcp', hostPort: 8080}], env: ['GREETING=hello world'], binds: ['data:/data']})).toBe(
			`docker run -d --name api -p 8080:80 -e 'GREETING=hello world' -v data:/data shop/api:1.4 sh -c 'echo hi'`,
		);
	});

	it('splits commands like a shell does for quotes', () => {
		expect(splitCommand(`sh -c 'echo "hi there"' x\\ y`)).toEqual(['sh', '-c', 'echo "hi there"', 'x y']);
		expect(splitCommand('echo "open')).toMatch(/unclosed/);
	});

	it('reports the first bad field', () => {
		expect(checkRunFields({...empty, name: 'bad name'})).toMatchObject({ok: false, field: 'name'});
		expect(checkRunFields({...empty, ports: '99999'})).toMatchObject({ok: false, field: 'ports'});
		expect(checkRunFields({...empty, name: 'web', command: 'sleep 5'})).toEqual({
			ok: true,
			options: {name: 'web', cmd: ['sleep', '5'], ports: [], env: [], binds: []},
		});
	});
});
