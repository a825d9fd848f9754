import type { Contact, EngagementEvent, JourneyStore, Message, TakeWaitersInput, Visit } from '../../store';
import type { EngagementSource, JourneyEngagementItem } from './types';

/** A newly recorded event: the item to emit and post, and whom it may wake. */
export interface RecordedEvent {
	item: JourneyEngagementItem;
	wake: TakeWaitersInput;
}

export interface ItemParts {
	event: EngagementEvent;
	contact: Contact;
	source: EngagementSource;
	receivedAt: string;
	message?: Message | null;
	visit?: Visit | null;
	text?: string;
}

export async function recordedEvent(store: JourneyStore, parts: ItemParts): Promise<RecordedEvent> {
	const { event, contact } = parts;
	const visit = parts.visit ?? (event.visitId ? await store.getVisit({ id: event.visitId }) : null);
	const message = parts.message ?? (event.messageId ? await store.getMessage(event.messageId) : null);
	const item: JourneyEngagementItem = {
		event: {
			id: event.id,
			type: event.type,
			intent: event.intent,
			channel: event.channel,
			source: parts.source,
			externalId: event.externalEventId ?? event.id,
			occurredAt: event.occurredAt,
			receivedAt: parts.receivedAt,
		},
		contact: {
			id: contact.externalId,
			name: contact.name,
			email: contact.email,
			phone: contact.phone,
			timeZone: contact.timeZone,
			locale: contact.locale,
		},
		visit: visit
			? {
					id: visit.externalId,
					service: visit.service,
					location: visit.location,
					staff: visit.staff,
					start: visit.startAt,
					end: visit.endAt,
					status: visit.status,
					version: visit.version,
				}
			: null,
		message: message
			? { id: message.id, channel: message.channel, purpose: message.purpose, status: message.status, providerMessageId: message.providerMessageId }
			: null,
		...(parts.text === undefined ? {} : { text: parts.text }),
		data: event.payload,
	};
	return { item, wake: { contactId: contact.id, eventType: event.type, visitId: event.visitId } };
}
