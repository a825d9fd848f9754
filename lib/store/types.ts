/** Domain records and inputs of the Journey Store. All instants are ISO-8601 UTC strings. */

export const CHANNELS = ['sms', 'email', 'whatsapp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PURPOSES = ['service', 'marketing'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const VISIT_STATUSES = ['scheduled', 'rescheduled', 'cancelled', 'attended', 'no-show', 'completed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const MESSAGE_STATUSES = ['claimed', 'sent', 'failed', 'suppressed', 'deferred'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const EVENT_TYPES = [
	'delivered',
	'opened',
	'clicked',
	'replied',
	'bounced',
	'survey_completed',
	'payment_received',
	'attendance_marked',
	'opt_out',
	'inbound',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type JsonObject = Record<string, unknown>;

export interface Contact {
	id: string;
	externalId: string | null;
	name: string | null;
	/** Stored trimmed and lower-cased. */
	email: string | null;
	/** E.164, e.g. +4915112345678. */
	phone: string | null;
	/** IANA zone, e.g. Europe/Berlin. */
	timeZone: string | null;
	/** BCP 47, canonicalised, e.g. de-DE. */
	locale: string | null;
	customFields: JsonObject;
	createdAt: string;
	updatedAt: string;
}

/** Omitted (undefined) fields keep their stored value, null clears it. */
export interface ContactInput {
	externalId?: string | null;
	name?: string | null;
	email?: string | null;
	phone?: string | null;
	timeZone?: string | null;
	locale?: string | null;
	/** Shallow merge into the stored fields; a null value removes that key. */
	customFields?: JsonObject;
}

export interface UpsertContactResult {
	contact: Contact;
	created: boolean;
	changed: boolean;
}

/** The first key present is used, in this order: id, externalId, email, phone. */
export interface ContactLookup {
	id?: string;
	externalId?: string;
	email?: string;
	phone?: string;
}

export type ConsentStatus = 'granted' | 'revoked';

export interface SetConsentInput {
	contactId: string;
	channel: Channel;
	purpose: Purpose;
	status: ConsentStatus;
	/** Where the statement came from, e.g. 'booking-form', 'sms-reply', 'staff'. */
	source: string;
	/** Who recorded it, e.g. a staff user or 'system'. */
	actor?: string | null;
	reason?: string | null;
	/** When the person made the statement; defaults to now. */
	at?: string;
}

export interface ConsentState {
	contactId: string;
	channel: Channel;
	purpose: Purpose;
	/** 'unknown' when nothing was ever recorded: callers decide what that means. */
	status: ConsentStatus | 'unknown';
	source: string | null;
	updatedAt: string | null;
}

export interface SetConsentResult {
	consent: ConsentState;
	/** True when the current status differs from before. */
	changed: boolean;
}

export interface ConsentAuditEntry {
	id: string;
	contactId: string;
	channel: Channel;
	purpose: Purpose;
	status: ConsentStatus;
	source: string;
	actor: string | null;
	reason: string | null;
	occurredAt: string;
	recordedAt: string;
}

export interface Visit {
	id: string;
	externalId: string;
	contactId: string;
	service: string | null;
	location: string | null;
	staff: string | null;
	startAt: string;
	endAt: string | null;
	status: VisitStatus;
	/** Version of the appointment slot (start, end, service, location); starts at 1. */
	version: number;
	createdAt: string;
	updatedAt: string;
}

/** Omitted optional fields keep their stored value on update, null clears them. */
export interface VisitInput {
	externalId: string;
	contactId: string;
	service?: string | null;
	location?: string | null;
	staff?: string | null;
	startAt: string;
	endAt?: string | null;
	status?: VisitStatus;
}

export interface UpsertVisitResult {
	visit: Visit;
	created: boolean;
	changed: boolean;
	versionBumped: boolean;
}

export type VisitRef = { id: string } | { externalId: string };

export interface VisitQuery {
	contactId?: string;
	services?: readonly string[];
	statuses?: readonly VisitStatus[];
	/** Inclusive lower bound on the end (or start when there is no end). */
	endedAfter?: string;
	/** Exclusive upper bound on the end (or start when there is no end). */
	endedBefore?: string;
	startsAfter?: string;
	startsBefore?: string;
	/** "Future" for hasFutureVisit means starting after this instant; defaults to now. */
	futureAfter?: string;
	/** Leaves out visits already claimed with claimEvent(source, visit.id) under this source. */
	notClaimedFor?: string;
	/** Keyset paging: only visits after this one in the list's order (start, then id). */
	after?: { startAt: string; id: string };
	limit?: number;
}

export interface VisitListItem extends Visit {
	/** The contact has another scheduled or rescheduled visit starting after futureAfter. */
	hasFutureVisit: boolean;
}

export interface TagChange {
	added: string[];
	removed: string[];
	/** The contact's tags right after the change, sorted. */
	tags: string[];
}

export interface CounterAddResult {
	previous: number;
	value: number;
	/** False when the dedup key was seen before: nothing was added. */
	applied: boolean;
}

/** One add of a batch (JourneyStore.addToCounters). */
export interface CounterAdd {
	contactId: string;
	name: string;
	delta: number;
	dedupKey?: string;
}

export interface CounterSetResult {
	previous: number;
	value: number;
}

export interface CounterExpireResult {
	/** The amount removed: what was added before the cut-off and not yet spent. */
	expired: number;
	/** The counter after the expiry (0 when it was never written). */
	value: number;
}

export interface Message {
	id: string;
	idempotencyKey: string;
	contactId: string;
	visitId: string | null;
	visitVersion: number | null;
	channel: Channel;
	purpose: Purpose;
	provider: string | null;
	providerMessageId: string | null;
	status: MessageStatus;
	/** The rendered text, kept for click-tracking validation and the simulator. */
	body: string | null;
	error: string | null;
	createdAt: string;
	updatedAt: string;
	sentAt: string | null;
}

export interface ClaimMessageInput {
	idempotencyKey: string;
	contactId: string;
	channel: Channel;
	purpose: Purpose;
	visitId?: string | null;
	visitVersion?: number | null;
	provider?: string | null;
	body?: string | null;
	/** Defaults to 'claimed'; 'suppressed' or 'deferred' record a decision under the key. */
	status?: 'claimed' | 'suppressed' | 'deferred';
}

export interface ClaimMessageResult {
	/** True only for the one caller that inserted the key. */
	claimed: boolean;
	message: Message;
}

/** Omitted fields are kept, null clears. Status 'sent' without sentAt stamps now. */
export interface MessagePatch {
	status?: MessageStatus;
	provider?: string | null;
	providerMessageId?: string | null;
	error?: string | null;
	sentAt?: string | null;
	body?: string | null;
}

export interface LatestMessageQuery {
	contactId: string;
	channel?: Channel;
	purpose?: Purpose;
	statuses?: readonly MessageStatus[];
}

export interface EngagementEvent {
	id: string;
	contactId: string;
	messageId: string | null;
	visitId: string | null;
	channel: Channel | null;
	type: EventType;
	/** For replies: e.g. 'confirm', 'cancel', 'stop'. */
	intent: string | null;
	payload: JsonObject;
	externalEventId: string | null;
	occurredAt: string;
	recordedAt: string;
}

export interface RecordEventInput {
	contactId: string;
	type: EventType;
	messageId?: string | null;
	visitId?: string | null;
	channel?: Channel | null;
	intent?: string | null;
	payload?: JsonObject;
	/** Provider's id of the event, prefixed by the caller (e.g. 'twilio:SM…'); dedups when present. */
	externalEventId?: string | null;
	occurredAt?: string;
}

export interface RecordEventResult {
	/** False when an event with the same externalEventId was already stored. */
	recorded: boolean;
	event: EngagementEvent;
}

export interface EventQuery {
	contactId: string;
	visitId?: string;
	messageId?: string;
	types?: readonly EventType[];
	/** Inclusive. */
	since?: string;
	limit?: number;
}

export interface RegisterWaiterInput {
	contactId: string;
	/** When set, only events for this visit (or events that name no visit) wake the run. */
	visitId?: string | null;
	eventTypes: readonly EventType[];
	/** n8n's signed resume URL of the parked execution ($execution.resumeUrl). */
	resumeUrl: string;
	executionId?: string | null;
	expiresAt: string;
}

export interface Waiter {
	id: string;
	contactId: string;
	visitId: string | null;
	eventTypes: EventType[];
	resumeUrl: string;
	executionId: string | null;
	createdAt: string;
	expiresAt: string;
}

export interface TakeWaitersInput {
	contactId: string;
	eventType: EventType;
	visitId?: string | null;
	/** Defaults to the current time; expired waiters are never taken. */
	now?: string;
}

/** Where a journey execution began: the item as it first reached a Customer Journey node (see journey-runs.ts). */
export interface JourneyRun {
	executionId: string;
	workflowId: string;
	/** The node that recorded it. */
	node: string;
	item: JsonObject;
	recordedAt: string;
}

export type RecordJourneyRunInput = Omit<JourneyRun, 'recordedAt'>;
