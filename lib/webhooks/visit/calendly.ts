/**
 * Calendly webhooks: {"event": "invitee.created", "created_at": …, "payload": {invitee}}, the
 * invitee carrying its scheduled_event. The visit ID is the invitee's UUID (one per person and
 * booking, so group events work). A reschedule cancels the old invitee (rescheduled: true) and
 * creates a new one (old_invitee set): the old visit is marked cancelled without starting a
 * "cancelled" journey, the new booking starts a "rescheduled" one. A no-show may name only the
 * invitee URI: the visit must then already be in the store. Calendly sends no event ID.
 */
import type { VisitEventType } from '../../journey/item';
import { isObject } from '../http';
import type { NormaliseResult } from './draft';
import { dropUndefined } from './generic';
import { FieldReader } from './reader';

const obj = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});

/** The last path segment of a Calendly resource URI (its UUID). */
export function calendlyUuid(uri: unknown): string | undefined {
	if (typeof uri !== 'string') return undefined;
	const last = uri.trim().replace(/\/+$/, '').split('/').pop();
	return last && /^[\w-]{1,100}$/.test(last) ? last : undefined;
}

export function normaliseCalendly(body: Record<string, unknown>, options: { defaultRegion?: string } = {}): NormaliseResult {
	const event = typeof body.event === 'string' ? body.event : '';
	if (!event) return { kind: 'invalid', fields: [{ field: 'event', message: 'is required (a Calendly webhook has event and payload)' }] };
	if (!isObject(body.payload)) return { kind: 'invalid', fields: [{ field: 'payload', message: 'must be an object' }] };
	const p = body.payload;
	const scheduled = obj(p.scheduled_event);
	let type: VisitEventType;
	let startsExecution = true;
	let note: string | undefined;
	if (event === 'invitee.created') type = p.old_invitee ? 'rescheduled' : 'scheduled';
	else if (event === 'invitee.canceled') {
		type = 'cancelled';
		if (p.rescheduled === true) {
			startsExecution = false;
			note = 'the cancelled half of a reschedule: the new booking starts its own journey';
		}
	} else if (event === 'invitee_no_show.created') type = 'no-show';
	else return { kind: 'ignored', reason: `Calendly event ${JSON.stringify(event.slice(0, 64))} is not a visit event this trigger handles` };

	const r = new FieldReader();
	const inviteeUri = typeof p.uri === 'string' ? p.uri : p.invitee;
	const visitId = calendlyUuid(inviteeUri);
	if (!visitId) r.error('payload.uri', 'is required (the invitee URI)');
	const name = p.name ?? ([p.first_name, p.last_name].filter((part) => typeof part === 'string' && part.trim()).join(' ') || undefined);
	const contact = r.contact(
		{ name, email: p.email, phone: p.text_reminder_number, timeZone: p.timezone },
		{ id: 'payload.uri', name: 'payload.name', email: 'payload.email', phone: 'payload.text_reminder_number', timeZone: 'payload.timezone', locale: 'payload.locale' },
		options.defaultRegion,
	);
	const fullInvitee = typeof p.uri === 'string';
	if (fullInvitee && !contact.email && !contact.phone && !r.errors.some((e) => e.field === 'payload.email')) r.error('payload.email', 'is required');
	const start = r.instant(scheduled.start_time, 'payload.scheduled_event.start_time', undefined);
	const end = r.instant(scheduled.end_time, 'payload.scheduled_event.end_time', undefined);
	if (!start && type !== 'no-show' && type !== 'cancelled' && !r.errors.length) r.error('payload.scheduled_event.start_time', 'is required');
	if (start && end && end < start) r.error('payload.scheduled_event.end_time', 'is before start_time');
	const membership = obj(Array.isArray(scheduled.event_memberships) ? scheduled.event_memberships[0] : undefined);
	const location = obj(scheduled.location);
	const visit = dropUndefined({
		id: visitId ?? '',
		previousId: calendlyUuid(p.old_invitee),
		service: r.text(scheduled.name, 'payload.scheduled_event.name', 200),
		location: r.text(typeof location.location === 'string' ? location.location : undefined, 'payload.scheduled_event.location.location', 200),
		staff: r.text(membership.user_name, 'payload.scheduled_event.event_memberships[0].user_name', 200),
		start,
		end,
	});
	if (r.errors.length) return { kind: 'invalid', fields: r.errors };
	return { kind: 'event', draft: { source: 'calendly', type, eventId: null, contact, visit, startsExecution, note, warnings: r.warnings } };
}
