/** The Journey Event Trigger in the harness, with every sender's secret injected, and store seeding. */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import type { Channel, JourneyStore, Message, Purpose } from '../../../lib/store';
import { twilioSignature } from '../../../lib/webhooks';
import { fixture, send, triggerHarness, withParameters, type Reply, type TriggerHarness } from './support';

export const TWILIO_TOKEN = 'twilio_auth_token_9f8e7d6c5b4a39281706';
export const META_APP_SECRET = 'meta_app_secret_1a2b3c4d5e6f7a8b9c0d';
export const META_VERIFY_TOKEN = 'verify-me-7c1d0e5f9a';
export const TRACKING_SECRET = 'tracking_secret_for_tests_0123456789';

export const eventWorkflow = fixture('event-trigger');

export interface EventHarness extends TriggerHarness {
	/** The trigger's base URL (the generic endpoint); the others hang below it. */
	url: string;
}

export async function eventHarness(parameters: IDataObject = {}): Promise<EventHarness> {
	const t = await triggerHarness({
		twilioApi: { accountSid: 'AC00000000000000000000000000000000', authToken: TWILIO_TOKEN },
		journeyWhatsAppWebhookApi: { appSecret: META_APP_SECRET, verifyToken: META_VERIFY_TOKEN },
	});
	const workflow = withParameters(eventWorkflow, 'Journey Event Trigger', parameters);
	t.h.activate(workflow);
	return { ...t, url: t.h.webhookUrl(workflow, 'Journey Event Trigger') };
}

/** POSTs form fields the way Twilio does, signed with the auth token over URL + sorted fields. */
export async function postTwilio(url: string, form: string, token = TWILIO_TOKEN): Promise<Reply> {
	const fields = [...new URLSearchParams(form)];
	return await send(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(token, url, fields) },
		body: form,
	});
}

export async function postWhatsApp(url: string, body: string, secret = META_APP_SECRET): Promise<Reply> {
	const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
	return await send(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body });
}

export interface SeedMessage {
	contactId: string;
	phone?: string;
	email?: string;
	channel: Channel;
	purpose?: Purpose;
	provider?: string;
	providerMessageId?: string;
	body?: string;
	visitExternalId?: string;
	sentAt?: string;
}

/** A contact (by external ID) with a visit and one message the Send node would have sent. */
export async function sentMessage(store: JourneyStore, seed: SeedMessage): Promise<{ message: Message; contactStoreId: string; visitStoreId: string | null }> {
	const { contact } = await store.upsertContact({ externalId: seed.contactId, phone: seed.phone, email: seed.email, timeZone: 'Europe/Warsaw' });
	const visit = seed.visitExternalId
		? (await store.upsertVisit({ externalId: seed.visitExternalId, contactId: contact.id, startAt: '2027-04-15T08:00:00Z', service: 'Hygiene' })).visit
		: null;
	const { message } = await store.claimMessage({
		idempotencyKey: `${seed.contactId}:${seed.channel}:${seed.providerMessageId ?? seed.body ?? ''}`,
		contactId: contact.id,
		channel: seed.channel,
		purpose: seed.purpose ?? 'service',
		visitId: visit?.id ?? null,
		visitVersion: visit?.version ?? null,
		provider: seed.provider ?? null,
		body: seed.body ?? 'Reminder: your visit at Clinic Centrum on 15 April at 10:00. Reply YES to confirm.',
	});
	const sent = await store.updateMessage(message.id, { status: 'sent', providerMessageId: seed.providerMessageId ?? null, ...(seed.sentAt ? { sentAt: seed.sentAt } : {}) });
	return { message: sent, contactStoreId: contact.id, visitStoreId: visit?.id ?? null };
}
