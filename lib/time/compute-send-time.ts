import { DateTime } from 'luxon';

import { DAY, HOUR, MINUTE, dayNumber, formatClock, formatLocal } from './civil';
import { parseClock } from './clock';
import { DomainInputError } from './domain-input-error';
import { formatIso } from './format-iso';
import { type CheckedOffset, checkOffset, offsetDays, offsetPhrase } from './offset';
import { parseInstant } from './parse-instant';
import { type SendRules, buildSendRules, firstAllowedAtOrAfter, isAllowed, nextOpening } from './send-rules';
import type { PastDuePolicy, SendTimeInput, SendTimeResult } from './types';
import { type CachedZone, fromLocal, toLocal, zoneFor } from './zone';

const POLICIES: readonly PastDuePolicy[] = ['sendNowIfInWindow', 'nextWindow', 'skip'];

/**
 * When to send a message relative to an anchor (e.g. a visit), in the contact's zone, inside the
 * send window, on an allowed non-holiday day, and never in the past. Throws DomainInputError.
 */
export function computeSendTime(input: SendTimeInput): SendTimeResult {
	if (typeof input !== 'object' || input === null) throw new DomainInputError('input', 'expected an object');
	const adjustments: string[] = [];
	const zone = contactZone(input, adjustments);
	const now = input.now === undefined ? Date.now() : parseInstant(input.now, 'now', zone);
	const anchor = input.anchor === 'now' ? now : parseInstant(input.anchor, 'anchor', zone);
	const offset = checkOffset(input.offset);
	const localTime = isBlank(input.localTime) ? undefined : parseClock(input.localTime, 'localTime');
	const rules = buildSendRules(zone, input.window, input.weekdays, input.holidays);
	const policy = checkPolicy(input.pastDue);

	const placed = firstAllowedAtOrAfter(rules, targetInstant(zone, anchor, offset, localTime, adjustments));
	if (placed.move) adjustments.push(placed.move);
	let ms = placed.ms;
	let skipped = false;
	if (ms < now) {
		const late = applyPastDue(rules, policy, ms, now);
		adjustments.push(late.note);
		ms = late.ms;
		skipped = late.skipped;
	}

	const offsetMinutes = zone.offset(ms);
	const label = input.anchorLabel?.trim() || 'the event';
	const phrase = offsetPhrase(input.offset);
	const schedule =
		(phrase ? `${phrase} ${label}` : localTime === undefined ? `at ${label}` : `on the day of ${label}`) +
		(localTime === undefined ? '' : `, moved to ${formatClock(localTime)}`);
	const explanation =
		`${skipped ? 'Skipped: ' : ''}${formatLocal(ms + offsetMinutes * MINUTE)} ${zone.name}: ${schedule}` +
		`${adjustments.length > 0 ? `; ${adjustments.join('; ')}` : ''} (window ${rules.label})`;
	return {
		instant: DateTime.fromMillis(ms, { zone }),
		iso: formatIso(ms, offsetMinutes),
		zone: zone.name,
		...(skipped ? { skipped } : {}),
		adjustments,
		explanation,
	};
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function contactZone(input: SendTimeInput, notes: string[]): CachedZone {
	const fallback = isBlank(input.fallbackZone) ? undefined : zoneFor(input.fallbackZone, 'fallbackZone');
	if (!isBlank(input.zone)) return zoneFor(input.zone, 'zone');
	if (!fallback) {
		throw new DomainInputError('fallbackZone', 'the contact has no time zone and no fallback zone is set (e.g. Europe/Warsaw)');
	}
	notes.push(`the contact has no time zone, used the fallback ${fallback.name}`);
	return fallback;
}

function checkPolicy(policy: PastDuePolicy | undefined): PastDuePolicy {
	if (policy === undefined) return 'sendNowIfInWindow';
	if (POLICIES.includes(policy)) return policy;
	throw new DomainInputError('pastDue', `expected one of ${POLICIES.join(', ')}, got ${JSON.stringify(policy)}`);
}

/** The requested instant before window rules: day offsets in local calendar days, others absolute. */
function targetInstant(zone: CachedZone, anchor: number, offset: CheckedOffset, localTime: number | undefined, notes: string[]): number {
	if (offset.unit === 'minutes' || offset.unit === 'hours') {
		const shifted = anchor + offset.amount * (offset.unit === 'hours' ? HOUR : MINUTE);
		if (localTime === undefined) return shifted;
		return atLocal(zone, dayNumber(toLocal(zone, shifted)) * DAY + localTime * MINUTE, notes);
	}
	if (offset.amount === 0 && localTime === undefined) return anchor;
	const local = toLocal(zone, anchor) + offsetDays(offset) * DAY;
	return atLocal(zone, localTime === undefined ? local : dayNumber(local) * DAY + localTime * MINUTE, notes);
}

function atLocal(zone: CachedZone, local: number, notes: string[]): number {
	const resolved = fromLocal(zone, local);
	if (resolved.kind === 'gap') {
		const shifted = formatClock(Math.floor((toLocal(zone, resolved.ms) % DAY) / MINUTE));
		notes.push(`${formatLocal(local)} does not exist in ${zone.name} (clocks go forward), moved to ${shifted}`);
	} else if (resolved.kind === 'ambiguous') {
		const offset = formatIso(resolved.ms, zone.offset(resolved.ms)).slice(-6);
		notes.push(`${formatLocal(local)} occurs twice in ${zone.name} (clocks go back), took the first occurrence (${offset})`);
	}
	return resolved.ms;
}

function applyPastDue(rules: SendRules, policy: PastDuePolicy, target: number, now: number): { ms: number; skipped: boolean; note: string } {
	const passed = `target ${formatLocal(toLocal(rules.zone, target))} already passed`;
	if (policy === 'skip') return { ms: target, skipped: true, note: `${passed}: skipped (past-due policy 'skip')` };
	if (policy === 'sendNowIfInWindow') {
		if (isAllowed(rules, now)) return { ms: now, skipped: false, note: `${passed}: sending now (inside the window)` };
		const next = firstAllowedAtOrAfter(rules, now);
		return { ms: next.ms, skipped: false, note: `${passed}; now ${next.move}` };
	}
	const next = nextOpening(rules, now);
	return { ms: next.ms, skipped: false, note: `${passed}: next window opening, ${next.move}` };
}
