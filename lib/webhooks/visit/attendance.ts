/**
 * A visit event that says how the visit went (attended, no-show, completed) is also an
 * "attendance_marked" engagement event, so journeys waiting for attendance wake on it exactly as
 * on a check-in posted to the Journey Event Trigger.
 */
import type { VisitEventType } from '../../journey/item';
import type { Contact, JourneyStore, Visit } from '../../store';
import { recordedEvent, type RecordedEvent } from '../engagement/item';
import type { VisitFormat } from './draft';

export const ATTENDANCE_TYPES: readonly VisitEventType[] = ['attended', 'no-show', 'completed'];

export interface AttendanceFacts {
	type: VisitEventType;
	source: VisitFormat;
	/** The trigger's event ID (the provider's or the derived one): one engagement event per visit event. */
	eventId: string;
	receivedAt: string;
	contact: Contact;
	visit: Visit;
}

/** The newly recorded attendance_marked event, or null (not an attendance type, or already recorded). */
export async function recordAttendance(store: JourneyStore, facts: AttendanceFacts): Promise<RecordedEvent | null> {
	if (!ATTENDANCE_TYPES.includes(facts.type)) return null;
	const { recorded, event } = await store.recordEvent({
		contactId: facts.contact.id,
		type: 'attendance_marked',
		visitId: facts.visit.id,
		intent: facts.type,
		payload: { status: facts.type, format: facts.source },
		externalEventId: `visit:${facts.source}:${facts.eventId}`,
		occurredAt: facts.receivedAt,
	});
	if (!recorded) return null;
	return await recordedEvent(store, { event, contact: facts.contact, visit: facts.visit, source: 'visit', receivedAt: facts.receivedAt });
}
