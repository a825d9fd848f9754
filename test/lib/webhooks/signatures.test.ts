import { createHmac } from 'node:crypto';

import {
	matchesAny,
	parseTimestampedHeader,
	safeEqual,
	secretList,
	timestampedHeader,
	twilioSignature,
	verifyBodyHmac,
	verifyHeaderToken,
	verifyRequest,
	verifyTimestampedHmac,
	verifyTwilioSignature,
	type InboundRequest,
} from '../../../lib/webhooks';

const body = Buffer.from('{"event":{"id":"e1","type":"scheduled"}}');
const NOW = Date.UTC(2027, 3, 13, 6, 0, 0);
const t = NOW / 1000;

describe('timestamped HMAC (Stripe / Calendly style)', () => {
	const verify = (header: string | undefined, secrets = ['s3cret-current'], nowMs = NOW) =>
		verifyTimestampedHmac({ header, rawBody: body, secrets, toleranceSeconds: 300, nowMs });

	it('matches an independent HMAC-SHA256 of "t.body"', () => {
		const hex = createHmac('sha256', 's3cret-current').update(`${t}.${body.toString()}`).digest('hex');
		expect(timestampedHeader('s3cret-current', t, body)).toBe(`t=${t},v1=${hex}`);
		expect(verify(`t=${t},v1=${hex}`)).toEqual({ ok: true });
	});

	it('accepts any listed v1 and any configured secret (rotation on both sides)', () => {
		const old = timestampedHeader('s3cret-old', t, body).split(',')[1];
		const current = timestampedHeader('s3cret-current', t, body).split(',')[1];
		expect(verify(`t=${t},${old},${current}`)).toEqual({ ok: true });
		expect(verify(`t=${t},${old}`, ['s3cret-current', 's3cret-old'])).toEqual({ ok: true });
		expect(verify(`t=${t},${old}`)).toEqual({ ok: false, reason: 'signature_mismatch' });
	});

	it('allows exactly the tolerance in both directions', () => {
		expect(verify(timestampedHeader('s3cret-current', t - 300, body))).toEqual({ ok: true });
		expect(verify(timestampedHeader('s3cret-current', t - 301, body))).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });
		expect(verify(timestampedHeader('s3cret-current', t + 301, body))).toEqual({ ok: false, reason: 'timestamp_out_of_tolerance' });
	});

	it('names what is wrong without verifying garbage', () => {
		expect(verify(undefined)).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verify('  ')).toEqual({ ok: false, reason: 'missing_signature' });
		expect(verify('v1=abc')).toEqual({ ok: false, reason: 'malformed_signature' });
		expect(verify(`t=${t}`)).toEqual({ ok: false, reason: 'malformed_signature' });
		expect(verify(`t=${t},v1=${'0'.repeat(63)}`)).toEqual({ ok: false, reason: 'malformed_signature' });
		expect(verify(timestampedHeader('x', t, body), [])).toEqual({ ok: false, reason: 'not_configured' });
		expect(parseTimestampedHeader(`t=12, v0=${'a'.repeat(64)}, v1=${'B'.repeat(64)}`)).toEqual({ timestamp: 12, signatures: ['b'.repeat(64)] });
	});
});

describe('body HMAC (Cal.com x-cal-signature-256, Meta X-Hub-Signature-256)', () => {
	const hex = createHmac('sha256', 'cal-secret').update(body).digest('hex');

	it('Cal.com: bare hex, case-insensitive', () => {
		expect(verifyBodyHmac({ header: hex, rawBody: body, secrets: ['cal-secret'] })).toEqual({ ok: true });
		expect(verifyBodyHmac({ header: hex.toUpperCase(), rawBody: body, secrets: ['cal-secret'] })).toEqual({ ok: true });
		expect(verifyBodyHmac({ header: hex, rawBody: Buffer.concat([body, Buffer.from(' ')]), secrets: ['cal-secret'] })).toEqual({ ok: false, reason: 'signature_mismatch' });
	});

	it('Meta: "sha256=" prefix required', () => {
		expect(verifyBodyHmac({ header: `sha256=${hex}`, rawBody: body, secrets: ['cal-secret'], prefix: 'sha256=' })).toEqual({ ok: true });
		expect(verifyBodyHmac({ header: hex, rawBody: body, secrets: ['cal-secret'], prefix: 'sha256=' })).toEqual({ ok: false, reason: 'malformed_signature' });
	});
});

describe("Twilio's X-Twilio-Signature", () => {
	const token = '2bd9e9638872de601313dc77410d3b23';

	it("matches the vectors of Twilio's own library (twilio-ruby request_validator_spec)", () => {
		const sms: Record<string, string> = {
			ToState: 'CA', FromState: 'CA', AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d', SmsMessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
			Body: 'Orly', From: '+14159354345', FromCity: 'SAN FRANCISCO', SmsStatus: 'received', FromZip: '94107', FromCountry: 'US',
			To: '+14158141819', ToCity: 'SAN FRANCISCO', ToZip: '94105', ToCountry: 'US', ApiVersion: '2010-04-01', SmsSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
		};
		expect(twilioSignature(token, 'http://twiliotests.heroku.com/validate/sms', Object.entries(sms))).toBe('mxeiv65lEe0b8L6LdVw2jgJi8yw=');
		const fields = Object.entries(sms);
		expect(verifyTwilioSignature({ header: 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', url: 'http://twiliotests.heroku.com/validate/sms', fields, authTokens: [token] })).toEqual({ ok: true });
		expect(verifyTwilioSignature({ header: 'mxeiv65lEe0b8L6LdVw2jgJi8yw=', url: 'https://twiliotests.heroku.com/validate/sms', fields, authTokens: [token] })).toEqual({ ok: false, reason: 'signature_mismatch' });
		expect(verifyTwilioSignature({ header: 'nope', url: 'x', fields, authTokens: [token] })).toEqual({ ok: false, reason: 'malformed_signature' });
	});
});

describe('header token and helpers', () => {
	it('token: Bearer allowed, constant-time compare against every secret', () => {
		expect(verifyHeaderToken('Bearer abc-123', ['zzz', 'abc-123'])).toEqual({ ok: true });
		expect(verifyHeaderToken('abc-12', ['abc-123'])).toEqual({ ok: false, reason: 'token_mismatch' });
		expect(verifyHeaderToken(undefined, ['abc-123'])).toEqual({ ok: false, reason: 'missing_token' });
		expect(verifyHeaderToken('abc', [])).toEqual({ ok: false, reason: 'not_configured' });
		expect(safeEqual('a', 'a')).toBe(true);
		expect(safeEqual('a', 'ab')).toBe(false);
		expect(matchesAny('b', ['a', 'b', 'c'])).toBe(true);
	});

	it('secret lists split on commas, spaces and new lines, drop blanks and repeats', () => {
		expect(secretList(' new-secret ', 'old-1, old-2\nold-3,,new-secret', undefined, 42)).toEqual(['new-secret', 'old-1', 'old-2', 'old-3']);
	});

	it('verifyRequest picks the header of each scheme', () => {
		const request = (headers: Record<string, string>): InboundRequest => ({ method: 'POST', rawBody: body, headers, query: {} });
		const cal = createHmac('sha256', 'k').update(body).digest('hex');
		expect(verifyRequest({ scheme: 'calcom', secrets: ['k'] }, request({ 'x-cal-signature-256': cal }), NOW)).toEqual({ ok: true });
		expect(verifyRequest({ scheme: 'calendly', secrets: ['k'] }, request({ 'calendly-webhook-signature': timestampedHeader('k', t, body) }), NOW)).toEqual({ ok: true });
		expect(verifyRequest({ scheme: 'hmac', secrets: ['k'], headerName: 'X-Sig' }, request({ 'x-sig': timestampedHeader('k', t, body) }), NOW)).toEqual({ ok: true });
		expect(verifyRequest({ scheme: 'headerToken', secrets: ['k'] }, request({ 'x-journey-token': 'k' }), NOW)).toEqual({ ok: true });
		expect(verifyRequest({ scheme: 'none', secrets: [] }, request({}), NOW)).toEqual({ ok: true });
	});
});
