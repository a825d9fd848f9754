/** Parsing of engagement webhooks: Twilio forms, WhatsApp Cloud API, generic JSON, Form Trigger output, tracking links. */
import fs from 'node:fs';
import path from 'node:path';

import { clickUrl, openPixelUrl, unsubscribeUrl } from '../../../lib/tracking';
import { messageContainsUrl, parseGenericEvent, parseTwilio, parseWhatsApp, readTrackingRequest, verifyWhatsAppHandshake, type InboundRequest } from '../../../lib/webhooks';

const text = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/triggers/payloads', name), 'utf8').trim();
const form = (name: string) => Object.fromEntries(new URLSearchParams(text(name)));
const get = (url: string): InboundRequest => ({ method: 'GET', rawBody: Buffer.alloc(0), headers: {}, query: Object.fromEntries(new URL(url).searchParams) });

describe('Twilio', () => {
	it('an incoming SMS', () => {
		expect(parseTwilio(form('twilio-inbound-sms.txt'))).toEqual({
			kind: 'drafts',
			drafts: [{ kind: 'inbound', source: 'twilio', externalEventId: 'twilio:SM3f1e2d3c4b5a69788796a5b4c3d2e1f0', channel: 'sms', from: '+48601234567', text: 'Tak, będę' }],
		});
	});

	it('WhatsApp through Twilio, and status callbacks', () => {
		const whatsapp = { ...form('twilio-inbound-sms.txt'), From: 'whatsapp:+48601234567', ButtonPayload: 'YES' };
		expect(parseTwilio(whatsapp)).toMatchObject({ drafts: [{ channel: 'whatsapp', from: '+48601234567', buttonPayload: 'YES' }] });
		expect(parseTwilio(form('twilio-status-failed.txt'))).toMatchObject({ drafts: [{ kind: 'status', status: 'failed', providerMessageId: 'SMaaaabbbbccccddddeeeeffff00001111', error: 'twilio error 30003' }] });
		expect(parseTwilio({ MessageSid: 'SM1', MessageStatus: 'sent' })).toMatchObject({ kind: 'ignored' });
		expect(parseTwilio({ MessageSid: 'SM1', From: 'anonymous', Body: 'x' })).toMatchObject({ kind: 'invalid', fields: [{ field: 'From' }] });
		expect(parseTwilio({ Body: 'x' })).toMatchObject({ kind: 'invalid', fields: [{ field: 'MessageSid' }] });
	});
});

describe('WhatsApp Cloud API', () => {
	it('messages and statuses of one delivery', () => {
		const result = parseWhatsApp(JSON.parse(text('whatsapp-messages.json')));
		expect(result).toMatchObject({
			kind: 'drafts',
			drafts: [
				{ kind: 'inbound', channel: 'whatsapp', from: '+972525551234', text: 'כן, אגיע', profileName: 'Dana Levi', occurredAt: new Date(1807596000_000).toISOString() },
				{ kind: 'status', status: 'read', provider: 'whatsapp' },
			],
		});
	});

	it('interactive replies, failures, and what is not for us', () => {
		const delivery = (value: object) => ({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value }] }] });
		expect(parseWhatsApp(delivery({ messages: [{ from: '48601234567', id: 'w1', type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'no', title: 'Nie' } } }] }))).toMatchObject({
			drafts: [{ text: 'Nie', buttonPayload: 'no' }],
		});
		expect(parseWhatsApp(delivery({ statuses: [{ id: 'w2', status: 'failed', errors: [{ code: 131026, title: 'Message undeliverable' }] }] }))).toMatchObject({
			drafts: [{ status: 'failed', error: 'whatsapp error 131026' }],
		});
		expect(parseWhatsApp({ object: 'page', entry: [] })).toMatchObject({ kind: 'invalid' });
		expect(parseWhatsApp(delivery({}))).toMatchObject({ kind: 'ignored' });
	});

	it("Meta's verification handshake answers the challenge only with the verify token", () => {
		const request = (token: string, mode = 'subscribe') => get(`https://x/whatsapp?hub.mode=${mode}&hub.verify_token=${token}&hub.challenge=1158201444`);
		expect(verifyWhatsAppHandshake(request('tok-1'), ['tok-1'])).toEqual({ ok: true, challenge: '1158201444' });
		expect(verifyWhatsAppHandshake(request('tok-2'), ['tok-1'])).toMatchObject({ ok: false, rejection: { status: 403, body: { reason: 'token_mismatch' } } });
		expect(verifyWhatsAppHandshake(request('tok-1', 'unsubscribe'), ['tok-1'])).toMatchObject({ ok: false, rejection: { status: 400 } });
		expect(verifyWhatsAppHandshake(request('tok-1'), [])).toMatchObject({ ok: false, rejection: { status: 403, body: { reason: 'not_configured' } } });
	});
});

describe('generic JSON and the n8n Form Trigger', () => {
	const raw = Buffer.from('{}');

	it('events without an ID get one from the body, so a resend is a duplicate', () => {
		const a = parseGenericEvent({ type: 'survey', contact: { phone: '+48601234567' } }, Buffer.from('a'));
		const b = parseGenericEvent({ type: 'survey', contact: { phone: '+48601234567' } }, Buffer.from('a'));
		expect(a).toEqual(b);
		expect(a).toMatchObject({ drafts: [{ kind: 'event', type: 'survey_completed', externalEventId: expect.stringMatching(/^generic:body-[0-9a-f]{32}$/), contact: { phone: '+48601234567' } }] });
	});

	it('a Form Trigger submission is a survey; contact keys come from fields, the rest is data', () => {
		const result = parseGenericEvent({ 'E-mail Address': 'Anna@Example.com', Rating: 4, submittedAt: '2027-04-16T09:00:00+02:00', formMode: 'production' }, raw);
		expect(result).toMatchObject({
			drafts: [{ source: 'form', type: 'survey_completed', contact: { email: 'anna@example.com' }, payload: { Rating: 4, submittedAt: '2027-04-16T09:00:00+02:00' }, occurredAt: '2027-04-16T07:00:00.000Z' }],
		});
		expect(parseGenericEvent({ Rating: 4, submittedAt: 'x', formMode: 'test' }, raw)).toMatchObject({ kind: 'invalid', fields: [{ field: 'form' }] });
	});

	it('refuses unknown types, bad channels and oversized data', () => {
		expect(parseGenericEvent({ type: 'teleported' }, raw)).toMatchObject({ kind: 'invalid', fields: [{ field: 'type' }] });
		expect(parseGenericEvent({ type: 'payment', contact: { id: 'P' }, channel: 'fax' }, raw)).toMatchObject({ kind: 'invalid', fields: [{ field: 'channel' }] });
		expect(parseGenericEvent({ type: 'payment', contact: { id: 'P' }, data: { blob: 'x'.repeat(17_000) } }, raw)).toMatchObject({ kind: 'invalid', fields: [{ field: 'data' }] });
	});
});

describe('tracking links', () => {
	const secret = 'tracking-secret-0123456789';
	const ctx = { baseUrl: 'https://n8n.example/webhook/abc/journey-events', secret, messageId: 'msg-1' };

	it('reads genuine open, click and unsubscribe links', () => {
		expect(readTrackingRequest('open', get(openPixelUrl(ctx)), secret)).toEqual({ ok: true, value: { kind: 'open', messageId: 'msg-1' } });
		expect(readTrackingRequest('click', get(clickUrl(ctx, 'https://clinic.example/a?b=1')), secret)).toEqual({ ok: true, value: { kind: 'click', messageId: 'msg-1', url: 'https://clinic.example/a?b=1' } });
		expect(readTrackingRequest('unsubscribe', get(unsubscribeUrl(ctx)), secret)).toEqual({ ok: true, value: { kind: 'unsubscribe', messageId: 'msg-1' } });
	});

	it('a token only works for its own purpose and URL', () => {
		expect(readTrackingRequest('unsubscribe', get(openPixelUrl(ctx)), secret)).toMatchObject({ ok: false, rejection: { status: 401 } });
		expect(readTrackingRequest('open', get(unsubscribeUrl(ctx)), secret)).toMatchObject({ ok: false, rejection: { status: 401 } });
		expect(readTrackingRequest('open', get('https://x/open'), secret)).toMatchObject({ ok: false, rejection: { status: 400, body: { reason: 'missing_token' } } });
	});

	it('a URL counts as in the message when it appears plain, HTML-escaped or inside a tracked link', () => {
		const url = 'https://clinic.example/a?b=1&c=2';
		expect(messageContainsUrl(`see ${url}`, url)).toBe(true);
		expect(messageContainsUrl('<a href="https://clinic.example/a?b=1&amp;c=2">', url)).toBe(true);
		expect(messageContainsUrl(`https://n8n/x/click?t=1&u=${encodeURIComponent(url)}`, url)).toBe(true);
		expect(messageContainsUrl('nothing here', url)).toBe(false);
		expect(messageContainsUrl(null, url)).toBe(false);
	});
});
