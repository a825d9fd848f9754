/**
 * Cal.com webhooks: {"triggerEvent": "BOOKING_CREATED", "createdAt": …, "payload": {booking}}.
 * MEETING_ENDED has carried the booking at the top level in some Cal.com versions; both are read.
 * The visit ID is the booking's iCalUID, which Cal.com keeps across reschedules (each reschedule
 * creates a new booking uid); without it the uid is used and rescheduleUid names the old visit.
 * Cal.com sends no event ID: the trigger derives one.
 */
import type { VisitEventType } from '../../journey/item';
import { isObject } from '../http';
import type { NormaliseResult } from './draft';
import { dropUndefined } from './generic';
import { FieldReader } from './reader';

const TYPES: Record<string, VisitEventType> = {
	BOOKING_CREATED: 'scheduled',
	BOOKING_RESCHEDULED: 'rescheduled',
	BOOKING_CANCELLED: 'cancelled',
	MEETING_ENDED: 'completed',
};

const obj = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});

export function normaliseCalcom(body: Record<string, unknown>, options: { defaultRegion?: string } = {}): NormaliseResult {
	const trigger = typeof body.triggerEvent === 'string' ? body.triggerEvent : '';
	if (!trigger) return { kind: 'invalid', fields: [{ field: 'triggerEvent', message: 'is required (a Cal.com webhook has triggerEvent and payload)' }] };
	const type = TYPES[trigger];
	if (!type) return { kind: 'ignored', reason: `Cal.com event ${JSON.stringify(trigger.slice(0, 64))} is not a visit event this trigger handles` };
	const nested = isObject(body.payload);
	const p = nested ? (body.payload as Record<string, unknown>) : body;
	const at = (key: string) => (nested ? `payload.${key}` : key);
	const r = new FieldReader();

	const attendees = Array.isArray(p.attendees) ? p.attendees : [];
	const attendee = obj(attendees[0]);
	if (!attendees.length) r.error(at('attendees'), 'has no attendee to send messages to');
	const responses = obj(p.responses);
	const contact = r.contact(
		{
			name: attendee.name,
			email: attendee.email,
			phone: attendee.phoneNumber ?? obj(responses.attendeePhoneNumber).value ?? p.smsReminderNumber,
			timeZone: attendee.timeZone,
			locale: obj(attendee.language).locale ?? attendee.locale,
		},
		{
			id: at('attendees[0].id'),
			name: at('attendees[0].name'),
			email: at('attendees[0].email'),
			phone: at('attendees[0].phoneNumber'),
			timeZone: at('attendees[0].timeZone'),
			locale: at('attendees[0].language.locale'),
		},
		options.defaultRegion,
	);
	if (attendees.length && !contact.email && !contact.phone) r.error(at('attendees[0].email'), 'is required (or a phone number)');

	const iCalUID = r.id(p.iCalUID, at('iCalUID'));
	const uid = r.id(p.uid, at('uid'));
	if (!iCalUID && !uid) r.error(at('uid'), 'is required');
	const start = r.instant(p.startTime, at('startTime'), undefined);
	const end = r.instant(p.endTime, at('endTime'), undefined);
	if (!start && !r.errors.some((e) => e.field === at('startTime'))) r.error(at('startTime'), 'is required');
	if (start && end && end < start) r.error(at('endTime'), 'is before startTime');
	const organizer = obj(p.organizer ?? p.user);
	const visit = dropUndefined({
		id: iCalUID ?? uid ?? '',
		previousId: !iCalUID && type === 'rescheduled' ? r.id(p.rescheduleUid, at('rescheduleUid')) : undefined,
		service: r.text(p.eventTitle ?? p.type ?? obj(p.eventType).title, at('eventTitle'), 200),
		location: r.text(typeof p.location === 'string' ? p.location : undefined, at('location'), 200),
		staff: r.text(organizer.name, at('organizer.name'), 200),
		start,
		end,
	});
	if (r.errors.length) return { kind: 'invalid', fields: r.errors };
	return { kind: 'event', draft: { source: 'calcom', type, eventId: null, contact, visit, startsExecution: true, warnings: r.warnings } };
}
