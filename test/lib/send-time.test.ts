import { DateTime } from 'luxon';

import { type SendTimeInput, computeSendTime } from '../../lib/time';

/** "2 days before the visit at 08:00", Warsaw, window 08:00–20:00, computed well in advance. */
const reminder = (overrides: Partial<SendTimeInput> = {}): SendTimeInput => ({
	anchor: '2027-04-15T10:00:00',
	anchorLabel: 'the visit',
	zone: 'Europe/Warsaw',
	offset: { direction: 'before', amount: 2, unit: 'days' },
	localTime: '08:00',
	window: { start: '08:00', end: '20:00' },
	now: '2027-01-01T12:00:00+01:00',
	...overrides,
});

describe('S1: visit Thursday 15 April 2027 10:00 Europe/Warsaw', () => {
	it('sends 2 days before at 08:00 local', () => {
		const result = computeSendTime(reminder());
		expect(result.iso).toBe('2027-04-13T08:00:00+02:00');
		expect(result.zone).toBe('Europe/Warsaw');
		expect(result.skipped).toBeUndefined();
		expect(result.adjustments).toEqual([]);
		expect(result.explanation).toBe(
			'Tue 13 Apr 08:00 Europe/Warsaw: 2 days before the visit, moved to 08:00 (window 08:00–20:00)',
		);
	});

	it('returns a luxon DateTime in the contact zone', () => {
		const { instant } = computeSendTime(reminder());
		expect(DateTime.isDateTime(instant)).toBe(true);
		expect(instant.zoneName).toBe('Europe/Warsaw');
		expect(instant.toISO()).toBe('2027-04-13T08:00:00.000+02:00');
		expect(instant.toUTC().toISO()).toBe('2027-04-13T06:00:00.000Z');
	});

	it('sends on the visit day at 08:00', () => {
		const result = computeSendTime(reminder({ offset: { direction: 'before', amount: 0, unit: 'days' } }));
		expect(result.iso).toBe('2027-04-15T08:00:00+02:00');
	});

	it('reads the anchor the same whether given as local text, with an offset, in UTC or as a DateTime', () => {
		const anchors = [
			'2027-04-15T10:00:00',
			'2027-04-15T10:00:00+02:00',
			'2027-04-15T08:00:00Z',
			'2027-04-15 10:00',
			DateTime.fromISO('2027-04-15T11:00:00', { zone: 'Europe/Moscow' }),
			new Date('2027-04-15T08:00:00Z'),
		];
		for (const anchor of anchors) expect(computeSendTime(reminder({ anchor })).iso).toBe('2027-04-13T08:00:00+02:00');
	});
});

describe('DST weeks', () => {
	it('2 days before a visit on Tue 30 March 2027 is 08:00 +02:00 on the DST day itself', () => {
		const result = computeSendTime(reminder({ anchor: '2027-03-30T10:00:00' }));
		expect(result.iso).toBe('2027-03-28T08:00:00+02:00');
	});

	it('keeps the visit time-of-day across the change for day offsets, but counts hours absolutely', () => {
		const visit = '2027-03-29T10:00:00';
		const days = computeSendTime(reminder({ anchor: visit, localTime: undefined }));
		expect(days.iso).toBe('2027-03-27T10:00:00+01:00');
		const hours = computeSendTime(reminder({ anchor: visit, localTime: undefined, offset: { direction: 'before', amount: 48, unit: 'hours' } }));
		expect(hours.iso).toBe('2027-03-27T09:00:00+01:00');
	});

	it('moves a time in the spring-forward gap (02:30 on 28 March) forward to 03:30 and says so', () => {
		const result = computeSendTime(
			reminder({ anchor: '2027-03-30T10:00:00', localTime: '02:30', window: { start: '00:00', end: '24:00' } }),
		);
		expect(result.iso).toBe('2027-03-28T03:30:00+02:00');
		expect(result.adjustments.join(' ')).toMatch(/Sun 28 Mar 02:30 does not exist .*moved to 03:30/);
	});

	it('takes the first occurrence of an ambiguous fall-back time (02:30 on 31 October 2027)', () => {
		const result = computeSendTime(
			reminder({ anchor: '2027-11-02T10:00:00', localTime: '02:30', window: { start: '00:00', end: '24:00' } }),
		);
		expect(result.iso).toBe('2027-10-31T02:30:00+02:00');
		expect(result.instant.toUTC().toISO()).toBe('2027-10-31T00:30:00.000Z');
		expect(result.adjustments.join(' ')).toMatch(/occurs twice .*first occurrence \(\+02:00\)/);
	});

	it('takes the first occurrence in New York too (01:30 on 7 November 2027 is EDT)', () => {
		const result = computeSendTime(
			reminder({
				zone: 'America/New_York',
				anchor: '2027-11-08T09:00:00',
				offset: { direction: 'before', amount: 1, unit: 'days' },
				localTime: '01:30',
				window: { start: '00:00', end: '24:00' },
			}),
		);
		expect(result.iso).toBe('2027-11-07T01:30:00-04:00');
	});

	it('a window opening inside the gap opens when the clocks have jumped', () => {
		const result = computeSendTime(
			reminder({ anchor: '2027-03-30T10:00:00', localTime: '01:00', window: { start: '02:00', end: '20:00' } }),
		);
		expect(result.iso).toBe('2027-03-28T03:00:00+02:00');
	});
});

describe('send window and weekdays', () => {
	it('moves a time after the window to the next day opening', () => {
		const result = computeSendTime(reminder({ localTime: '21:30' }));
		expect(result.iso).toBe('2027-04-14T08:00:00+02:00');
		expect(result.adjustments).toEqual(['21:30 is after the window: moved to Wed 14 Apr 08:00']);
	});

	it('moves a time before the window to the same day opening', () => {
		expect(computeSendTime(reminder({ localTime: '06:15' })).iso).toBe('2027-04-13T08:00:00+02:00');
	});

	it('treats both window ends as inside', () => {
		expect(computeSendTime(reminder({ localTime: '20:00' })).iso).toBe('2027-04-13T20:00:00+02:00');
		expect(computeSendTime(reminder({ localTime: '08:00' })).iso).toBe('2027-04-13T08:00:00+02:00');
		expect(computeSendTime(reminder({ localTime: '20:01' })).iso).toBe('2027-04-14T08:00:00+02:00');
	});

	it('skips disallowed weekdays (Saturday → Monday with a Mon–Fri week)', () => {
		const result = computeSendTime(reminder({ anchor: '2027-04-19T10:00:00', weekdays: [1, 2, 3, 4, 5] }));
		expect(result.iso).toBe('2027-04-19T08:00:00+02:00');
		expect(result.adjustments[0]).toBe(
			'Sat 17 Apr is not an allowed weekday; Sun 18 Apr is not an allowed weekday: moved to Mon 19 Apr 08:00',
		);
		expect(result.explanation).toContain('(window 08:00–20:00, Mon–Fri)');
	});

	it('Asia/Jerusalem with a Sunday–Thursday week moves Friday to Sunday (through the Friday DST change)', () => {
		const result = computeSendTime(
			reminder({ zone: 'Asia/Jerusalem', anchor: '2027-03-28T10:00:00', weekdays: [7, 1, 2, 3, 4] }),
		);
		expect(result.iso).toBe('2027-03-28T08:00:00+03:00');
		expect(result.explanation).toContain('Sun–Thu');
	});

	it('Europe/Moscow keeps +03:00 all year', () => {
		const winter = computeSendTime(reminder({ zone: 'Europe/Moscow', anchor: '2027-01-20T10:00:00' }));
		const summer = computeSendTime(reminder({ zone: 'Europe/Moscow', anchor: '2027-07-20T10:00:00' }));
		expect([winter.iso, summer.iso]).toEqual(['2027-01-18T08:00:00+03:00', '2027-07-18T08:00:00+03:00']);
	});

	it('America/New_York: 2 days before at 08:00 on the spring-forward Sunday is EDT', () => {
		const result = computeSendTime(reminder({ zone: 'America/New_York', anchor: '2027-03-16T10:00:00' }));
		expect(result.iso).toBe('2027-03-14T08:00:00-04:00');
	});
});

describe('holidays', () => {
	it('moves off a Polish public holiday (Mon 3 May 2027) to the next allowed opening', () => {
		const result = computeSendTime(reminder({ anchor: '2027-05-05T10:00:00', holidays: { country: 'PL' } }));
		expect(result.iso).toBe('2027-05-04T08:00:00+02:00');
		expect(result.adjustments[0]).toBe(
			'Mon 3 May is a public holiday (Święto Narodowe Trzeciego Maja): moved to Tue 4 May 08:00',
		);
	});

	it('explains each move when a weekend runs into a holiday', () => {
		const result = computeSendTime(
			reminder({ anchor: '2027-05-04T10:00:00', weekdays: [1, 2, 3, 4, 5, 6], holidays: { country: 'pl' } }),
		);
		expect(result.iso).toBe('2027-05-04T08:00:00+02:00');
		expect(result.adjustments[0]).toMatch(/^Sun 2 May is not an allowed weekday; Mon 3 May is a public holiday .*: moved to Tue 4 May 08:00$/);
	});

	it('counts only public holidays (2 May, Flag Day, is optional in PL)', () => {
		const flagDay = computeSendTime(
			reminder({ anchor: '2027-05-02T10:00:00', offset: { direction: 'after', amount: 0, unit: 'days' }, holidays: { country: 'PL' } }),
		);
		expect(flagDay.iso).toBe('2027-05-02T08:00:00+02:00');
		expect(flagDay.adjustments).toEqual([]);
	});

	it('uses regional holidays: Lincoln’s Birthday (12 Feb 2027) is public in New York state only', () => {
		const base = reminder({ zone: 'America/New_York', anchor: '2027-02-14T10:00:00' });
		expect(computeSendTime({ ...base, holidays: { country: 'US' } }).iso).toBe('2027-02-12T08:00:00-05:00');
		expect(computeSendTime({ ...base, holidays: { country: 'US', region: 'NY' } }).iso).toBe('2027-02-13T08:00:00-05:00');
	});

	it('honours custom closed days', () => {
		const result = computeSendTime(reminder({ holidays: { custom: ['2027-04-13', '2027-04-14'] } }));
		expect(result.iso).toBe('2027-04-15T08:00:00+02:00');
		expect(result.adjustments[0]).toBe(
			'Tue 13 Apr is a custom holiday; Wed 14 Apr is a custom holiday: moved to Thu 15 Apr 08:00',
		);
	});
});

describe('past-due policies', () => {
	const late = { now: '2027-04-14T12:34:00+02:00' }; // the target (13 Apr 08:00) has passed
	const lateEvening = { now: '2027-04-14T21:00:00+02:00' };

	it('sendNowIfInWindow (default) sends now when now is inside the window', () => {
		const result = computeSendTime(reminder(late));
		expect(result.iso).toBe('2027-04-14T12:34:00+02:00');
		expect(result.adjustments).toEqual(['target Tue 13 Apr 08:00 already passed: sending now (inside the window)']);
	});

	it('sendNowIfInWindow waits for the next opening when now is outside the window', () => {
		const result = computeSendTime(reminder({ ...lateEvening, pastDue: 'sendNowIfInWindow' }));
		expect(result.iso).toBe('2027-04-15T08:00:00+02:00');
		expect(result.adjustments[0]).toBe(
			'target Tue 13 Apr 08:00 already passed; now 21:00 is after the window: moved to Thu 15 Apr 08:00',
		);
	});

	it('nextWindow waits for the next opening even when now is inside the window', () => {
		expect(computeSendTime(reminder({ ...late, pastDue: 'nextWindow' })).iso).toBe('2027-04-15T08:00:00+02:00');
		expect(computeSendTime(reminder({ ...lateEvening, pastDue: 'nextWindow' })).iso).toBe('2027-04-15T08:00:00+02:00');
	});

	it('nextWindow counts an opening exactly now', () => {
		const result = computeSendTime(reminder({ now: '2027-04-14T08:00:00+02:00', pastDue: 'nextWindow' }));
		expect(result.iso).toBe('2027-04-14T08:00:00+02:00');
	});

	it('skip returns skipped with the missed time', () => {
		const result = computeSendTime(reminder({ ...late, pastDue: 'skip' }));
		expect(result.skipped).toBe(true);
		expect(result.iso).toBe('2027-04-13T08:00:00+02:00');
		expect(result.explanation).toMatch(/^Skipped: /);
	});

	it('is not past due when the target equals now', () => {
		const result = computeSendTime(reminder({ now: '2027-04-13T08:00:00+02:00', pastDue: 'skip' }));
		expect(result.skipped).toBeUndefined();
		expect(result.iso).toBe('2027-04-13T08:00:00+02:00');
	});

	it('a target moved past now by the window is not past due', () => {
		// 21:30 on the 13th is after the window → 08:00 on the 14th, still ahead of now (07:00 on the 14th).
		const result = computeSendTime(reminder({ localTime: '21:30', now: '2027-04-14T07:00:00+02:00', pastDue: 'skip' }));
		expect(result.skipped).toBeUndefined();
		expect(result.iso).toBe('2027-04-14T08:00:00+02:00');
	});

	it("anchor 'now' with no offset sends now when inside the window", () => {
		const result = computeSendTime({ anchor: 'now', zone: 'Europe/Warsaw', now: '2027-04-14T09:15:00+02:00' });
		expect(result.iso).toBe('2027-04-14T09:15:00+02:00');
		expect(result.adjustments).toEqual([]);
	});
});

describe('zones', () => {
	it('falls back to fallbackZone when the contact has none, and says so', () => {
		const result = computeSendTime(reminder({ zone: '', fallbackZone: 'Europe/Warsaw' }));
		expect(result.iso).toBe('2027-04-13T08:00:00+02:00');
		expect(result.adjustments).toContain('the contact has no time zone, used the fallback Europe/Warsaw');
	});

	it("prefers the contact's zone over the fallback", () => {
		const result = computeSendTime(reminder({ zone: 'America/New_York', fallbackZone: 'Europe/Warsaw', anchor: '2027-04-15T10:00:00-04:00' }));
		expect(result.iso).toBe('2027-04-13T08:00:00-04:00');
	});

	it('normalises the case of zone names', () => {
		expect(computeSendTime(reminder({ zone: 'europe/warsaw' })).zone).toBe('Europe/Warsaw');
	});
});
