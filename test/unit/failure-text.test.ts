/**
 * A failure's text for the status line (issue 18, item 7): the reason first, without the
 * runtime's layers of wrapping, then what failed; ids at 12 characters on the status line; the
 * command log keeps the engine's whole message.
 */
import {describe, expect, it} from 'vitest';
import {failureText} from '../../source/controller/action-runner.js';
import {EngineError} from '../../source/engine/types.js';
import {briefReason} from '../../source/format/engine-reason.js';
import {shortIdsIn} from '../../source/format/format.js';

const id = '778b3815755e3ab1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';

describe('failureText', () => {
	it('puts the reason first, then what failed', () => {
		expect(failureText('shell', 'shop-api-1', new EngineError('conflict', `Container ${id} is not running`))).toBe(`Container ${id} is not running — shell shop-api-1 failed`);
		expect(failureText('stop', 'web', new EngineError('unreachable', 'connect ENOENT /run/docker.sock'))).toBe('The engine is unreachable (connect ENOENT /run/docker.sock) — stop web failed');
		expect(failureText('stop', 'web', new EngineError('interrupted', 'socket hang up'))).toBe('The connection dropped during stop web: the outcome is unknown — check the list');
	});

	it('gives the runtime\'s own reason, not the layers wrapped around it (dockerd 20.10\'s words)', () => {
		const missing = 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/nope": stat /nope: no such file or directory: unknown';
		expect(failureText('start', 'bad', new EngineError('server', missing))).toBe('/nope: stat /nope: no such file or directory — start bad failed');
		const user = 'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to find user ghost: no matching entries in passwd file: unknown';
		expect(briefReason(user)).toBe('unable to find user ghost: no matching entries in passwd file');
		const older = 'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "nosuchcmd": executable file not found in $PATH: unknown';
		expect(briefReason(older)).toBe('nosuchcmd: executable file not found in $PATH');
		expect(briefReason('No such container: web')).toBe('No such container: web');
	});
});

describe('shortIdsIn', () => {
	it('writes every full id at 12 characters, sha256: kept', () => {
		expect(shortIdsIn(`Container ${id} is not running`)).toBe('Container 778b3815755e is not running');
		expect(shortIdsIn(`Pushed app:1 (sha256:${id}); ${id.toUpperCase()}`)).toBe(`Pushed app:1 (sha256:778b3815755e); ${id.toUpperCase()}`);
		expect(shortIdsIn(`x${id}`)).toBe(`x${id}`);
	});
});
