/**
 * Twilio's X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth token, over the full URL
 * Twilio requested followed by every POST field name and value, sorted by name (then value).
 * https://www.twilio.com/docs/usage/security#validating-requests. There is no timestamp.
 */
import { createHmac } from 'node:crypto';

import { failed, verified, type VerifyResult } from './result';
import { matchesAny } from './safe-equal';

export function twilioSignature(authToken: string, url: string, fields: ReadonlyArray<readonly [string, string]>): string {
	const sorted = [...fields].sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
	const data = url + sorted.map(([key, value]) => key + value).join('');
	return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

export interface TwilioInput {
	header: string | undefined;
	url: string;
	fields: ReadonlyArray<readonly [string, string]>;
	authTokens: readonly string[];
}

export function verifyTwilioSignature(input: TwilioInput): VerifyResult {
	if (input.authTokens.length === 0) return failed('not_configured');
	const given = input.header?.trim();
	if (!given) return failed('missing_signature');
	if (!/^[A-Za-z0-9+/]{27}=$/.test(given)) return failed('malformed_signature');
	const expected = input.authTokens.map((token) => twilioSignature(token, input.url, input.fields));
	return matchesAny(given, expected) ? verified : failed('signature_mismatch');
}
