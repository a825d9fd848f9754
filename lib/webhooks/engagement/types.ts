import type { JourneyVisit } from '../../journey/item';
import type { Channel, EventType, JsonObject, Message, MessageStatus, Purpose } from '../../store';

/** `visit`: an attended / no-show / completed event that reached the Visit Trigger. */
export const ENGAGEMENT_SOURCES = ['twilio', 'whatsapp', 'generic', 'form', 'tracking', 'visit'] as const;
export type EngagementSource = (typeof ENGAGEMENT_SOURCES)[number];

interface DraftBase {
	source: EngagementSource;
	/** Provider-prefixed (e.g. twilio:SM…): the store records each at most once. */
	externalEventId: string;
	occurredAt?: string;
}

/** How the sender named the contact; the first key present is used: id (external), email, phone. */
export interface ContactKeys {
	id?: string;
	email?: string;
	phone?: string;
}

/** A message from a person (SMS or WhatsApp), to be parsed into an intent and linked to our last message. */
export interface InboundDraft extends DraftBase {
	kind: 'inbound';
	channel: 'sms' | 'whatsapp';
	/** E.164. */
	from: string;
	text: string;
	/** A quick-reply button's payload or ID, read when the text itself is unclear. */
	buttonPayload?: string;
	profileName?: string;
}

export type DeliveryStatus = 'delivered' | 'read' | 'failed';

/** A provider's report about a message we sent. */
export interface StatusDraft extends DraftBase {
	kind: 'status';
	status: DeliveryStatus;
	provider?: string;
	providerMessageId?: string;
	/** The Journey Store message ID, when the sender knows it. */
	messageId?: string;
	/** Provider error code/title for failures: no message text, no personal data. */
	error?: string;
}

/** Anything else: survey, payment, attendance, opens and clicks, opt-outs. */
export interface EventDraft extends DraftBase {
	kind: 'event';
	type: EventType;
	contact: ContactKeys;
	visitId?: string;
	messageId?: string;
	channel?: Channel;
	intent?: string;
	/** For attendance_marked: the visit's new status. */
	visitStatus?: 'attended' | 'no-show';
	payload: JsonObject;
}

export type EngagementDraft = InboundDraft | StatusDraft | EventDraft;

/** What the Journey Event Trigger emits and posts to the resume URL of each woken run. */
export interface JourneyEngagementItem {
	event: {
		/** The Journey Store's event ID. */
		id: string;
		type: EventType;
		/** Replies: yes, no, stop, help, unknown; attendance: attended, no-show (from the Visit Trigger also completed). */
		intent: string | null;
		channel: Channel | null;
		source: EngagementSource;
		externalId: string;
		occurredAt: string;
		receivedAt: string;
	};
	contact: {
		/** The booking system's ID (the store's externalId); null for a contact known only by phone. */
		id: string | null;
		name: string | null;
		email: string | null;
		phone: string | null;
		timeZone: string | null;
		locale: string | null;
	};
	visit: JourneyVisit | null;
	message: {
		id: string;
		channel: Channel;
		purpose: Purpose;
		status: MessageStatus;
		providerMessageId: string | null;
	} | null;
	/** Reply text, as received. */
	text?: string;
	data: JsonObject;
}

export type MessageSummary = Pick<Message, 'id' | 'channel' | 'purpose' | 'status' | 'providerMessageId'>;
