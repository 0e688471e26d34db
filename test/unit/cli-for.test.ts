/** The docker CLI line of each action, quoted for a shell, and the create body berth sends for the run form. */
import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {toCreateBody, resolveEnv} from '../../source/engine/containers/create-body.js';
import {systemPruneTargets} from '../../source/format/prune-choices.js';
import type {RunContainerOptions} from '../../source/engine/types.js';
import {cliFor, shellQuote} from '../../source/format/cli-for.js';

const full: RunContainerOptions = {
	name: 'web',
	cmd: ['sh', '-c', 'echo "hi $NAME"; sleep 1'],
	entrypoint: ['/bin/tini', '--'],
	ports: [{containerPort: 80, protocol: 'tcp', hostPort: 8080}, {containerPort: 53, protocol: 'udp', hostPort: 5353, hostIp: '127.0.0.1'}, {containerPort: 9000, protocol: 'tcp'}],
	env: ['A=1', 'HOME', 'SPACED=a b'],
	binds: ['/srv/data:/data:ro', 'cache:/cache', '/anon'],
	workingDir: '/app',
	user: '1000:1000',
	restart: {name: 'on-failure', maximumRetryCount: 3},
	autoRemove: true,
	labels: {team: 'blue'},
};

/** What a POSIX shell makes of a line: the words it passes to the program. */
function shellWords(line: string): string[] {
	return execFileSync('bash', ['-c', `printf '%s\\0' ${line.replace(/^DOCKER_BUILDKIT=0 /, '')}`], {encoding: 'utf8'}).split('\0').slice(0, -1);
}

describe('shellQuote', () => {
	it('leaves plain words alone and quotes the rest so a shell reads them back exactly', () => {
		expect(shellQuote('busybox:latest')).toBe('busybox:latest');
		expect(shellQuote('a=b')).toBe('a=b');
		expect(shellQuote('')).toBe("''");
		const hostile = ["it's", 'a b', '$(rm -rf /)', '`x`', '*', 'semi;colon', 'new\nline', 'tab\tand\u001b[31mescape', 'back\\slash\'quote'];
		for (const word of hostile) expect(shellWords(shellQuote(word))).toEqual([word]);
		// POSIX sh has no way to write a newline but as it is, inside single quotes; other controls are never raw.
		expect(shellQuote('new\nline')).toBe("'new\nline'");
		expect(shellQuote('\u001b[2J')).toBe(`"$(printf '\\033')"'[2J'`);
	});
});

describe('cliFor', () => {
	it('run: every field as the flag docker run takes, the entrypoint\'s rest before the command', () => {
		const line = cliFor.run('nginx:1.25', full);
		expect(line).toBe("docker run -d --name web -p 8080:80 -p 127.0.0.1:5353:53/udp -p 9000 -e A=1 -e HOME -e 'SPACED=a b' -v /srv/data:/data:ro -v cache:/cache -v /anon -w /app -u 1000:1000 --restart on-failure:3 --rm --label team=blue --entrypoint /bin/tini nginx:1.25 -- sh -c 'echo \"hi $NAME\"; sleep 1'");
		expect(shellWords(line).slice(-5)).toEqual(['nginx:1.25', '--', 'sh', '-c', 'echo "hi $NAME"; sleep 1']);
		expect(cliFor.run('busybox', {cmd: [], ports: [], env: [], binds: []}, 'attached')).toBe('docker run busybox');
		expect(cliFor.run('busybox', {cmd: ['sh'], ports: [], env: [], binds: []}, 'interactive')).toBe('docker run -it busybox sh');
		expect(cliFor.run('busybox', {cmd: [], ports: [], env: [], binds: [], entrypoint: []})).toBe("docker run -d --entrypoint '' busybox");
		expect(cliFor.create('busybox', {cmd: ['sh'], ports: [], env: [], binds: [], tty: true, openStdin: true})).toBe('docker create -it busybox sh');
	});

	it('registry, image and container actions', () => {
		expect(cliFor.pull('127.0.0.1:5000/app:1')).toBe('docker pull 127.0.0.1:5000/app:1');
		expect(cliFor.pull('busybox', {platform: 'linux/arm64'})).toBe('docker pull --platform linux/arm64 busybox');
		expect(cliFor.push('127.0.0.1:5000/app:1')).toBe('docker push 127.0.0.1:5000/app:1');
		expect(cliFor.login('127.0.0.1:5000', 'alice')).toBe('docker login -u alice 127.0.0.1:5000');
		expect(cliFor.login('docker.io')).toBe('docker login');
		expect(cliFor.tag('sha256:abc', 'repo/app', 'v2')).toBe('docker tag sha256:abc repo/app:v2');
		expect(cliFor.diff('web')).toBe('docker diff web');
		expect(cliFor.copyFrom('web', '/etc/my dir', '/tmp/out')).toBe("docker cp 'web:/etc/my dir' /tmp/out");
		expect(cliFor.copyTo('/home/me/file.txt', 'web', '/tmp')).toBe('docker cp /home/me/file.txt web:/tmp');
		expect(cliFor.startAttached('web')).toBe('docker start -a -i web');
		expect(cliFor.stop('web', 3)).toBe('docker stop -t 3 web');
		expect(cliFor.rename('web', 'web2')).toBe('docker rename web web2');
		expect(cliFor.kill('web')).toBe('docker kill web');
		expect(cliFor.kill('web', 'SIGTERM')).toBe('docker kill -s SIGTERM web');
	});

	it('build: the classic builder, as berth uses it', () => {
		expect(cliFor.build({contextDir: '/src/app', dockerfile: 'docker/Dockerfile', tags: ['app:1', 'app:latest'], buildArgs: {V: '1.0', FROM_ENV: undefined}, noCache: true}))
			.toBe('DOCKER_BUILDKIT=0 docker build -f /src/app/docker/Dockerfile -t app:1 -t app:latest --build-arg V=1.0 --build-arg FROM_ENV --no-cache /src/app');
		expect(cliFor.build({contextDir: '.'})).toBe('DOCKER_BUILDKIT=0 docker build .');
	});

	it('prune: docker system prune for its sequence, else one command per target', () => {
		expect(cliFor.prune(systemPruneTargets())).toBe('docker system prune -f');
		expect(cliFor.prune(systemPruneTargets({volumes: true, all: true}))).toBe('docker system prune -f -a --volumes');
		expect(cliFor.prune(['dangling-images'])).toBe('docker image prune -f');
		expect(cliFor.prune(['unused-images'], {labels: ['team=blue']})).toBe('docker image prune -a -f --filter label=team=blue');
		expect(cliFor.prune(['containers', 'volumes'])).toBe('docker container prune -f && docker volume prune -f');
		expect(cliFor.prune(['all-build-cache'])).toBe('docker builder prune -a -f');
	});
});

describe('toCreateBody', () => {
	it('maps every run field as docker run does', () => {
		const body = toCreateBody('nginx:1.25', full, 'detached', {HOME: '/root'});
		expect(body).toEqual({
			Image: 'nginx:1.25',
			Cmd: ['sh', '-c', 'echo "hi $NAME"; sleep 1'],
			Entrypoint: ['/bin/tini', '--'],
			Env: ['A=1', 'HOME=/root', 'SPACED=a b'],
			ExposedPorts: {'80/tcp': {}, '53/udp': {}, '9000/tcp': {}},
			Volumes: {'/anon': {}},
			WorkingDir: '/app',
			User: '1000:1000',
			Labels: {team: 'blue'},
			Tty: false,
			OpenStdin: false,
			StdinOnce: false,
			AttachStdin: false,
			AttachStdout: false,
			AttachStderr: false,
			HostConfig: {
				PortBindings: {'80/tcp': [{HostIp: '', HostPort: '8080'}], '53/udp': [{HostIp: '127.0.0.1', HostPort: '5353'}], '9000/tcp': [{HostIp: '', HostPort: ''}]},
				Binds: ['/srv/data:/data:ro', 'cache:/cache'],
				RestartPolicy: {Name: 'on-failure', MaximumRetryCount: 3},
				AutoRemove: true,
			},
		});
	});

	it('attaches for attached and interactive runs; -it means a TTY and stdin', () => {
		const plain = {cmd: [], ports: [], env: [], binds: []};
		expect(toCreateBody('x', plain, 'attached')).toMatchObject({AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false});
		expect(toCreateBody('x', plain, 'interactive')).toMatchObject({AttachStdin: true, OpenStdin: true, StdinOnce: true, Tty: true});
		expect(toCreateBody('x', {...plain, entrypoint: []}, 'detached')).toMatchObject({Entrypoint: ['']});
	});

	it('a bare -e NAME takes berth\'s environment, and stays bare (unset) when berth has none', () => {
		expect(resolveEnv(['A=1', 'PRESENT', 'ABSENT'], {PRESENT: 'yes'})).toEqual(['A=1', 'PRESENT=yes', 'ABSENT']);
	});
});
