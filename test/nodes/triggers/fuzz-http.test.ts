/**
 * A few hundred random and mutated requests over real HTTP to both triggers (seeded): the server
 * never fails (no 5xx), every refusal is a 4xx with a reason, and only validly signed requests
 * ever start an execution. (The bulk of the fuzzing runs in-process: test/lib/webhooks/fuzz.test.ts.)
 */
import fc from 'fast-check';

import type { JourneyHarness } from '../../harness';
import { closeAllStores } from '../../../lib/store';
import { bodyHmacHex, timestampedHeader, twilioSignature } from '../../../lib/webhooks';
import { formPayloads, mutatedPayload, randomBody, signatureLike } from '../../lib/webhooks/fuzz-support';
import { eventHarness, META_APP_SECRET, TWILIO_TOKEN, type EventHarness } from './event-support';
import { fixture, payload, SECRET, send, triggerHarness, withParameters, type Reply, type TriggerHarness } from './support';

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'];
const ALL_VISIT = ['scheduled', 'rescheduled', 'cancelled', 'attended', 'no-show', 'completed'];
const ALL_EVENTS = ['replied', 'inbound', 'opt_out', 'survey_completed', 'payment_received', 'attendance_marked', 'delivered', 'bounced', 'opened', 'clicked'];

interface Case {
	body: Buffer;
	signed: boolean;
	signature: string | undefined;
	contentType: string;
}

const cases = (count: number, seed: number, body: fc.Arbitrary<Buffer>): Case[] =>
	fc.sample(
		fc.record({ body, signed: fc.boolean(), signature: signatureLike, contentType: fc.constantFrom(...CONTENT_TYPES) }),
		{ seed, numRuns: count },
	);

const mixedBody = fc.oneof(randomBody, mutatedPayload.map((value) => Buffer.from(JSON.stringify(value))));

/** Genuine generic bookings with fresh IDs, so some requests are new events that start a run. */
const freshBooking = fc.tuple(fc.uuid(), fc.integer({ min: 1, max: 9999 })).map(([id, visit]) => {
	const body = payload('generic-scheduled') as { event: { id: string }; visit: { id: string } };
	body.event.id = id;
	body.visit.id = `V-${visit}`;
	return Buffer.from(JSON.stringify(body));
});

const seenRuns = new WeakMap<JourneyHarness, number>();

/** Executions started by the request just answered (each request starts at most one). */
async function startedRuns(h: JourneyHarness, _reply: Reply): Promise<number> {
	await h.settled();
	const before = seenRuns.get(h) ?? 0;
	seenRuns.set(h, h.runs.length);
	return h.runs.length - before;
}

function checkReply(reply: Reply) {
	expect(reply.status).toBeLessThan(500);
	if (reply.status >= 400) {
		expect(reply.body).toEqual(expect.any(Object));
		// n8n's own 422 (unparsable JSON) says why in "message"; the triggers in reason/fields.
		const reason = reply.body.reason ?? reply.body.fields ?? reply.body.message;
		expect(reason).toBeTruthy();
	}
}

describe('fuzz over HTTP', () => {
	afterEach(async () => {
		await closeAllStores();
	});

	it('Visit Trigger: 150 requests', async () => {
		const t: TriggerHarness = await triggerHarness();
		const workflow = withParameters(fixture('visit-trigger'), 'Visit Trigger', { events: ALL_VISIT });
		t.h.activate(workflow);
		const url = t.h.webhookUrl(workflow, 'Visit Trigger');
		let startedBySigned = 0;
		try {
			for (const c of cases(150, 4242, fc.oneof(mixedBody, freshBooking))) {
				const at = Math.floor(t.h.now().getTime() / 1000);
				const signature = c.signed ? timestampedHeader(SECRET, at, c.body) : c.signature;
				const reply = await send(url, { method: 'POST', headers: { 'content-type': c.contentType, ...(signature ? { 'x-journey-signature': signature } : {}) }, body: c.body });
				checkReply(reply);
				if (!c.signed && reply.status !== 422) expect(reply.status).toBe(401);
				expect(await startedRuns(t.h, reply)).toBe(reply.body?.started === true ? 1 : 0);
				if (reply.body?.started === true) {
					expect(c.signed).toBe(true);
					startedBySigned++;
				}
			}
			expect(startedBySigned).toBeGreaterThan(0);
			expect(t.h.runs.every((run) => run.status === 'success')).toBe(true);
		} finally {
			await t.h.dispose();
		}
	});

	it('Journey Event Trigger: 200 requests across the generic, Twilio, WhatsApp and tracking endpoints', async () => {
		const t: EventHarness = await eventHarness({ startOn: ALL_EVENTS });
		const forms = fc.oneof(fc.constantFrom(...formPayloads), fc.string({ maxLength: 200 })).map((text) => Buffer.from(text));
		const endpoints = [
			{ path: '', body: mixedBody, sign: (body: Buffer, at: number) => ({ 'x-journey-signature': timestampedHeader(SECRET, at, body) }), header: 'x-journey-signature' },
			{ path: '/twilio', body: forms, sign: (body: Buffer) => ({ 'x-twilio-signature': twilioSignature(TWILIO_TOKEN, `${t.url}/twilio`, [...new URLSearchParams(body.toString())]) }), header: 'x-twilio-signature' },
			{ path: '/whatsapp', body: mixedBody, sign: (body: Buffer) => ({ 'x-hub-signature-256': `sha256=${bodyHmacHex(META_APP_SECRET, body)}` }), header: 'x-hub-signature-256' },
		];
		try {
			let startedBySigned = 0;
			for (const [index, endpoint] of endpoints.entries()) {
				for (const c of cases(50, 777 + index, endpoint.body)) {
					const headers: Record<string, string> = { 'content-type': c.contentType };
					if (c.signed) Object.assign(headers, endpoint.sign(c.body, Math.floor(t.h.now().getTime() / 1000)));
					else if (c.signature) headers[endpoint.header] = c.signature;
					const reply = await send(`${t.url}${endpoint.path}`, { method: 'POST', headers, body: c.body });
					checkReply(reply);
					if (!c.signed && reply.status !== 422) expect(reply.status).toBe(401);
					const started = await startedRuns(t.h, reply);
					if (started) expect(c.signed).toBe(true);
					startedBySigned += started;
				}
			}
			const queries = fc.sample(fc.record({ endpoint: fc.constantFrom('open', 'click', 'unsubscribe'), t: fc.string({ maxLength: 60 }), u: fc.webUrl() }), { seed: 99, numRuns: 50 });
			for (const q of queries) {
				const reply = await send(`${t.url}/${q.endpoint}?t=${encodeURIComponent(q.t)}&u=${encodeURIComponent(q.u)}`, { method: q.endpoint === 'unsubscribe' ? 'POST' : 'GET' });
				checkReply(reply);
				expect(reply.status).toBeGreaterThanOrEqual(400);
			}
			expect(startedBySigned).toBeGreaterThan(0);
			expect(t.h.runs).toHaveLength(startedBySigned);
		} finally {
			await t.h.dispose();
		}
	});
});
