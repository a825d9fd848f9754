/**
 * Arithmetic on "local milliseconds": a wall-clock time in some zone written as if it were UTC.
 * Day numbers count days since 1970-01-01 on that wall clock.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dayNumber(local: number): number {
	return Math.floor(local / DAY);
}

/** 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function weekdayName(isoDay: number): string {
	return WEEKDAYS[isoDay - 1];
}

export function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** 'HH:mm' for a time of day given in minutes (1440 → '24:00'). */
export function formatClock(minutes: number): string {
	return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** 'Tue 13 Apr' */
export function formatDay(day: number): string {
	const d = new Date(day * DAY);
	return `${WEEKDAYS[isoWeekday(day) - 1]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** 'Tue 13 Apr 08:00' */
export function formatLocal(local: number): string {
	const day = dayNumber(local);
	return `${formatDay(day)} ${formatClock(Math.floor((local - day * DAY) / MINUTE))}`;
}

export function yearOfDay(day: number): number {
	return new Date(day * DAY).getUTCFullYear();
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid 'YYYY-MM-DD', or undefined. */
export function parseDateOnly(value: string): number | undefined {
	const m = DATE_ONLY.exec(value);
	if (!m) return undefined;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const date = Number(m[3]);
	if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
	return Date.UTC(year, month - 1, date) / DAY;
}
