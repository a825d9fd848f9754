import { DateTime } from 'luxon';

import { fromLocal, toLocal, zoneFor } from '../../lib/time/zone';

const local = (iso: string) => Date.parse(`${iso}Z`);

describe("luxon's own handling of missing and repeated local times", () => {
	it('moves a spring-forward gap time forward (what we want)', () => {
		expect(DateTime.fromObject({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, { zone: 'Europe/Warsaw' }).toISO()).toBe(
			'2027-03-28T03:30:00.000+02:00',
		);
	});

	it('takes the second occurrence of a repeated time in fromObject, hence our own fromLocal', () => {
		expect(DateTime.fromObject({ year: 2027, month: 10, day: 31, hour: 2, minute: 30 }, { zone: 'Europe/Warsaw' }).toISO()).toBe(
			'2027-10-31T02:30:00.000+01:00',
		);
	});
});

describe('fromLocal', () => {
	const warsaw = zoneFor('Europe/Warsaw', 'zone');
	const newYork = zoneFor('America/New_York', 'zone');

	it('resolves ordinary times exactly', () => {
		expect(fromLocal(warsaw, local('2027-04-13T08:00:00'))).toEqual({ ms: Date.parse('2027-04-13T06:00:00Z'), kind: 'exact' });
	});

	it('moves gap times forward by the gap', () => {
		expect(fromLocal(warsaw, local('2027-03-28T02:30:00'))).toEqual({ ms: Date.parse('2027-03-28T01:30:00Z'), kind: 'gap' });
		expect(fromLocal(newYork, local('2027-03-14T02:00:00'))).toEqual({ ms: Date.parse('2027-03-14T07:00:00Z'), kind: 'gap' });
	});

	it('takes the first occurrence of repeated times', () => {
		expect(fromLocal(warsaw, local('2027-10-31T02:00:00'))).toEqual({ ms: Date.parse('2027-10-31T00:00:00Z'), kind: 'ambiguous' });
		expect(fromLocal(newYork, local('2027-11-07T01:59:00'))).toEqual({ ms: Date.parse('2027-11-07T05:59:00Z'), kind: 'ambiguous' });
	});

	it('treats the instants right after a transition as exact', () => {
		expect(fromLocal(warsaw, local('2027-03-28T03:00:00'))).toEqual({ ms: Date.parse('2027-03-28T01:00:00Z'), kind: 'exact' });
		expect(fromLocal(warsaw, local('2027-10-31T03:00:00'))).toEqual({ ms: Date.parse('2027-10-31T02:00:00Z'), kind: 'exact' });
	});

	it('round-trips with toLocal for every quarter hour of the DST days', () => {
		for (const day of ['2027-03-28', '2027-10-31']) {
			for (let minutes = 0; minutes < 1440; minutes += 15) {
				const wall = local(`${day}T00:00:00`) + minutes * 60_000;
				const { ms, kind } = fromLocal(warsaw, wall);
				if (kind !== 'gap') expect(toLocal(warsaw, ms)).toBe(wall);
				else expect(toLocal(warsaw, ms)).toBe(wall + 3_600_000);
			}
		}
	});

	it('caches offsets without changing them (compared with luxon over two years, minute by minute around transitions)', () => {
		const mismatches: string[] = [];
		const check = (name: string, ts: number) => {
			const expected = DateTime.fromMillis(ts, { zone: name }).offset;
			if (zoneFor(name, 'zone').offset(ts) !== expected) mismatches.push(`${name} ${new Date(ts).toISOString()}`);
			return expected;
		};
		const step = 7_200_000;
		for (const name of ['Europe/Warsaw', 'America/New_York', 'Asia/Jerusalem', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
			let previous = check(name, Date.parse('2026-01-01T00:00:00Z'));
			for (let ts = Date.parse('2026-01-01T00:00:00Z') + step; ts < Date.parse('2028-01-01T00:00:00Z'); ts += step) {
				const offset = check(name, ts);
				if (offset !== previous) for (let t = ts - step; t < ts; t += 60_000) check(name, t);
				previous = offset;
			}
		}
		expect(mismatches).toEqual([]);
	});
});
