/**
 * At most `limit` messages of a purpose per contact in any `windowHours` hours, across workflows.
 * The caller claims first and counts after (its own claim included), so two concurrent sends can
 * never both slip under the cap: at worst both hold back.
 */
import { DomainInputError } from '../time/domain-input-error';

export interface FrequencyCap {
	limit: number;
	windowHours: number;
}

const HOUR = 3_600_000;
const SECOND = 1000;

export function checkCap(cap: FrequencyCap): void {
	if (!Number.isInteger(cap.limit) || cap.limit < 1) throw new DomainInputError('frequencyCap.limit', `must be a whole number ≥ 1, got ${cap.limit}`);
	if (!(cap.windowHours > 0)) throw new DomainInputError('frequencyCap.windowHours', `must be more than 0, got ${cap.windowHours}`);
}

export function windowStart(cap: FrequencyCap, now: number): string {
	return new Date(now - cap.windowHours * HOUR).toISOString();
}

/** `count` includes the caller's own claim. */
export function overCap(count: number, cap: FrequencyCap): boolean {
	return count > cap.limit;
}

/**
 * When one more message fits again: the first whole second t after now at which fewer than `limit`
 * counted messages were created in [t − window, t] (the window the check itself counts).
 * `countSince(iso)` counts messages created at or after iso (the caller's own claim no longer
 * counted); it only decreases as iso moves later, so a binary search to the millisecond finds the
 * earliest window start with room, s, and t = s + window rounded up to the second.
 */
export async function capReleaseTime(countSince: (sinceIso: string) => Promise<number>, cap: FrequencyCap, now: number): Promise<Date> {
	const span = cap.windowHours * HOUR;
	let low = now - span;
	if ((await countSince(new Date(low).toISOString())) < cap.limit) return new Date(now);
	let high = now + 1;
	while (high - low > 1) {
		const middle = low + Math.floor((high - low) / 2);
		if ((await countSince(new Date(middle).toISOString())) < cap.limit) high = middle;
		else low = middle;
	}
	return new Date(Math.ceil((high + span) / SECOND) * SECOND);
}
