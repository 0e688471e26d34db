import {describe, it, expect} from 'vitest';
import {
	shortId,
	formatBytes,
	formatAge,
	formatAgeShort,
	formatPorts,
	stateGlyph,
	stateLabel,
} from '../../source/format/format.js';
import {INVALID_TIMESTAMP, formatTimestampLocal, parseTimestamp} from '../../source/format/local-time.js';
import {defaultSnapshotTag, toRepositoryComponent} from '../../source/format/snapshot-tag.js';
import {parseReference} from '../../source/format/reference.js';
import {stringWidth} from '../../source/text/width.js';
import type {PortMapping} from '../../source/engine/types.js';

const ID = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f';

describe('shortId', () => {
	it('takes the first 12 characters', () => {
		expect(shortId(ID)).toBe('f0e1d2c3b4a5');
	});

	it('strips sha256:', () => {
		expect(shortId(`sha256:${ID}`)).toBe('f0e1d2c3b4a5');
	});

	it('leaves short ids alone', () => {
		expect(shortId('abc')).toBe('abc');
		expect(shortId('')).toBe('');
	});
});

describe('formatBytes', () => {
	it('formats like the docker CLI (decimal, 3 significant digits)', () => {
		expect(formatBytes(0)).toBe('0B');
		expect(formatBytes(1)).toBe('1B');
		expect(formatBytes(999)).toBe('999B');
		expect(formatBytes(1000)).toBe('1kB');
		expect(formatBytes(1200)).toBe('1.2kB');
		expect(formatBytes(1234)).toBe('1.23kB');
		expect(formatBytes(5_600_000)).toBe('5.6MB');
		expect(formatBytes(123_456_789)).toBe('123MB');
		expect(formatBytes(1_234_567_890)).toBe('1.23GB');
		expect(formatBytes(72_800_000)).toBe('72.8MB');
		expect(formatBytes(2_500_000_000_000)).toBe('2.5TB');
	});

	it('rounds up into the next unit instead of printing 1e+03', () => {
		expect(formatBytes(999_999)).toBe('1MB');
		expect(formatBytes(999_499)).toBe('999kB');
		expect(formatBytes(999_999_999)).toBe('1GB');
	});

	it('shows unknown sizes as "-"', () => {
		expect(formatBytes(-1)).toBe('-');
		expect(formatBytes(NaN)).toBe('-');
		expect(formatBytes(Infinity)).toBe('-');
	});
});

describe('formatAge', () => {
	const now = 1_800_000_000;
	const ago = (seconds: number) => formatAge(now - seconds, now);

	it('matches the docker CLI wording', () => {
		expect(ago(0)).toBe('Less than a second ago');
		expect(ago(0.5)).toBe('Less than a second ago');
		expect(ago(1)).toBe('1 second ago');
		expect(ago(12)).toBe('12 seconds ago');
		expect(ago(59)).toBe('59 seconds ago');
		expect(ago(60)).toBe('About a minute ago');
		expect(ago(119)).toBe('About a minute ago');
		expect(ago(180)).toBe('3 minutes ago');
		expect(ago(59 * 60)).toBe('59 minutes ago');
		expect(ago(3600)).toBe('About an hour ago');
		expect(ago(2 * 3600)).toBe('2 hours ago');
		expect(ago(2.6 * 3600)).toBe('3 hours ago'); // hours round to nearest
		expect(ago(47 * 3600)).toBe('47 hours ago');
		expect(ago(4 * 86400)).toBe('4 days ago');
		expect(ago(13 * 86400)).toBe('13 days ago');
		expect(ago(21 * 86400)).toBe('3 weeks ago');
		expect(ago(62 * 86400)).toBe('2 months ago');
		expect(ago(300 * 86400)).toBe('10 months ago');
		expect(ago(2 * 365 * 86400)).toBe('2 years ago');
		expect(ago(5 * 365 * 86400 + 100)).toBe('5 years ago');
	});

	it('treats the future as just now', () => {
		expect(formatAge(now + 100, now)).toBe('Less than a second ago');
	});
});

describe('formatAgeShort', () => {
	const now = 1_800_000_000;
	const ago = (seconds: number) => formatAgeShort(now - seconds, now);

	it('uses compact units', () => {
		expect(ago(0)).toBe('0s');
		expect(ago(12)).toBe('12s');
		expect(ago(59.9)).toBe('59s');
		expect(ago(60)).toBe('1m');
		expect(ago(3 * 60 + 59)).toBe('3m');
		expect(ago(2 * 3600)).toBe('2h');
		expect(ago(23 * 3600 + 3599)).toBe('23h');
		expect(ago(4 * 86400)).toBe('4d');
		expect(ago(13 * 86400)).toBe('13d');
		expect(ago(21 * 86400)).toBe('3w');
		expect(ago(60 * 86400)).toBe('2mo');
		expect(ago(364 * 86400)).toBe('12mo');
		expect(ago(365 * 86400)).toBe('1y');
		expect(ago(3 * 365 * 86400)).toBe('3y');
	});

	it('gives 0s for the future and nonsense', () => {
		expect(formatAgeShort(now + 5, now)).toBe('0s');
		expect(formatAgeShort(NaN, now)).toBe('0s');
	});
});

describe('formatPorts', () => {
	const p = (privatePort: number, type = 'tcp', publicPort?: number, ip?: string): PortMapping => ({privatePort, type, publicPort, ip});

	it('is empty without ports', () => {
		expect(formatPorts([])).toBe('');
	});

	it('shows exposed and published ports', () => {
		expect(formatPorts([p(443)])).toBe('443/tcp');
		expect(formatPorts([p(80, 'tcp', 8080, '0.0.0.0')])).toBe('8080->80/tcp');
	});

	it('collapses the IPv4 and IPv6 wildcard pair into one entry', () => {
		expect(formatPorts([p(80, 'tcp', 8080, '0.0.0.0'), p(80, 'tcp', 8080, '::')])).toBe('8080->80/tcp');
	});

	it('keeps specific host addresses, bracketing IPv6', () => {
		expect(formatPorts([p(5432, 'tcp', 5432, '127.0.0.1')])).toBe('127.0.0.1:5432->5432/tcp');
		expect(formatPorts([p(80, 'tcp', 8080, '::1')])).toBe('[::1]:8080->80/tcp');
	});

	it('sorts by private port then protocol, whatever the input order', () => {
		const ports = [p(443), p(80, 'udp', 8080, '0.0.0.0'), p(80, 'tcp', 8080, '::'), p(22, 'tcp', 2222, '0.0.0.0'), p(80, 'tcp', 8080, '0.0.0.0')];
		const expected = '2222->22/tcp, 8080->80/tcp, 8080->80/udp, 443/tcp';
		expect(formatPorts(ports)).toBe(expected);
		expect(formatPorts([...ports].reverse())).toBe(expected);
		expect(formatPorts([ports[2], ports[0], ports[4], ports[1], ports[3]])).toBe(expected);
	});

	it('removes duplicates and exposed entries of published ports', () => {
		expect(formatPorts([p(443), p(443), p(443, 'tcp', 8443, '0.0.0.0')])).toBe('8443->443/tcp');
	});

	it('collapses consecutive ports into ranges', () => {
		const ports = [p(8002, 'tcp', 8002, '0.0.0.0'), p(8000, 'tcp', 8000, '0.0.0.0'), p(8001, 'tcp', 8001, '0.0.0.0'), p(8001, 'tcp', 8001, '::')];
		expect(formatPorts(ports)).toBe('8000-8002->8000-8002/tcp');
		expect(formatPorts([p(7000), p(7001), p(7002), p(7004)])).toBe('7000-7002/tcp, 7004/tcp');
		// Not consecutive on the host side: no range.
		expect(formatPorts([p(80, 'tcp', 8080, ''), p(81, 'tcp', 9090, '')])).toBe('8080->80/tcp, 9090->81/tcp');
	});

	it('defaults a missing protocol to tcp', () => {
		expect(formatPorts([p(53, '')])).toBe('53/tcp');
	});
});

describe('stateGlyph', () => {
	it('covers every state with a one-column glyph', () => {
		expect(stateGlyph('running')).toEqual({glyph: '●', label: 'running', tone: 'ok'});
		expect(stateGlyph('paused')).toEqual({glyph: '‖', label: 'paused', tone: 'warn'});
		expect(stateGlyph('restarting')).toEqual({glyph: '↻', label: 'restarting', tone: 'warn'});
		expect(stateGlyph('created')).toEqual({glyph: '○', label: 'created', tone: 'info'});
		expect(stateGlyph('dead')).toEqual({glyph: '✖', label: 'dead', tone: 'bad'});
		expect(stateGlyph('removing')).toEqual({glyph: '✖', label: 'removing', tone: 'muted'});
		for (const state of ['running', 'paused', 'restarting', 'exited', 'created', 'dead', 'removing'] as const) {
			expect(stringWidth(stateGlyph(state).glyph)).toBe(1);
		}
	});

	it('tones exited by exit code', () => {
		expect(stateGlyph('exited', undefined, 0)).toEqual({glyph: '■', label: 'exited (0)', tone: 'muted'});
		expect(stateGlyph('exited', undefined, 137)).toEqual({glyph: '■', label: 'exited (137)', tone: 'bad'});
		expect(stateGlyph('exited')).toEqual({glyph: '■', label: 'exited', tone: 'muted'});
	});

	it('reflects health for running containers', () => {
		expect(stateGlyph('running', 'healthy')).toEqual({glyph: '●', label: 'running (healthy)', tone: 'ok'});
		expect(stateGlyph('running', 'unhealthy')).toEqual({glyph: '●', label: 'running (unhealthy)', tone: 'bad'});
		expect(stateGlyph('running', 'starting')).toEqual({glyph: '●', label: 'running (health: starting)', tone: 'info'});
	});

	it('ignores health for other states', () => {
		expect(stateGlyph('paused', 'unhealthy').label).toBe('paused');
		expect(stateGlyph('exited', 'unhealthy', 1).label).toBe('exited (1)');
	});
});

describe('stateLabel', () => {
	it('labels containers', () => {
		expect(stateLabel({state: 'exited', exitCode: 137})).toBe('exited (137)');
		expect(stateLabel({state: 'running', health: 'healthy'})).toBe('running (healthy)');
		expect(stateLabel({state: 'created'})).toBe('created');
	});
});

describe('parseTimestamp / formatTimestampLocal', () => {
	const local = (ms: number) => {
		const d = new Date(ms);
		const two = (n: number) => String(n).padStart(2, '0');
		return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
	};

	it('parses nanosecond RFC 3339 and truncates to milliseconds', () => {
		const ms = Date.UTC(2026, 10, 23, 10, 33, 19, 236);
		expect(parseTimestamp('2026-11-23T10:33:19.236871895Z')).toBe(ms);
		expect(parseTimestamp('2026-11-23T10:33:19.2369Z')).toBe(ms);
		expect(parseTimestamp('2026-11-23T10:33:19Z')).toBe(Date.UTC(2026, 10, 23, 10, 33, 19));
		expect(parseTimestamp('2026-11-23T10:33:19.5Z')).toBe(Date.UTC(2026, 10, 23, 10, 33, 19, 500));
	});

	it('applies numeric offsets', () => {
		expect(parseTimestamp('2026-11-23T12:33:19.236871895+02:00')).toBe(Date.UTC(2026, 10, 23, 10, 33, 19, 236));
		expect(parseTimestamp('2026-11-23T05:03:19.000-05:30')).toBe(Date.UTC(2026, 10, 23, 10, 33, 19));
	});

	it('handles the engine zero time (year 1)', () => {
		const ms = parseTimestamp('0001-01-01T00:00:00Z')!;
		expect(new Date(ms).getUTCFullYear()).toBe(1);
	});

	it('rejects malformed timestamps', () => {
		for (const bad of ['', 'yesterday', '2026-11-23', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23T10:33:19.1234567890Z', '2026-11-23T10:33:19']) {
			expect(parseTimestamp(bad), bad).toBeUndefined();
		}
	});

	it('formats in local time as YYYY-MM-DD HH:MM:SS.mmm', () => {
		const out = formatTimestampLocal('2026-11-23T10:33:19.236871895Z');
		expect(out).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.236$/);
		expect(out).toBe(local(Date.UTC(2026, 10, 23, 10, 33, 19, 236)));
		expect(formatTimestampLocal('2026-01-02T03:04:05.006Z')).toBe(local(Date.UTC(2026, 0, 2, 3, 4, 5, 6)));
	});

	it('gives a same-width placeholder for bad input', () => {
		expect(formatTimestampLocal('garbage')).toBe(INVALID_TIMESTAMP);
		expect(INVALID_TIMESTAMP.length).toBe(formatTimestampLocal('2026-11-23T10:33:19.236871895Z').length);
	});
});

describe('toRepositoryComponent / defaultSnapshotTag', () => {
	it('lowercases and keeps valid separators', () => {
		expect(toRepositoryComponent('Web_App.1')).toBe('web_app.1');
		expect(toRepositoryComponent('my-db--2')).toBe('my-db--2');
		expect(toRepositoryComponent('a__b')).toBe('a__b');
	});

	it('replaces separators the grammar forbids', () => {
		expect(toRepositoryComponent('a..b')).toBe('a-b');
		expect(toRepositoryComponent('a___b')).toBe('a-b');
		expect(toRepositoryComponent('a._b')).toBe('a-b');
		expect(toRepositoryComponent('a.-b')).toBe('a-b');
		expect(toRepositoryComponent('x y!z')).toBe('x-y-z');
	});

	it('trims separators at the ends and handles empty names', () => {
		expect(toRepositoryComponent('_hidden_')).toBe('hidden');
		expect(toRepositoryComponent('--x..')).toBe('x');
		expect(toRepositoryComponent('___')).toBe('snapshot');
		expect(toRepositoryComponent('')).toBe('snapshot');
		expect(toRepositoryComponent('日本')).toBe('snapshot');
	});

	it('caps the length', () => {
		const long = toRepositoryComponent('a'.repeat(127) + '_' + 'b'.repeat(50));
		expect(long).toBe('a'.repeat(127));
	});

	it('builds <name>:snapshot-YYYYMMDD-HHMM in local time', () => {
		const date = new Date(2026, 10, 23, 10, 33, 59);
		expect(defaultSnapshotTag('Web_App.1', date)).toBe('web_app.1:snapshot-20261123-1033');
		expect(defaultSnapshotTag('db', new Date(2027, 0, 5, 3, 7))).toBe('db:snapshot-20270105-0307');
	});

	it('always produces a reference parseReference accepts', () => {
		const names = ['Web_App.1', 'a..b', '___', 'UPPER', 'x-_-y', 'ok', 'a__b', '9lives', '.hidden', 'tr-', 'a'.repeat(300)];
		for (const name of names) {
			const tag = defaultSnapshotTag(name, new Date(2026, 10, 23, 10, 33));
			const parsed = parseReference(tag);
			expect(parsed.ok, `${name} → ${tag}: ${parsed.ok ? '' : parsed.reason}`).toBe(true);
			if (parsed.ok) expect(parsed.tag).toBe('snapshot-20261123-1033');
		}
	});
});
