import {describe, expect, it} from 'vitest';
import {qualify, unqualify} from '../../source/engine/hosts/multi-ids.js';

describe('qualified ids across hosts', () => {
	const hosts = ['prod', 'prod@eu', 'staging'];

	it('splits <id>@<host> for known hosts only, the longest host that fits', () => {
		expect(unqualify(qualify('abc123', 'prod'), hosts)).toEqual({id: 'abc123', host: 'prod'});
		expect(unqualify(qualify('abc123', 'prod@eu'), hosts)).toEqual({id: 'abc123', host: 'prod@eu'});
		expect(unqualify('abc123@nowhere', hosts)).toEqual({id: 'abc123@nowhere'});
		expect(unqualify('abc123', hosts)).toEqual({id: 'abc123'});
	});

	it('keeps image references with digests intact', () => {
		const ref = 'registry.example/app@sha256:0123abcd';
		expect(unqualify(ref, hosts)).toEqual({id: ref});
		expect(unqualify(qualify(ref, 'staging'), hosts)).toEqual({id: ref, host: 'staging'});
		expect(unqualify('@prod', hosts)).toEqual({id: '@prod'});
	});
});
