/**
 * "t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}`>" as Stripe and Calendly sign webhooks.
 * Several v1 entries may be present (the sender signing with old and new secrets while rotating).
 */
import { createHmac } from 'node:crypto';

import { failed, verified, type VerifyResult } from './result';
import { matchesAny } from './safe-equal';

export const DEFAULT_TOLERANCE_SECONDS = 300;

export interface TimestampedHeader {
	timestamp: number;
	signatures: string[];
}

export function parseTimestampedHeader(value: string): TimestampedHeader | null {
	let timestamp: number | undefined;
	const signatures: string[] = [];
	for (const part of value.split(',')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		const key = part.slice(0, eq).trim();
		const text = part.slice(eq + 1).trim();
		if (key === 't' && /^\d{1,12}$/.test(text)) timestamp = Number(text);
		else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(text)) signatures.push(text.toLowerCase());
	}
	return timestamp === undefined || signatures.length === 0 ? null : { timestamp, signatures };
}

export function signTimestamped(secret: string, timestamp: number, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The header value a sender would put on this body (for tests, simulators and clients). */
export function timestampedHeader(secret: string, timestamp: number, rawBody: Buffer | string): string {
	return `t=${timestamp},v1=${signTimestamped(secret, timestamp, rawBody)}`;
}

export interface TimestampedInput {
	header: string | undefined;
	rawBody: Buffer;
	secrets: readonly string[];
	toleranceSeconds: number;
	nowMs: number;
}

export function verifyTimestampedHmac(input: TimestampedInput): VerifyResult {
	if (input.secrets.length === 0) return failed('not_configured');
	if (!input.header?.trim()) return failed('missing_signature');
	const parsed = parseTimestampedHeader(input.header);
	if (!parsed) return failed('malformed_signature');
	if (Math.abs(input.nowMs / 1000 - parsed.timestamp) > input.toleranceSeconds) return failed('timestamp_out_of_tolerance');
	const expected = input.secrets.map((secret) => signTimestamped(secret, parsed.timestamp, input.rawBody));
	const match = parsed.signatures.map((given) => matchesAny(given, expected)).includes(true);
	return match ? verified : failed('signature_mismatch');
}
