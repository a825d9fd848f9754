import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time string comparison that also hides the lengths (both sides are hashed first). */
export function safeEqual(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}

/** True when `given` equals any of the expected values; every candidate is compared, so timing does not tell which matched. */
export function matchesAny(given: string, expected: readonly string[]): boolean {
	let match = false;
	for (const candidate of expected) match = safeEqual(given, candidate) || match;
	return match;
}
