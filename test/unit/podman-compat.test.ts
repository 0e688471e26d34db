/** podman's answers read as dockerd's: names, error codes from `cause`, top's columns; dockerd's own answers unchanged. */
import {describe, expect, it} from 'vitest';
import {toEngineError} from '../../source/engine/transport/errors.js';
import {parseEvent} from '../../source/engine/system/event-parser.js';
import {toContainerSummary} from '../../source/engine/containers/mapping.js';
import {toImageSummary} from '../../source/engine/images/mapping.js';
import {codeFromCause, familiarName, imageIdWithAlgorithm, splitTopColumns} from '../../source/engine/transport/podman-compat.js';

function httpError(statusCode: number, json: unknown) {
	return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - x`), {statusCode, json});
}

describe('podman compatibility', () => {
	it('names: the familiar form, as dockerd and the docker CLI show them', () => {
		expect(familiarName('docker.io/library/nginx:1.25')).toBe('nginx:1.25');
		expect(familiarName('docker.io/berth-test/busybox:latest')).toBe('berth-test/busybox:latest');
		expect(familiarName('localhost/mine:1')).toBe('localhost/mine:1');
		expect(familiarName('quay.io/podman/hello')).toBe('quay.io/podman/hello');
		expect(toContainerSummary({Id: 'c', Image: 'docker.io/berth-test/busybox:latest'}).image).toBe('berth-test/busybox:latest');
		expect(toImageSummary({Id: 'i', RepoTags: ['docker.io/berth-test/busybox:latest'], RepoDigests: ['docker.io/berth-test/busybox@sha256:ab']})).toMatchObject({repoTags: ['berth-test/busybox:latest'], repoDigests: ['berth-test/busybox@sha256:ab']});
		const hex = 'e3e16812cb814976a36867af6484aff7e61c9575e2a73e2081b83852c1f9ad38';
		expect(imageIdWithAlgorithm(hex)).toBe(`sha256:${hex}`);
		expect(imageIdWithAlgorithm(`sha256:${hex}`)).toBe(`sha256:${hex}`);
		expect(toImageSummary({Id: hex}).id).toBe(`sha256:${hex}`);
		const tag = parseEvent('{"Type":"image","Action":"tag","Actor":{"ID":"x","Attributes":{"name":"docker.io/library/tagged:t1"}},"timeNano":1}');
		expect(tag?.attributes.name).toBe('tagged:t1');
	});

	it('errors: podman\'s 500 with a cause gets the code dockerd\'s status would give; the message stays verbatim', () => {
		const running = toEngineError(httpError(500, {cause: 'container state improper', message: 'cannot remove container x as it is running - running or paused containers cannot be removed without force: container state improper', response: 500}));
		expect(running).toMatchObject({code: 'conflict', statusCode: 500});
		expect(running.message).toMatch(/^cannot remove container x as it is running/);
		expect(toEngineError(httpError(500, {cause: 'invalid signal: NOTASIGNAL', message: 'invalid signal: NOTASIGNAL', response: 500})).code).toBe('bad-request');
		expect(toEngineError(httpError(500, {cause: 'EOF', message: 'Decode(): EOF', response: 500})).code).toBe('server');
		// dockerd sends no cause: nothing changes.
		expect(toEngineError(httpError(500, {message: 'container state improper'})).code).toBe('server');
		expect(codeFromCause(404, {cause: 'container state improper'})).toBeUndefined();
	});

	it('top: ps lines returned whole are split into columns, the command keeping its spaces; dockerd\'s columns unchanged', () => {
		expect(splitTopColumns({titles: ['PID   USER     COMMAND'], processes: [['1 0        sleep 300'], ['7 0        sh -c echo a b']]})).toEqual({
			titles: ['PID', 'USER', 'COMMAND'],
			processes: [['1', '0', 'sleep 300'], ['7', '0', 'sh -c echo a b']],
		});
		const dockerd = {titles: ['UID', 'PID', 'CMD'], processes: [['root', '1', 'sleep 300']]};
		expect(splitTopColumns(dockerd)).toBe(dockerd);
		expect(splitTopColumns({titles: ['CMD'], processes: [['sleep 300']]})).toEqual({titles: ['CMD'], processes: [['sleep 300']]});
	});
});
