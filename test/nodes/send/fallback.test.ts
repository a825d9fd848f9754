/**
 * Each way the node moves to the next channel, against real local servers that speak Twilio's,
 * SMSAPI's and WhatsApp Cloud API's request and error formats, and a real SMTP server.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { JourneyHarness } from '../../harness';
import { FakeProviders, SMSAPI_TOKEN, TWILIO_SID, TWILIO_TOKEN, WHATSAPP_PHONE_ID, WHATSAPP_TOKEN, errors } from '../../lib/providers/support/fake-providers';
import { SmtpCapture } from '../../lib/providers/support/smtp-capture';
import { closeSmtpTransports } from '../../../lib/providers';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { SEND_NODE, cred, journeyItem, messageOf, sendWorkflow, storeAt, tempSqlitePath } from './support';

const { startSmsSink } = require('../../../scripts/sinks/sms-sink.cjs') as {
	startSmsSink(options: { dir: string; port: number }): Promise<{ port: number; close(): Promise<void> }>;
};

const NOW = '2027-04-13T08:00:00Z'; // Tuesday 10:00 in Warsaw

async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('Channel Preference Send fallbacks', () => {
	let providers: FakeProviders;
	let smtp: SmtpCapture;
	let harness: JourneyHarness;
	let store: JourneyStore;
	let sink: { close(): Promise<void> };
	let sinkDir: string;
	let sinkPort: number;

	beforeAll(async () => {
		providers = await FakeProviders.start();
		sinkPort = await freePort();
		sinkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-sms-sink-'));
		sink = await startSmsSink({ dir: sinkDir, port: sinkPort });
		smtp = await SmtpCapture.start({ refuse: (address) => (address.startsWith('gone@') ? { code: 550, message: '5.1.1 Mailbox unknown' } : undefined) });
	});

	afterAll(async () => {
		await closeSmtpTransports();
		await Promise.all([providers.close(), smtp.close(), sink.close()]);
	});

	beforeEach(async () => {
		providers.requests.length = 0;
		smtp.mails.length = 0;
		for (const file of fs.readdirSync(sinkDir)) fs.rmSync(path.join(sinkDir, file));
		const sqlitePath = tempSqlitePath();
		harness = await JourneyHarness.create({
			start: NOW,
			credentials: {
				journeyStoreApi: { type: 'sqlite', sqlitePath },
				smtp: smtp.credential(),
				twilioApi: { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
				smsapiApi: { token: SMSAPI_TOKEN, baseUrl: providers.url },
				whatsAppCloudApi: { accessToken: WHATSAPP_TOKEN, phoneNumberId: WHATSAPP_PHONE_ID, apiVersion: 'v21.0', baseUrl: providers.url },
				httpSmsApi: { url: `http://127.0.0.1:${sinkPort}/sms`, method: 'POST' },
			},
		});
		store = await storeAt(sqlitePath);
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	const smsThenEmail = (extra: Record<string, unknown> = {}) =>
		sendWorkflow(
			{
				channelPolicy: 'preferSms',
				smsProvider: 'twilio',
				smsFrom: '+48600000000',
				emailProvider: 'smtp',
				emailFrom: 'Smile Dental <hello@smile-dental.example>',
				options: { twilioBaseUrl: providers.url },
				...extra,
			},
			{ smtp: cred('SMTP'), twilioApi: cred('Twilio') },
		);

	const ordered = (extra: Record<string, unknown> = {}) =>
		sendWorkflow(
			{
				channelPolicy: 'ordered',
				whatsAppProvider: 'whatsAppCloud',
				smsProvider: 'smsapi',
				smsFrom: 'SMILE',
				emailProvider: 'smtp',
				emailFrom: 'hello@smile-dental.example',
				...extra,
			},
			{ smtp: cred('SMTP'), smsapiApi: cred('SMSAPI'), whatsAppCloudApi: cred('WhatsApp') },
		);

	async function runOne(workflow: ReturnType<typeof sendWorkflow>, item = journeyItem()) {
		const run = await harness.start(workflow, { items: [{ json: item }] });
		if (run.status !== 'success') throw new Error(run.errorMessage);
		return messageOf(harness.output(run, SEND_NODE, 0)[0]);
	}

	it('sends SMS through Twilio when the phone is valid (form-encoded, Basic auth)', async () => {
		const message = await runOne(smsThenEmail());
		expect(message).toMatchObject({ status: 'sent', channel: 'sms', provider: 'twilio' });
		expect(message.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
		const [request] = providers.sent('twilio');
		expect(request.path).toBe(`/2010-04-01/Accounts/${TWILIO_SID}/Messages.json`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.body).toEqual({ To: '+48601234567', From: '+48600000000', Body: message.text });
		expect(smtp.mails).toHaveLength(0);
	});

	it('emails instead when the phone is missing or invalid (prefer SMS)', async () => {
		const message = await runOne(smsThenEmail(), journeyItem({ contact: { phone: '12' } }));
		expect(message).toMatchObject({ status: 'sent', channel: 'email' });
		expect(message.trace[0]).toEqual({ channel: 'sms', outcome: 'skipped', reason: 'phone: no country code: write it as +48… or set a default region' });
		expect(providers.sent('twilio')).toHaveLength(0);
		expect(smtp.mails.map((m) => m.to)).toEqual([['anna@example.com']]);
	});

	it('emails instead when Twilio rejects the number (21211), recording the failed SMS attempt', async () => {
		providers.script('twilio', '+48601234567', errors.twilioInvalidTo('+48601234567'));
		const message = await runOne(smsThenEmail());
		expect(message).toMatchObject({ status: 'sent', channel: 'email', provider: 'smtp' });
		expect(message.trace.map((s: { channel: string; outcome: string }) => `${s.channel}:${s.outcome}`)).toEqual(['sms:chosen', 'sms:rejected', 'email:chosen', 'email:sent']);
		expect(message.trace[1].reason).toBe("twilio: The 'To' number +48601234567 is not a valid phone number. (error 21211)");
		expect(smtp.mails).toHaveLength(1);
		const contact = (await store.findContact({ externalId: 'patient-1' }))!;
		const smsAttempt = await store.findLatestMessage({ contactId: contact.id, channel: 'sms' });
		expect(smsAttempt).toMatchObject({ status: 'failed', idempotencyKey: message.idempotencyKey });
		expect(smsAttempt!.error).toContain('21211');
		expect(await store.getMessage(message.messageId)).toMatchObject({ status: 'sent', channel: 'email', idempotencyKey: `${message.idempotencyKey}#2` });
	});

	it('emails instead when the contact opted out of SMS, and skips when every channel is opted out', async () => {
		const { contact } = await store.upsertContact({ externalId: 'patient-1', phone: '+48601234567', email: 'anna@example.com' });
		await store.setConsent({ contactId: contact.id, channel: 'sms', purpose: 'service', status: 'revoked', source: 'sms-reply' });
		const first = await runOne(smsThenEmail({ step: 'one' }));
		expect(first).toMatchObject({ status: 'sent', channel: 'email' });
		expect(first.trace[0]).toEqual({ channel: 'sms', outcome: 'skipped', reason: 'opted out of service messages' });

		await store.setConsent({ contactId: contact.id, channel: 'email', purpose: 'service', status: 'revoked', source: 'unsubscribe' });
		const second = await runOne(smsThenEmail({ step: 'two' }));
		expect(second.status).toBe('skipped: opted out');
		expect(providers.sent('twilio')).toHaveLength(0);
		expect(smtp.mails).toHaveLength(1);
		expect(await store.getMessage(second.messageId)).toMatchObject({ status: 'suppressed' });
	});

	it('does not send marketing without recorded consent, unless consent is collected elsewhere', async () => {
		const refused = await runOne(smsThenEmail({ purpose: 'marketing', step: 'offer', template: 'recall' }));
		expect(refused.status).toBe('skipped: no consent');
		expect(refused.trace).toEqual([
			{ channel: 'sms', outcome: 'skipped', reason: 'no recorded marketing consent' },
			{ channel: 'email', outcome: 'skipped', reason: 'no recorded marketing consent' },
		]);
		expect(providers.sent('twilio')).toHaveLength(0);

		const allowed = await runOne(
			smsThenEmail({ purpose: 'marketing', step: 'offer-2', template: 'recall', options: { twilioBaseUrl: providers.url, consentCollectedElsewhere: true } }),
		);
		expect(allowed).toMatchObject({ status: 'sent', channel: 'sms' });
	});

	it('falls back from WhatsApp to SMS when the 24-hour window is closed and no template is set', async () => {
		const message = await runOne(ordered());
		expect(message).toMatchObject({ status: 'sent', channel: 'sms', provider: 'smsapi' });
		expect(message.trace[0]).toEqual({ channel: 'whatsapp', outcome: 'skipped', reason: 'outside the 24-hour WhatsApp window and no approved template set' });
		expect(providers.sent('whatsapp')).toHaveLength(0);
		const [request] = providers.sent('smsapi');
		expect(request.headers.authorization).toBe(`Bearer ${SMSAPI_TOKEN}`);
		expect(request.body).toMatchObject({ to: '48601234567', from: 'SMILE', format: 'json', encoding: 'utf-8', message: message.text, check_idx: '1' });
	});

	it('sends WhatsApp free text inside the window and the approved template outside it', async () => {
		const { contact } = await store.upsertContact({ externalId: 'patient-1', phone: '+48601234567' });
		await store.recordEvent({ contactId: contact.id, type: 'inbound', channel: 'whatsapp', occurredAt: '2027-04-12T12:00:00Z' });
		const inside = await runOne(ordered({ step: 'inside' }));
		expect(inside).toMatchObject({ status: 'sent', channel: 'whatsapp', whatsApp: { type: 'text' } });
		expect(providers.sent('whatsapp')[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '48601234567',
			type: 'text',
			text: { preview_url: false, body: inside.text },
		});

		harness.clock.advanceTo(new Date('2027-04-14T08:00:00Z'));
		const parameters = { parameter: ['{name}', '{clinic}', '{date}', '{time}'].map((value) => ({ value })) };
		const outside = await runOne(ordered({ step: 'outside', whatsAppTemplate: { name: 'visit_reminder', parameters } }));
		expect(outside).toMatchObject({ status: 'sent', channel: 'whatsapp', whatsApp: { type: 'template', template: 'visit_reminder', language: 'pl' } });
		const request = providers.sent('whatsapp')[1];
		expect(request.path).toBe(`/v21.0/${WHATSAPP_PHONE_ID}/messages`);
		expect(request.body.template).toEqual({
			name: 'visit_reminder',
			language: { code: 'pl' },
			components: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', text: 'Anna' },
						{ type: 'text', text: 'Smile Dental, Warszawa' },
						{ type: 'text', text: 'czwartek, 15 kwietnia' },
						{ type: 'text', text: '10:30' },
					],
				},
			],
		});
	});

	it('walks WhatsApp → SMS → email when WhatsApp (131026) and SMSAPI (13) both reject the recipient', async () => {
		providers.script('whatsapp', '48601234567', errors.whatsAppUndeliverable());
		providers.script('smsapi', '48601234567', errors.smsapiNoValidNumbers());
		const message = await runOne(ordered({ whatsAppTemplate: { name: 'visit_reminder' } }));
		expect(message).toMatchObject({ status: 'sent', channel: 'email' });
		expect(message.trace.map((s: { channel: string; outcome: string }) => `${s.channel}:${s.outcome}`)).toEqual([
			'whatsapp:chosen',
			'whatsapp:rejected',
			'sms:chosen',
			'sms:rejected',
			'email:chosen',
			'email:sent',
		]);
		expect(message.trace[1].reason).toContain('(error 131026)');
		expect(message.trace[3].reason).toBe('smsapi: No correct phone numbers (error 13)');
		expect(smtp.mails).toHaveLength(1);
	});

	it('reports "no usable channel" when the only channel rejects the recipient (SMTP 550)', async () => {
		const message = await runOne(
			sendWorkflow({ channelPolicy: 'emailOnly', emailProvider: 'smtp', emailFrom: 'hello@smile-dental.example' }, { smtp: cred('SMTP') }),
			journeyItem({ contact: { email: 'gone@example.com' } }),
		);
		expect(message.status).toBe('skipped: no usable channel');
		expect(message.trace[1]).toMatchObject({ channel: 'email', outcome: 'rejected' });
		expect(message.trace[1].reason).toContain('5.1.1 Mailbox unknown');
	});

	it('sends through a generic HTTP gateway: the local SMS sink accepts it', async () => {
		const workflow = sendWorkflow({ channelPolicy: 'smsOnly', smsProvider: 'http', smsFrom: 'SMILE' }, { httpSmsApi: cred('HTTP SMS') });
		const message = await runOne(workflow);
		expect(message).toMatchObject({ status: 'sent', channel: 'sms', provider: 'http' });
		const files = fs.readdirSync(sinkDir);
		expect(files).toHaveLength(1);
		const stored = JSON.parse(fs.readFileSync(path.join(sinkDir, files[0]), 'utf8'));
		expect(stored.body).toEqual({ to: '+48601234567', text: message.text, from: 'SMILE' });
		expect(message.providerMessageId).toBe(stored.id);
	});
});
