import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { type PastDuePolicy, type SendTimeInput, computeSendTime } from '../../lib/time';

/*
 * An independent oracle written with plain luxon and date-holidays: the rules restated as simply
 * as possible (day by day), compared with computeSendTime on random zones, DST weeks, windows,
 * weekday sets, holidays and past-due situations.
 */

const ZONES = ['Europe/Warsaw', 'Asia/Jerusalem', 'Europe/Moscow', 'America/New_York'] as const;
const HOLIDAY_SETS = [undefined, { country: 'PL' }, { country: 'IL' }, { country: 'RU' }, { country: 'US', region: 'NY' }];
const DST_CHANGES = [
	'2026-03-08', '2026-03-27', '2026-03-29', '2026-10-25', '2026-11-01',
	'2027-03-14', '2027-03-26', '2027-03-28', '2027-10-31', '2027-11-07',
	'2028-03-12', '2028-03-24', '2028-03-26', '2028-10-29', '2028-11-05',
].map((date) => Date.parse(`${date}T00:00:00Z`));
const MIN = 60_000;
const DAY = 86_400_000;

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const offsetArb = fc.record({
	direction: fc.constantFrom('before' as const, 'after' as const),
	amount: fc.integer({ min: 0, max: 45 }),
	unit: fc.constantFrom('minutes' as const, 'hours' as const, 'days' as const, 'months' as const),
});

/** Half the anchors are placed so that a day offset lands within a day of a DST change. */
const anchorArb = (offset: SendTimeInput['offset'] & object) => {
	const days = offset.unit === 'days' ? offset.amount : offset.unit === 'months' ? offset.amount * 30 : 0;
	const towardsTarget = (offset.direction === 'before' ? days : -days) * DAY;
	return fc.oneof(
		fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') }),
		fc
			.tuple(fc.constantFrom(...DST_CHANGES), fc.integer({ min: -36 * 60, max: 36 * 60 }))
			.map(([change, minutes]) => change + towardsTarget + minutes * MIN),
	);
};

/** Night times fall into DST gaps and overlaps; '08:00' and '20:00' sit on common window edges. */
const localTimeArb = fc.option(
	fc.oneof(
		fc.constantFrom('02:00', '02:30', '01:30', '01:00', '03:00', '00:00', '23:59', '08:00', '20:00'),
		fc.integer({ min: 0, max: 1439 }).map(clock),
	),
	{ nil: undefined },
);

const windowArb = (localTime: string | undefined) => {
	const random = fc
		.integer({ min: 0, max: 1380 })
		.chain((start) => fc.tuple(fc.constant(start), fc.integer({ min: start + 1, max: 1440 })))
		.map(([start, end]) => ({ start: clock(start), end: end === 1440 ? '24:00' : clock(end) }));
	const common = fc.constantFrom({ start: '08:00', end: '20:00' }, { start: '00:00', end: '24:00' }, { start: '01:00', end: '03:00' });
	if (localTime === undefined || localTime === '00:00') return fc.oneof(random, common);
	// Windows that end or start exactly at the requested local time.
	const edge = fc.constantFrom({ start: '00:00', end: localTime }, { start: localTime, end: '24:00' });
	return fc.oneof(random, common, edge);
};

const inputArb = fc
	.record({
		zone: fc.constantFrom(...ZONES),
		offset: offsetArb,
		localTime: localTimeArb,
		anchorAsText: fc.boolean(),
		weekdays: fc.oneof(fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), fc.constant([1, 2, 3, 4, 5, 6, 7])),
		holidays: fc.constantFrom(...HOLIDAY_SETS),
		customOffsets: fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 8 }),
		// Relative to the anchor: well before any target (nothing is past due) or around it.
		nowOffsetMinutes: fc.oneof(
			fc.integer({ min: -60 * 24 * 60, max: -47 * 24 * 60 }),
			fc.integer({ min: -46 * 24 * 60, max: 5 * 24 * 60 }),
		),
		pastDue: fc.constantFrom<PastDuePolicy>('sendNowIfInWindow', 'nextWindow', 'skip'),
	})
	.chain((r) => fc.record({ r: fc.constant(r), anchorMs: anchorArb(r.offset), window: windowArb(r.localTime) }))
	.map(({ r, anchorMs, window }) => {
		const anchor = DateTime.fromMillis(anchorMs, { zone: r.zone });
		const custom = r.customOffsets.map((days) => anchor.plus({ days }).toISODate() as string);
		const input: SendTimeInput = {
			anchor: r.anchorAsText ? (anchor.toISO() as string) : anchorMs,
			zone: r.zone,
			offset: r.offset,
			localTime: r.localTime,
			window,
			weekdays: r.weekdays,
			holidays: { ...r.holidays, custom },
			now: anchorMs + r.nowOffsetMinutes * MIN,
			pastDue: r.pastDue,
		};
		return input;
	});

const publicHolidayCache = new Map<string, Set<string>>();

function publicHolidays(country: string, region: string | undefined, year: number): Set<string> {
	const key = `${country}/${region}/${year}`;
	let dates = publicHolidayCache.get(key);
	if (!dates) {
		dates = new Set();
		const source = region ? new Holidays(country, region) : new Holidays(country);
		for (const h of source.getHolidays(year)) {
			if (h.type !== 'public') continue;
			const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
			const first = DateTime.fromISO(h.date.slice(0, 10), { zone: 'UTC' });
			for (let i = 0; i < days; i++) dates.add(first.plus({ days: i }).toISODate() as string);
		}
		publicHolidayCache.set(key, dates);
	}
	return dates;
}

class Oracle {
	private readonly zone: string;
	private readonly start: number;
	private readonly end: number;

	constructor(private readonly input: SendTimeInput) {
		this.zone = input.zone as string;
		const [sh, sm] = input.window!.start.split(':').map(Number);
		const [eh, em] = input.window!.end.split(':').map(Number);
		this.start = sh * 60 + sm;
		this.end = eh * 60 + em;
	}

	local(ms: number): DateTime {
		return DateTime.fromMillis(ms, { zone: this.zone });
	}

	dayBlocked(day: DateTime): boolean {
		const date = day.toISODate() as string;
		const { country, region, custom } = this.input.holidays ?? {};
		if (!this.input.weekdays!.includes(day.weekday)) return true;
		if (custom?.includes(date)) return true;
		return country !== undefined && publicHolidays(country, region, day.year).has(date);
	}

	allowed(ms: number): boolean {
		const t = this.local(ms);
		const sinceMidnight = (t.hour * 60 + t.minute) * MIN + t.second * 1000 + t.millisecond;
		return sinceMidnight >= this.start * MIN && sinceMidnight <= this.end * MIN && !this.dayBlocked(t);
	}

	/** The first occurrence of a wall time (luxon itself picks the second one in a fall-back overlap). */
	wall(date: DateTime, minutes: number, seconds = 0, millis = 0): number {
		const dt = DateTime.fromObject(
			{ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: seconds, millisecond: millis },
			{ zone: this.zone },
		);
		const earlier = dt.minus({ hours: 1 });
		return earlier.toFormat('yyyy-MM-dd HH:mm:ss.SSS') === dt.toFormat('yyyy-MM-dd HH:mm:ss.SSS') ? earlier.toMillis() : dt.toMillis();
	}

	requested(anchorMs: number): number {
		const { direction, amount, unit } = this.input.offset!;
		const sign = direction === 'before' ? -1 : 1;
		const localTime = this.input.localTime?.split(':').map(Number);
		const a = this.local(anchorMs);
		if (unit === 'minutes' || unit === 'hours') {
			const shifted = a.plus({ [unit]: sign * amount });
			return localTime ? this.wall(shifted, localTime[0] * 60 + localTime[1]) : shifted.toMillis();
		}
		if (amount === 0 && !localTime) return anchorMs;
		const date = DateTime.fromObject({ year: a.year, month: a.month, day: a.day }, { zone: 'UTC' }).plus({
			days: sign * amount * (unit === 'months' ? 30 : 1),
		});
		return localTime
			? this.wall(date, localTime[0] * 60 + localTime[1])
			: this.wall(date, a.hour * 60 + a.minute, a.second, a.millisecond);
	}

	firstOpening(from: number): number {
		let day = this.local(from).startOf('day');
		for (let i = 0; i < 400; i++, day = day.plus({ days: 1 })) {
			if (this.dayBlocked(day)) continue;
			const opening = this.wall(day, this.start);
			if (opening >= from && this.allowed(opening)) return opening;
		}
		throw new Error('no opening');
	}

	firstAllowed(from: number): number {
		return this.allowed(from) ? from : this.firstOpening(from);
	}
}

describe('computeSendTime properties', () => {
	it('always lands inside the window, on an allowed non-holiday day, never before the request or now, and exactly where the rules say', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const oracle = new Oracle(input);
				const result = computeSendTime(input);
				const ms = result.instant.toMillis();
				const now = input.now as number;
				const anchorMs = typeof input.anchor === 'number' ? input.anchor : DateTime.fromISO(input.anchor as string).toMillis();
				const requested = oracle.requested(anchorMs);
				const placed = oracle.firstAllowed(requested);

				expect(result.iso).toBe(oracle.local(ms).toISO({ suppressMilliseconds: true }));
				expect(result.zone).toBe(input.zone);
				if (result.skipped) {
					expect(input.pastDue).toBe('skip');
					expect(ms).toBe(placed);
					expect(ms).toBeLessThan(now);
					return;
				}
				expect(oracle.allowed(ms)).toBe(true);
				expect(ms).toBeGreaterThanOrEqual(now);
				if (ms < requested) {
					expect(input.pastDue).toBe('sendNowIfInWindow');
					expect(ms).toBe(now);
				}
				if (placed >= now) expect(ms).toBe(placed);
				else if (input.pastDue === 'sendNowIfInWindow') expect(ms).toBe(oracle.firstAllowed(now));
				else expect(ms).toBe(oracle.firstOpening(now));
				expect(input.pastDue === 'skip' && placed < now).toBe(false);
			}),
			{ numRuns: 1500 },
		);
	});

	it('explains every move it makes', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const result = computeSendTime(input);
				const local = result.instant.toFormat('HH:mm');
				expect(result.explanation).toContain(`${local} ${input.zone}:`);
				const moved = result.adjustments.some((note) => /moved to|sending now|skipped/.test(note));
				const oracle = new Oracle(input);
				const anchorMs = typeof input.anchor === 'number' ? input.anchor : DateTime.fromISO(input.anchor as string).toMillis();
				if (result.instant.toMillis() !== oracle.requested(anchorMs)) expect(moved).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});
});
