import { DAY, MINUTE, dayNumber, formatClock, formatDay, formatLocal, isoWeekday, weekdayName } from './civil';
import { parseClock } from './clock';
import { DomainInputError } from './domain-input-error';
import { type HolidayLookup, holidayLookup } from './holidays';
import type { HolidayRules, SendWindow } from './types';
import { type CachedZone, fromLocal, toLocal } from './zone';

/** When sending is allowed: a daily window on allowed weekdays that are not holidays. */
export interface SendRules {
	zone: CachedZone;
	/** Minutes since local midnight; both inclusive. */
	start: number;
	end: number;
	/** Bit d (1 = Monday … 7 = Sunday) set when sending is allowed that weekday. */
	weekdays: number;
	holiday: HolidayLookup;
	/** '08:00–20:00, Mon–Fri' for explanations. */
	label: string;
}

const DEFAULT_WINDOW: SendWindow = { start: '08:00', end: '20:00' };
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
/** Search horizon for the next allowed day; only a pathological holiday list exhausts it. */
const MAX_DAYS_AHEAD = 400;

export function buildSendRules(
	zone: CachedZone,
	window: SendWindow | undefined,
	weekdays: readonly number[] | undefined,
	holidays: HolidayRules | undefined,
): SendRules {
	const { start: startText, end: endText } = window ?? DEFAULT_WINDOW;
	const start = parseClock(startText, 'window.start');
	const end = parseClock(endText, 'window.end', true);
	if (end <= start) {
		throw new DomainInputError(
			'window.end',
			`must be after window.start (${formatClock(start)}); a window over midnight is not supported — use e.g. 08:00–20:00`,
		);
	}
	const mask = weekdayMask(weekdays ?? ALL_DAYS);
	const days = describeWeekdays(mask);
	const label = `${formatClock(start)}–${formatClock(end)}${days ? `, ${days}` : ''}`;
	return { zone, start, end, weekdays: mask, holiday: holidayLookup(holidays), label };
}

function weekdayMask(days: readonly number[]): number {
	if (!Array.isArray(days) || days.length === 0) {
		throw new DomainInputError('weekdays', 'expected at least one ISO weekday (1 = Monday … 7 = Sunday)');
	}
	let mask = 0;
	for (const day of days) {
		if (!Number.isInteger(day) || day < 1 || day > 7) {
			throw new DomainInputError('weekdays', `expected ISO weekdays 1 (Monday) … 7 (Sunday), got ${JSON.stringify(day)}`);
		}
		mask |= 1 << day;
	}
	return mask;
}

/** Why sending is not allowed on this local day, or undefined when it is. */
function dayBlock(rules: SendRules, day: number): string | undefined {
	if (!(rules.weekdays & (1 << isoWeekday(day)))) return `${formatDay(day)} is not an allowed weekday`;
	const holiday = rules.holiday(day);
	return holiday === undefined ? undefined : `${formatDay(day)} is ${holiday}`;
}

function insideWindow(rules: SendRules, local: number): boolean {
	const sinceMidnight = local - dayNumber(local) * DAY;
	return sinceMidnight >= rules.start * MINUTE && sinceMidnight <= rules.end * MINUTE;
}

export function isAllowed(rules: SendRules, ms: number): boolean {
	const local = toLocal(rules.zone, ms);
	return insideWindow(rules, local) && dayBlock(rules, dayNumber(local)) === undefined;
}

export interface Placement {
	ms: number;
	/** Present when the instant had to move; says why and where to. */
	move?: string;
}

/** `ms` itself when allowed, else the next window opening after it. */
export function firstAllowedAtOrAfter(rules: SendRules, ms: number): Placement {
	const local = toLocal(rules.zone, ms);
	const day = dayNumber(local);
	const blocked = dayBlock(rules, day);
	if (blocked === undefined && insideWindow(rules, local)) return { ms };
	const reasons: string[] = [];
	if (blocked !== undefined) reasons.push(blocked);
	else {
		const sinceMidnight = local - day * DAY;
		const side = sinceMidnight < rules.start * MINUTE ? 'before' : 'after';
		reasons.push(`${formatClock(Math.floor(sinceMidnight / MINUTE))} is ${side} the window`);
	}
	return openingFrom(rules, ms, blocked === undefined ? day : day + 1, reasons);
}

/** The first window opening at or after `ms` (an opening is a window start on an allowed day). */
export function nextOpening(rules: SendRules, ms: number): Placement {
	return openingFrom(rules, ms, dayNumber(toLocal(rules.zone, ms)), []);
}

function openingFrom(rules: SendRules, notBefore: number, firstDay: number, reasons: string[]): Placement {
	for (let day = firstDay; day < firstDay + MAX_DAYS_AHEAD; day++) {
		const blocked = dayBlock(rules, day);
		if (blocked !== undefined) {
			reasons.push(blocked);
			continue;
		}
		// A window start inside a spring-forward gap opens when the clocks have jumped.
		const opening = fromLocal(rules.zone, day * DAY + rules.start * MINUTE).ms;
		if (opening < notBefore || !isAllowed(rules, opening)) continue;
		const where = `moved to ${formatLocal(toLocal(rules.zone, opening))}`;
		return { ms: opening, move: reasons.length > 0 ? `${reasons.join('; ')}: ${where}` : where };
	}
	throw new DomainInputError('weekdays', `no allowed sending day within ${MAX_DAYS_AHEAD} days (check weekdays and holidays)`);
}

const weekdayLabels = new Map<number, string>();

/** Runs of allowed days, cyclic so a Sunday–Thursday week reads 'Sun–Thu'; '' when all days are allowed. */
function describeWeekdays(mask: number): string {
	const known = weekdayLabels.get(mask);
	if (known !== undefined) return known;
	const allowed = (day: number) => (mask & (1 << (((day - 1) % 7) + 1))) !== 0;
	let first = 1;
	while (first <= 7 && !(allowed(first) && !allowed(first + 6))) first++;
	const runs: string[] = [];
	for (let day = first; first <= 7 && day < first + 7; day++) {
		if (!allowed(day)) continue;
		let last = day;
		while (last + 1 < first + 7 && allowed(last + 1)) last++;
		const from = weekdayName(((day - 1) % 7) + 1);
		const to = weekdayName(((last - 1) % 7) + 1);
		runs.push(last === day ? from : `${from}${last - day > 1 ? '–' : ','}${to}`);
		day = last;
	}
	const label = runs.join(',');
	weekdayLabels.set(mask, label);
	return label;
}
