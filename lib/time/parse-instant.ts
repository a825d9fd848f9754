import { DateTime } from 'luxon';

import { MINUTE, daysInMonth } from './civil';
import { DomainInputError } from './domain-input-error';
import type { InstantInput } from './types';
import { type CachedZone, fromLocal } from './zone';

// The common shapes, parsed without luxon for speed; anything else goes to luxon's ISO parser.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds of `value`; strings without an offset are wall-clock times in `zone`. */
export function parseInstant(value: InstantInput, field: string, zone: CachedZone): number {
	if (typeof value === 'string') return parseText(value.trim(), field, zone);
	if (typeof value === 'number') {
		if (Number.isFinite(value)) return value;
	} else if (value instanceof Date) {
		const ms = value.getTime();
		if (!Number.isNaN(ms)) return ms;
	} else if (DateTime.isDateTime(value)) {
		if (value.isValid) return value.toMillis();
		throw new DomainInputError(field, `invalid date: ${value.invalidExplanation ?? value.invalidReason}`);
	}
	throw new DomainInputError(field, `expected an ISO 8601 date-time, got ${JSON.stringify(value)}`);
}

function parseText(text: string, field: string, zone: CachedZone): number {
	const m = ISO.exec(text);
	if (m) {
		const fast = fromParts(m, zone);
		if (fast !== undefined) return fast;
	} else {
		const viaLuxon = DateTime.fromISO(text, { zone });
		if (viaLuxon.isValid) return viaLuxon.toMillis();
	}
	throw new DomainInputError(
		field,
		`cannot read ${JSON.stringify(text)} as a date-time (expected ISO 8601, e.g. 2027-04-15T10:00:00+02:00)`,
	);
}

function fromParts(m: RegExpExecArray, zone: CachedZone): number | undefined {
	const year = Number(m[1]);
	const month = Number(m[2]);
	const date = Number(m[3]);
	const hour = m[4] === undefined ? 0 : Number(m[4]);
	const minute = m[5] === undefined ? 0 : Number(m[5]);
	const second = m[6] === undefined ? 0 : Number(m[6]);
	const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
	if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const local = Date.UTC(year, month - 1, date, hour, minute, second, millis);
	if (m[8] === undefined) return fromLocal(zone, local).ms;
	const offset = offsetMinutes(m[8]);
	return offset === undefined ? undefined : local - offset * MINUTE;
}

function offsetMinutes(text: string): number | undefined {
	if (text === 'Z' || text === 'z') return 0;
	const digits = text.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
	if (hours > 14 || minutes > 59) return undefined;
	return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
