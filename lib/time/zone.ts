import { IANAZone } from 'luxon';

import { DAY, HOUR, MINUTE } from './civil';
import { DomainInputError } from './domain-input-error';

const MAX_CACHED_HOURS = 200_000;

/**
 * An IANA zone whose offsets are memoised per UTC hour. luxon asks Intl for every offset
 * (≈5 µs each); hours holding a transition are not cached and always ask Intl.
 * Being an IANAZone, DateTimes built on it behave (format, compare, setZone) as usual.
 */
export class CachedZone extends IANAZone {
	private readonly hours = new Map<number, number>();

	override offset(ts: number): number {
		const hour = Math.floor(ts / HOUR);
		const cached = this.hours.get(hour);
		if (cached !== undefined) return cached;
		const first = super.offset(hour * HOUR);
		if (first !== super.offset(hour * HOUR + HOUR - 1000)) return super.offset(ts);
		if (this.hours.size >= MAX_CACHED_HOURS) this.hours.clear();
		this.hours.set(hour, first);
		return first;
	}
}

const zones = new Map<string, CachedZone | null>();
const MAX_CACHED_NAMES = 1000;

/** The zone for an IANA name; throws DomainInputError naming `field` when it is unknown. */
export function zoneFor(name: unknown, field: string): CachedZone {
	if (typeof name !== 'string' || name.trim() === '') {
		throw new DomainInputError(field, 'expected an IANA time zone such as Europe/Warsaw');
	}
	const key = name.trim();
	let zone = zones.get(key);
	if (zone === undefined) {
		zone = IANAZone.isValidZone(key) ? new CachedZone(canonicalCase(key)) : null;
		if (zones.size >= MAX_CACHED_NAMES) zones.clear();
		zones.set(key, zone);
	}
	if (zone === null) {
		throw new DomainInputError(field, `unknown time zone ${JSON.stringify(key)} (expected an IANA name such as Europe/Warsaw)`);
	}
	return zone;
}

/** 'europe/warsaw' → 'Europe/Warsaw', but keep the caller's alias (ICU would turn Asia/Kolkata into Asia/Calcutta). */
function canonicalCase(name: string): string {
	const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

export function toLocal(zone: CachedZone, ms: number): number {
	return ms + zone.offset(ms) * MINUTE;
}

export interface ResolvedLocal {
	ms: number;
	/** 'gap': the wall time does not exist (spring forward) and was moved forward by the gap;
	 * 'ambiguous': it exists twice (fall back) and the first occurrence was taken. */
	kind: 'exact' | 'gap' | 'ambiguous';
}

/**
 * The instant of a wall-clock time, with Temporal's 'compatible' disambiguation: a time in a
 * spring-forward gap moves forward by the gap, a repeated time takes its first occurrence.
 * (luxon itself takes the second occurrence in DateTime.fromObject, so it is not used here.)
 */
export function fromLocal(zone: CachedZone, local: number): ResolvedLocal {
	const before = zone.offset(local - DAY);
	const after = zone.offset(local + DAY);
	const viaBefore = local - before * MINUTE;
	const viaAfter = local - after * MINUTE;
	const beforeFits = zone.offset(viaBefore) === before;
	if (before === after) {
		if (beforeFits) return { ms: viaBefore, kind: 'exact' };
		return settle(zone, local);
	}
	const afterFits = zone.offset(viaAfter) === after;
	if (beforeFits && afterFits) return { ms: Math.min(viaBefore, viaAfter), kind: 'ambiguous' };
	if (beforeFits) return { ms: viaBefore, kind: 'exact' };
	if (afterFits) return { ms: viaAfter, kind: 'exact' };
	// In the gap: reading the wall time with the pre-transition offset lands after the jump.
	return { ms: viaBefore, kind: 'gap' };
}

/** Rare case of two transitions within a day around `local`: iterate to a consistent offset. */
function settle(zone: CachedZone, local: number): ResolvedLocal {
	let offset = zone.offset(local);
	for (let i = 0; i < 3; i++) {
		const next = zone.offset(local - offset * MINUTE);
		if (next === offset) return { ms: local - offset * MINUTE, kind: 'exact' };
		offset = next;
	}
	return { ms: local - offset * MINUTE, kind: 'gap' };
}
