/**
 * Hex HMAC-SHA256 of the raw body in a header: Cal.com's x-cal-signature-256 (bare hex) and
 * Meta's X-Hub-Signature-256 ("sha256=<hex>"). Neither carries a timestamp.
 */
import { createHmac } from 'node:crypto';

import { failed, verified, type VerifyResult } from './result';
import { matchesAny } from './safe-equal';

export function bodyHmacHex(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

export interface BodyHmacInput {
	header: string | undefined;
	rawBody: Buffer;
	secrets: readonly string[];
	/** Text before the hex digest, e.g. "sha256=" for Meta; Cal.com sends none. */
	prefix?: string;
}

export function verifyBodyHmac(input: BodyHmacInput): VerifyResult {
	if (input.secrets.length === 0) return failed('not_configured');
	const value = input.header?.trim();
	if (!value) return failed('missing_signature');
	const prefix = input.prefix ?? '';
	const hex = value.toLowerCase().startsWith(prefix.toLowerCase()) ? value.slice(prefix.length) : '';
	if (!/^[0-9a-f]{64}$/i.test(hex)) return failed('malformed_signature');
	const expected = input.secrets.map((secret) => bodyHmacHex(secret, input.rawBody));
	return matchesAny(hex.toLowerCase(), expected) ? verified : failed('signature_mismatch');
}
