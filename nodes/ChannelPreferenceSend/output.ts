/** The `message` object merged into each output item, and the two outputs (0 Done, 1 Deferred). */
import type { IDataObject } from 'n8n-workflow';

import type { Channel } from '../../lib/channel';
import type { SendStatus, TraceStep } from '../../lib/send';
import type { Message } from '../../lib/store';
import type { ItemResult } from '../shared/item-loop';
import type { Delivery } from './delivery';

export const DONE = 0;
export const DEFERRED = 1;

export interface MessageOutput {
	status: SendStatus;
	channel: Channel | null;
	/** The address used: E.164 phone or email. */
	to?: string;
	provider: string | null;
	providerMessageId: string | null;
	/** The Journey Store's message id (tracking tokens and events refer to it). */
	messageId: string | null;
	idempotencyKey: string;
	/** How the channel was chosen: each candidate, why it was skipped, rejected or used. */
	trace: TraceStep[];
	text?: string;
	subject?: string;
	sms?: Delivery['sms'];
	whatsApp?: Delivery['whatsApp'];
	deferredUntil?: string;
	reason?: string;
	error?: string;
}

export function blank(idempotencyKey: string, trace: TraceStep[] = []): MessageOutput {
	return { status: 'failed', channel: null, provider: null, providerMessageId: null, messageId: null, idempotencyKey, trace };
}

function strip(message: MessageOutput): IDataObject {
	return Object.fromEntries(Object.entries(message).filter(([, value]) => value !== undefined)) as IDataObject;
}

export function done(json: IDataObject, message: MessageOutput): ItemResult {
	return { output: DONE, json: { ...json, message: strip(message) } };
}

export function deferred(json: IDataObject, message: MessageOutput): ItemResult {
	return { output: DEFERRED, json: { ...json, message: strip({ ...message, status: 'deferred' }) } };
}

export function duplicate(json: IDataObject, idempotencyKey: string, trace: TraceStep[], existing: Message): ItemResult {
	const reason =
		existing.status === 'sent'
			? `already sent${existing.sentAt ? ` at ${existing.sentAt}` : ''}`
			: 'another execution claimed it and is sending it (or its outcome is unknown)';
	return done(json, {
		...blank(idempotencyKey, trace),
		status: 'duplicate suppressed',
		channel: existing.channel,
		provider: existing.provider,
		providerMessageId: existing.providerMessageId,
		messageId: existing.id,
		reason,
	});
}

export function sent(json: IDataObject, idempotencyKey: string, trace: TraceStep[], attempt: { channel: Channel; address: string }, messageId: string, delivery: Delivery): ItemResult {
	const { channel } = attempt;
	return done(json, {
		status: delivery.provider === 'outbox' ? 'outbox' : 'sent',
		channel,
		to: attempt.address,
		provider: delivery.provider,
		providerMessageId: delivery.providerMessageId,
		messageId,
		idempotencyKey,
		trace,
		text: delivery.text,
		subject: channel === 'email' ? delivery.subject : undefined,
		sms: delivery.sms,
		whatsApp: delivery.whatsApp,
	});
}
