import { inputError } from '../errors';
import type { Visit, VisitInput, VisitStatus } from '../types';
import { VISIT_STATUSES } from '../types';
import { oneOf, optionalUtcIso, requireText, toUtcIso } from '../validate';

export type VisitFields = Pick<Visit, 'contactId' | 'service' | 'location' | 'staff' | 'startAt' | 'endAt' | 'status'>;

export interface VisitPlan {
	fields: VisitFields;
	changed: boolean;
	versionBumped: boolean;
}

const BOOKED: readonly VisitStatus[] = ['scheduled', 'rescheduled'];

export function normaliseVisitInput(input: VisitInput): VisitInput {
	const text = (value: string | null | undefined, field: string) =>
		value === undefined || value === null ? value : requireText(value, field);
	const startAt = toUtcIso(input.startAt, 'startAt');
	const endAt = optionalUtcIso(input.endAt, 'endAt');
	if (endAt && endAt < startAt) throw inputError('endAt is before startAt');
	return {
		externalId: requireText(input.externalId, 'externalId'),
		contactId: requireText(input.contactId, 'contactId'),
		service: text(input.service, 'service'),
		location: text(input.location, 'location'),
		staff: text(input.staff, 'staff'),
		startAt,
		endAt,
		status: input.status === undefined ? undefined : oneOf(input.status, VISIT_STATUSES, 'status'),
	};
}

/**
 * The version tracks the appointment slot: start, end, service and location. It bumps only
 * when one of them really changes, so reminders keyed by (visit, version) are re-sent only for
 * a new slot. Status is separate: a slot change without an explicit non-booked status makes it
 * 'rescheduled'; 'scheduled' never downgrades 'rescheduled' (both mean "booked").
 */
export function planVisitChange(existing: Visit | null, input: VisitInput): VisitPlan {
	if (!existing) {
		const fields: VisitFields = {
			contactId: input.contactId,
			service: input.service ?? null,
			location: input.location ?? null,
			staff: input.staff ?? null,
			startAt: input.startAt,
			endAt: input.endAt ?? null,
			status: input.status ?? 'scheduled',
		};
		return { fields, changed: true, versionBumped: false };
	}
	const keep = <K extends 'service' | 'location' | 'staff' | 'endAt'>(key: K) =>
		input[key] === undefined ? existing[key] : (input[key] ?? null);
	const slot = { startAt: input.startAt, endAt: keep('endAt'), service: keep('service'), location: keep('location') };
	const versionBumped =
		slot.startAt !== existing.startAt ||
		slot.endAt !== existing.endAt ||
		slot.service !== existing.service ||
		slot.location !== existing.location;
	const fields: VisitFields = {
		...slot,
		contactId: input.contactId,
		staff: keep('staff'),
		status: nextStatus(existing.status, input.status, versionBumped),
	};
	const changed =
		versionBumped ||
		fields.status !== existing.status ||
		fields.staff !== existing.staff ||
		fields.contactId !== existing.contactId;
	return { fields, changed, versionBumped };
}

function nextStatus(current: VisitStatus, requested: VisitStatus | undefined, slotChanged: boolean): VisitStatus {
	const requestedBooked = requested === undefined || BOOKED.includes(requested);
	if (slotChanged) return requestedBooked ? 'rescheduled' : (requested as VisitStatus);
	if (requested === undefined) return current;
	if (requested === 'scheduled' && current === 'rescheduled') return current;
	return requested;
}
