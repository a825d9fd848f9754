/**
 * Fuzzing the pure verification + normalisation layer in-process (12,000+ cases, seeded): no input
 * crashes it, nothing passes without a valid signature, every rejection is a 4xx with a reason, and
 * whatever is accepted is well formed.
 */
import fc from 'fast-check';

import { clickUrl } from '../../../lib/tracking';
import {
	prepareGenericEvent,
	prepareTwilio,
	prepareVisitRequest,
	prepareWhatsApp,
	readTrackingRequest,
	timestampedHeader,
	twilioSignature,
	bodyHmacHex,
	type InboundRequest,
	type Rejection,
	type VisitTriggerConfig,
} from '../../../lib/webhooks';
import { formPayloads, mutatedPayload, randomBody, signatureLike } from './fuzz-support';

const SECRET = 'fuzz-secret-0123456789abcdef';
const NOW = Date.UTC(2027, 3, 13, 6, 0, 0);
const RUNS = 1500;
const params = { seed: 20270413, numRuns: RUNS };

const request = (rawBody: Buffer, headers: Record<string, string | undefined> = {}, query: Record<string, unknown> = {}): InboundRequest => ({
	method: 'POST',
	rawBody,
	headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined).map(([k, v]) => [k.toLowerCase(), v])),
	query,
});

function expectGoodRejection(rejection: Rejection) {
	expect(rejection.status).toBeGreaterThanOrEqual(400);
	expect(rejection.status).toBeLessThan(500);
	expect(typeof rejection.body.error).toBe('string');
	const reason = rejection.body.reason ?? rejection.body.fields;
	expect(reason).toBeTruthy();
	for (const field of rejection.body.fields ?? []) {
		expect(field.field).toEqual(expect.any(String));
		expect(field.message.length).toBeGreaterThan(0);
	}
	expect(JSON.stringify(rejection.body)).not.toContain(SECRET);
}

const visitConfigs: VisitTriggerConfig[] = [
	{ format: 'generic', auth: { scheme: 'hmac', secrets: [SECRET] }, maxBodyBytes: 4096, defaultRegion: 'PL' },
	{ format: 'calcom', auth: { scheme: 'calcom', secrets: [SECRET] }, maxBodyBytes: 4096 },
	{ format: 'calendly', auth: { scheme: 'calendly', secrets: [SECRET] }, maxBodyBytes: 4096 },
	{ format: 'generic', auth: { scheme: 'headerToken', secrets: [SECRET] }, maxBodyBytes: 4096 },
];

/** Headers that make a body pass the config's authentication. */
function validAuth(config: VisitTriggerConfig, body: Buffer): Record<string, string> {
	const t = NOW / 1000;
	switch (config.auth.scheme) {
		case 'calcom':
			return { 'x-cal-signature-256': bodyHmacHex(SECRET, body) };
		case 'calendly':
			return { 'calendly-webhook-signature': timestampedHeader(SECRET, t, body) };
		case 'headerToken':
			return { 'x-journey-token': SECRET };
		default:
			return { 'x-journey-signature': timestampedHeader(SECRET, t, body) };
	}
}

describe('fuzz: Visit Trigger verification and normalisation', () => {
	it('random bodies with forged or missing signatures are all refused with 401 (never accepted, never thrown)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...visitConfigs), randomBody, signatureLike, (config, body, signature) => {
				const headers = { 'x-journey-signature': signature, 'x-cal-signature-256': signature, 'calendly-webhook-signature': signature, 'x-journey-token': signature === SECRET ? undefined : signature };
				const result = prepareVisitRequest(request(body, headers), config, NOW);
				expect(result.kind).toBe('rejected');
				if (result.kind === 'rejected') {
					expectGoodRejection(result.rejection);
					if (body.length <= config.maxBodyBytes) expect(result.rejection.status).toBe(401);
				}
			}),
			params,
		);
	});

	it('mutated real payloads, validly signed: accepted events are well formed, everything else is a 400 with fields', () => {
		const seen = { rejected: 0, event: 0, ignored: 0 };
		fc.assert(
			fc.property(fc.constantFrom(...visitConfigs), mutatedPayload, (config, payload) => {
				const body = Buffer.from(JSON.stringify(payload));
				const result = prepareVisitRequest(request(body, validAuth(config, body)), config, NOW);
				seen[result.kind]++;
				if (result.kind === 'rejected') {
					expectGoodRejection(result.rejection);
					expect(result.rejection.status).toBe(400);
				} else if (result.kind === 'event') {
					const { draft, eventId } = result;
					expect(eventId.length).toBeGreaterThan(0);
					expect(draft.visit.id.length).toBeGreaterThan(0);
					for (const instant of [draft.visit.start, draft.visit.end]) {
						if (instant !== undefined) expect(new Date(instant).toISOString()).toBe(instant);
					}
					if (draft.visit.start && draft.visit.end) expect(draft.visit.end >= draft.visit.start).toBe(true);
					if (draft.contact.phone) expect(draft.contact.phone).toMatch(/^\+[1-9]\d{6,14}$/);
				} else expect(result.reason.length).toBeGreaterThan(0);
			}),
			params,
		);
		// Not vacuous: both outcomes occur in bulk.
		expect(seen.event).toBeGreaterThan(RUNS / 10);
		expect(seen.rejected).toBeGreaterThan(RUNS / 10);
	});

	it('a validly signed body changed by one byte is refused', () => {
		fc.assert(
			fc.property(fc.constantFrom(...visitConfigs.slice(0, 3)), mutatedPayload, fc.nat(), fc.integer({ min: 1, max: 255 }), (config, payload, at, delta) => {
				const body = Buffer.from(JSON.stringify(payload));
				const headers = validAuth(config, body);
				const tampered = Buffer.from(body);
				tampered[at % tampered.length] = (tampered[at % tampered.length] + delta) % 256;
				const result = prepareVisitRequest(request(tampered, headers), config, NOW);
				expect(result).toMatchObject({ kind: 'rejected', rejection: { status: 401 } });
			}),
			params,
		);
	});
});

describe('fuzz: Journey Event Trigger verification and parsing', () => {
	const genericConfig = { auth: { scheme: 'hmac' as const, secrets: [SECRET] }, maxBodyBytes: 4096, defaultRegion: 'PL' };
	const twilioUrl = 'https://n8n.example/webhook/abc/journey-events/twilio';

	it('generic events: forged signatures refused; signed random bodies accepted only as well-formed drafts', () => {
		fc.assert(
			fc.property(randomBody, signatureLike, fc.boolean(), (body, signature, sign) => {
				const header = sign ? timestampedHeader(SECRET, NOW / 1000, body) : signature;
				const result = prepareGenericEvent(request(body, { 'x-journey-signature': header }), genericConfig, NOW);
				if (!sign) expect(result.kind).toBe('rejected');
				if (result.kind === 'rejected') expectGoodRejection(result.rejection);
				if (result.kind === 'drafts') for (const draft of result.drafts) expect(draft.externalEventId).toMatch(/^generic:/);
			}),
			params,
		);
	});

	it('Twilio: forged or missing signatures refused; signed mutations parse or get a 400', () => {
		const forms = fc.oneof(
			fc.constantFrom(...formPayloads),
			fc.dictionary(fc.constantFrom('MessageSid', 'From', 'Body', 'MessageStatus', 'SmsStatus', 'ErrorCode', 'To', 'x'), fc.string({ maxLength: 40 })).map((fields) => new URLSearchParams(fields).toString()),
			fc.string({ maxLength: 200 }),
		);
		fc.assert(
			fc.property(forms, signatureLike, fc.boolean(), (form, signature, sign) => {
				const body = Buffer.from(form);
				const header = sign ? twilioSignature(SECRET, twilioUrl, [...new URLSearchParams(form)]) : signature;
				const result = prepareTwilio(request(body, { 'x-twilio-signature': header }), { authTokens: [SECRET], url: twilioUrl, maxBodyBytes: 4096 });
				if (!sign) expect(result).toMatchObject({ kind: 'rejected', rejection: { status: 401 } });
				if (result.kind === 'rejected') expectGoodRejection(result.rejection);
				if (result.kind === 'drafts') for (const draft of result.drafts) expect(draft.externalEventId).toMatch(/^twilio:/);
			}),
			params,
		);
	});

	it('WhatsApp: forged or missing signatures refused; signed mutations parse or get a 400', () => {
		fc.assert(
			fc.property(randomBody, signatureLike, fc.boolean(), (body, signature, sign) => {
				const header = sign ? `sha256=${bodyHmacHex(SECRET, body)}` : signature;
				const result = prepareWhatsApp(request(body, { 'x-hub-signature-256': header }), { appSecrets: [SECRET], maxBodyBytes: 4096 });
				if (!sign) expect(result).toMatchObject({ kind: 'rejected' });
				if (result.kind === 'rejected') expectGoodRejection(result.rejection);
				if (result.kind === 'drafts') for (const draft of result.drafts) expect(draft.externalEventId).toMatch(/^whatsapp:/);
			}),
			params,
		);
	});

	it('tracking links: random or tampered tokens and URLs are refused with 4xx', () => {
		const genuine = new URL(clickUrl({ baseUrl: 'https://n8n.example/webhook/abc/e', secret: SECRET, messageId: 'msg-1' }, 'https://clinic.example/a'));
		fc.assert(
			fc.property(fc.constantFrom('open' as const, 'click' as const, 'unsubscribe' as const), fc.option(fc.string({ maxLength: 80 })), fc.option(fc.webUrl()), fc.boolean(), (endpoint, token, url, keepToken) => {
				const query: Record<string, unknown> = {};
				const t = keepToken ? genuine.searchParams.get('t') : token;
				if (t !== null) query.t = t;
				if (url !== null) query.u = url;
				const result = readTrackingRequest(endpoint, request(Buffer.alloc(0), {}, query), SECRET);
				const legit = endpoint === 'click' && keepToken && url === 'https://clinic.example/a';
				if (!legit) {
					expect(result.ok).toBe(false);
					if (!result.ok) expectGoodRejection(result.rejection);
				}
			}),
			params,
		);
	});
});
