/**
 * SMS through the Journey Event Trigger over HTTP: Twilio's signed form posts (replies, STOP,
 * status callbacks) and generic JSON replies in English, Polish, Hebrew and Russian.
 */
import { closeAllStores } from '../../../lib/store';
import { twilioSignature } from '../../../lib/webhooks';
import { eventHarness, postTwilio, sentMessage, TWILIO_TOKEN, type EventHarness } from './event-support';
import { jsonOf, payloadText, postSigned, send } from './support';

describe('Journey Event Trigger: SMS', () => {
	let t: EventHarness;

	beforeEach(async () => {
		t = await eventHarness();
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	const twilioUrl = () => `${t.url}/twilio`;
	const emitted = async () => {
		await t.h.settled();
		return t.h.runs.flatMap((run) => jsonOf(t.h.output(run, 'Event')));
	};

	it('a Twilio reply "Tak, będę" is a yes to our last SMS, linked to its message and visit', async () => {
		const { message, contactStoreId, visitStoreId } = await sentMessage(t.store, {
			contactId: 'P-1001', phone: '+48601234567', channel: 'sms', provider: 'twilio', providerMessageId: 'SM0001', visitExternalId: 'V-2001',
		});
		const reply = await postTwilio(twilioUrl(), payloadText('twilio-inbound-sms.txt').trim());
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toMatch(/text\/xml/);
		expect(reply.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');

		const [item] = await emitted();
		expect(item).toMatchObject({
			event: { type: 'replied', intent: 'yes', channel: 'sms', source: 'twilio', externalId: 'twilio:SM3f1e2d3c4b5a69788796a5b4c3d2e1f0' },
			contact: { id: 'P-1001', phone: '+48601234567' },
			visit: { id: 'V-2001', version: 1 },
			message: { id: message.id, channel: 'sms' },
			text: 'Tak, będę',
			data: { text: 'Tak, będę', matched: 'tak', language: 'pl' },
		});
		const events = await t.store.listEvents({ contactId: contactStoreId });
		expect(events).toEqual([expect.objectContaining({ type: 'replied', intent: 'yes', messageId: message.id, visitId: visitStoreId, channel: 'sms' })]);
	});

	it('Twilio retries the same message: recorded once, one execution', async () => {
		await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms' });
		const form = payloadText('twilio-inbound-sms.txt').trim();
		await postTwilio(twilioUrl(), form);
		expect((await postTwilio(twilioUrl(), form)).status).toBe(200);
		expect(await emitted()).toHaveLength(1);
	});

	it('STOP revokes SMS consent for service and marketing (source sms-reply) and records an opt-out', async () => {
		const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms' });
		const form = payloadText('twilio-inbound-sms.txt').trim().replace('Body=Tak%2C+b%C4%99d%C4%99', 'Body=STOP');
		expect((await postTwilio(twilioUrl(), form)).status).toBe(200);
		const items = await emitted();
		expect(items.map((item) => [item.event.type, item.event.intent])).toEqual([['replied', 'stop'], ['opt_out', 'stop']]);
		for (const purpose of ['service', 'marketing'] as const) {
			expect(await t.store.getConsent(contactStoreId, 'sms', purpose)).toMatchObject({ status: 'revoked', source: 'sms-reply' });
		}
		expect(await t.store.getConsent(contactStoreId, 'email', 'marketing')).toMatchObject({ status: 'unknown' });
	});

	it('a message from an unknown number creates the contact and records it as inbound', async () => {
		const form = payloadText('twilio-inbound-sms.txt').trim().replace('From=%2B48601234567', 'From=%2B48605000111').replace('Body=Tak%2C+b%C4%99d%C4%99', 'Body=Jaki+jest+adres%3F');
		await postTwilio(twilioUrl(), form);
		const [item] = await emitted();
		expect(item).toMatchObject({ event: { type: 'inbound', intent: 'unknown' }, contact: { id: null, phone: '+48605000111' }, message: null, visit: null });
	});

	it('refuses Twilio requests with a wrong or missing signature and records nothing', async () => {
		const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms' });
		const form = payloadText('twilio-inbound-sms.txt').trim();
		const forged = await postTwilio(twilioUrl(), form, 'not-the-auth-token-000000000000');
		expect(forged).toMatchObject({ status: 401, body: { error: 'unauthorized', reason: 'signature_mismatch' } });
		const unsigned = await fetch(twilioUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
		expect(unsigned.status).toBe(401);
		// Signed for another URL (e.g. a proxy that rewrites it, or a copy sent elsewhere): refused too.
		const signature = twilioSignature(TWILIO_TOKEN, `${twilioUrl()}?retry=1`, [...new URLSearchParams(form)]);
		const moved = await send(twilioUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: form });
		expect(moved.status).toBe(401);
		expect(await t.store.listEvents({ contactId: contactStoreId })).toHaveLength(0);
		expect(await emitted()).toHaveLength(0);
	});

	it('status callbacks: delivered is recorded; undelivered marks the message failed and records a bounce', async () => {
		const { message, contactStoreId } = await sentMessage(t.store, {
			contactId: 'P-1001', phone: '+48601234567', channel: 'sms', provider: 'twilio', providerMessageId: 'SMaaaabbbbccccddddeeeeffff00001111',
		});
		const failed = payloadText('twilio-status-failed.txt').trim();
		const delivered = failed.replace(/undelivered/g, 'delivered').replace('&ErrorCode=30003', '');
		expect((await postTwilio(twilioUrl(), delivered)).status).toBe(200);
		expect((await postTwilio(twilioUrl(), failed)).status).toBe(200);
		const events = await t.store.listEvents({ contactId: contactStoreId, messageId: message.id });
		expect(events.map((event) => [event.type, event.intent, event.payload])).toEqual([
			['delivered', 'delivered', { status: 'delivered' }],
			['bounced', 'failed', { status: 'failed', error: 'twilio error 30003' }],
		]);
		expect(await t.store.getMessage(message.id)).toMatchObject({ status: 'failed', error: 'twilio error 30003' });
		// Delivery reports are not in "Start Workflow On" by default: recorded only.
		expect(await emitted()).toHaveLength(0);
	});

	it('a status callback for a message this package did not send is acknowledged and ignored', async () => {
		const reply = await postTwilio(twilioUrl(), payloadText('twilio-status-failed.txt').trim());
		expect(reply.status).toBe(200);
		expect(await emitted()).toHaveLength(0);
	});

	it.each([
		['en', 'Yes, see you then', 'yes'],
		['pl', 'Nie, nie dam rady', 'no'],
		['he', 'לא', 'no'],
		['ru', 'Да', 'yes'],
		['en', 'HELP', 'help'],
		['ru', 'стоп', 'stop'],
	])('a generic JSON reply (%s) "%s" is parsed as %s', async (_language, text, intent) => {
		await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms', provider: 'smsapi' });
		const body = JSON.stringify({ type: 'inbound', id: `sms-${intent}`, channel: 'sms', from: '601 234 567', text });
		const reply = await postSigned(t.h, t.url, body);
		expect(reply.status).toBe(200);
		expect(reply.body.recorded[0]).toMatchObject({ type: 'replied', intent });
		const [item] = await emitted();
		expect(item.event).toMatchObject({ type: 'replied', intent, source: 'generic', externalId: `generic:sms-${intent}` });
	});

	it('a reply long after our last message is not linked to it (reply window)', async () => {
		await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms', sentAt: '2027-03-01T09:00:00Z' });
		await postSigned(t.h, t.url, JSON.stringify({ type: 'inbound', id: 'late', from: '+48601234567', text: 'Tak' }));
		const [item] = await emitted();
		expect(item).toMatchObject({ event: { type: 'inbound', intent: 'yes' }, message: null });
	});
});
