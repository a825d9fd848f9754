/**
 * Lands an engagement event in the Journey Store against the right contact, visit and message:
 * replies are parsed and linked to our latest sent message on that channel, STOP revokes consent,
 * failed deliveries mark the message failed, attendance sets the visit status. Each event is
 * recorded once (externalEventId); only newly recorded events are returned, to emit and to wake.
 */
import { parseReply } from '../../reply';
import { CHANNELS, type Contact, type JourneyStore } from '../../store';
import type { FieldIssue } from '../http';
import { recordedEvent, type RecordedEvent } from './item';
import { ALL_PURPOSES, optOut } from './opt-out';
import type { EngagementDraft, EventDraft, InboundDraft, StatusDraft } from './types';

export interface EngagementContext {
	receivedAt: string;
	/** A reply counts as an answer to our last message sent on that channel within this many days. */
	replyWindowDays: number;
}

export type EngagementOutcome =
	| { kind: 'recorded'; events: RecordedEvent[]; duplicate: boolean }
	| { kind: 'ignored'; reason: string }
	| { kind: 'invalid'; fields: FieldIssue[] }
	| { kind: 'not_found'; reason: string };

const DAY_MS = 86_400_000;

export async function applyEngagement(store: JourneyStore, draft: EngagementDraft, ctx: EngagementContext): Promise<EngagementOutcome> {
	if (draft.kind === 'inbound') return await applyInbound(store, draft, ctx);
	if (draft.kind === 'status') return await applyStatus(store, draft, ctx);
	return await applyEvent(store, draft, ctx);
}

async function applyInbound(store: JourneyStore, draft: InboundDraft, ctx: EngagementContext): Promise<EngagementOutcome> {
	const contact =
		(await store.findContact({ phone: draft.from })) ??
		(await store.upsertContact({ phone: draft.from, ...(draft.profileName ? { name: draft.profileName } : {}) })).contact;
	let parsed = parseReply(draft.text);
	if (parsed.intent === 'unknown' && draft.buttonPayload) parsed = parseReply(draft.buttonPayload);
	const latest = await store.findLatestMessage({ contactId: contact.id, channel: draft.channel, statuses: ['sent'] });
	const since = Date.parse(ctx.receivedAt) - ctx.replyWindowDays * DAY_MS;
	const message = latest && Date.parse(latest.sentAt ?? latest.createdAt) >= since ? latest : null;
	// The opt-out lands before the reply is recorded, so a retry after a failure in between still revokes.
	const stop =
		parsed.intent === 'stop'
			? await optOut(store, contact, [draft.channel], ALL_PURPOSES, `${draft.channel}-reply`, `${draft.externalEventId}:opt_out`, draft.occurredAt, message)
			: null;
	const { recorded, event } = await store.recordEvent({
		contactId: contact.id,
		type: message ? 'replied' : 'inbound',
		messageId: message?.id ?? null,
		visitId: message?.visitId ?? null,
		channel: draft.channel,
		intent: parsed.intent,
		payload: { text: draft.text, matched: parsed.matched, ...(parsed.language ? { language: parsed.language } : {}) },
		externalEventId: draft.externalEventId,
		occurredAt: draft.occurredAt,
	});
	const events = recorded ? [await recordedEvent(store, { event, contact, message, source: draft.source, receivedAt: ctx.receivedAt, text: draft.text })] : [];
	if (stop) events.push(await recordedEvent(store, { event: stop, contact, message, source: draft.source, receivedAt: ctx.receivedAt }));
	return { kind: 'recorded', events, duplicate: !recorded };
}

async function applyStatus(store: JourneyStore, draft: StatusDraft, ctx: EngagementContext): Promise<EngagementOutcome> {
	const message = draft.messageId
		? await store.getMessage(draft.messageId)
		: await store.findMessageByProviderId(draft.providerMessageId!, draft.provider);
	if (!message) return { kind: 'ignored', reason: 'no message with this ID in the Journey Store' };
	const type = draft.status === 'delivered' ? 'delivered' : draft.status === 'read' ? 'opened' : 'bounced';
	// Marked failed before the event is recorded, so a retry after a failure in between still marks it.
	let current = message;
	if (draft.status === 'failed' && (message.status === 'sent' || message.status === 'claimed')) {
		current = await store.updateMessage(message.id, { status: 'failed', error: draft.error ?? 'delivery failed' });
	}
	const { recorded, event } = await store.recordEvent({
		contactId: message.contactId,
		type,
		messageId: message.id,
		visitId: message.visitId,
		channel: message.channel,
		intent: draft.status,
		payload: { status: draft.status, ...(draft.error ? { error: draft.error } : {}) },
		externalEventId: draft.externalEventId,
		occurredAt: draft.occurredAt,
	});
	if (!recorded) return { kind: 'recorded', events: [], duplicate: true };
	const contact = (await store.findContact({ id: message.contactId }))!;
	return { kind: 'recorded', events: [await recordedEvent(store, { event, contact, message: current, source: draft.source, receivedAt: ctx.receivedAt })], duplicate: false };
}

async function applyEvent(store: JourneyStore, draft: EventDraft, ctx: EngagementContext): Promise<EngagementOutcome> {
	const message = draft.messageId ? await store.getMessage(draft.messageId) : null;
	if (draft.messageId && !message) return { kind: 'invalid', fields: [{ field: 'messageId', message: 'is not a message in the Journey Store' }] };
	const visit = draft.visitId ? await store.getVisit({ externalId: draft.visitId }) : null;
	if (draft.visitId && !visit) return { kind: 'invalid', fields: [{ field: 'visitId', message: 'is not a visit in the Journey Store' }] };
	const contact = await resolveContact(store, draft, message?.contactId ?? visit?.contactId);
	if (!contact) return { kind: 'invalid', fields: [{ field: 'contact', message: 'names no contact' }] };
	let currentVisit = visit;
	if (draft.visitStatus && visit) currentVisit = (await store.setVisitStatus({ id: visit.id }, draft.visitStatus)).visit;
	const channel = draft.channel ?? message?.channel ?? null;
	if (draft.type === 'opt_out') {
		const event = await optOut(store, contact, channel ? [channel] : [...CHANNELS], ALL_PURPOSES, 'webhook', draft.externalEventId, draft.occurredAt, message, draft.payload);
		if (!event) return { kind: 'recorded', events: [], duplicate: true };
		return { kind: 'recorded', events: [await recordedEvent(store, { event, contact, message, source: draft.source, receivedAt: ctx.receivedAt })], duplicate: false };
	}
	const { recorded, event } = await store.recordEvent({
		contactId: contact.id,
		type: draft.type,
		messageId: message?.id ?? null,
		visitId: currentVisit?.id ?? message?.visitId ?? null,
		channel,
		intent: draft.intent ?? null,
		payload: draft.payload,
		externalEventId: draft.externalEventId,
		occurredAt: draft.occurredAt,
	});
	if (!recorded) return { kind: 'recorded', events: [], duplicate: true };
	return {
		kind: 'recorded',
		events: [await recordedEvent(store, { event, contact, message, visit: currentVisit, source: draft.source, receivedAt: ctx.receivedAt })],
		duplicate: false,
	};
}

/** The contact the event names, created when it is new; else the message's or visit's contact. */
async function resolveContact(store: JourneyStore, draft: EventDraft, fallbackId: string | undefined): Promise<Contact | null> {
	const { id, email, phone } = draft.contact;
	const lookup = id ? { externalId: id } : email ? { email } : phone ? { phone } : null;
	if (lookup) {
		const found = await store.findContact(lookup);
		if (found) return found;
		return (await store.upsertContact({ ...(id ? { externalId: id } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) })).contact;
	}
	return fallbackId ? await store.findContact({ id: fallbackId }) : null;
}
