/**
 * Applies an accepted visit event to the Journey Store before any execution starts, so journeys
 * already waiting see it: dedup claim, contact upsert, visit upsert (the store bumps the version
 * when the slot changes) or status change, the replaced visit of a reschedule cancelled, and for
 * attended / no-show / completed an attendance_marked event (see attendance.ts) — all in one
 * transaction, so an event is either wholly applied or not at all (and costs one durable commit).
 */
import type { JourneyItem } from '../../journey/item';
import type { Contact, JourneyStore, Visit } from '../../store';
import type { RecordedEvent } from '../engagement/item';
import type { FieldIssue } from '../http';
import { recordAttendance } from './attendance';
import type { ContactDraft, VisitEventDraft } from './draft';

export interface ApplyOptions {
	/** Dedup namespace: one per trigger node, so two workflows fed the same event both run. */
	dedupSource: string;
	eventId: string;
	receivedAt: string;
	raw?: unknown;
}

export type ApplyResult =
	| { kind: 'duplicate' }
	| { kind: 'invalid'; fields: FieldIssue[] }
	| {
			kind: 'applied';
			item: JourneyItem;
			versionBumped: boolean;
			/** The attendance_marked event this recorded, for the trigger to wake the journeys waiting for it. */
			attendance: RecordedEvent | null;
	  };

const START_FIELD = { generic: 'visit.start', calcom: 'payload.startTime', calendly: 'payload.scheduled_event.start_time' } as const;
const BOOKED = ['scheduled', 'rescheduled'];
/** What the clinic recorded about the patient: a later "meeting ended" must not overwrite it. */
const MARKED = ['attended', 'no-show'];

export async function applyVisitEvent(store: JourneyStore, draft: VisitEventDraft, options: ApplyOptions): Promise<ApplyResult> {
	return await store.atomically((tx) => applyInTransaction(tx, draft, options));
}

async function applyInTransaction(store: JourneyStore, draft: VisitEventDraft, options: ApplyOptions): Promise<ApplyResult> {
	// The stored visit matters only for a status event without times, a contact without an ID, or a new start without an end.
	const needsExisting = !draft.visit.start || !draft.contact.id || !draft.visit.end || draft.type === 'completed';
	const existing = needsExisting ? await store.getVisit({ externalId: draft.visit.id }) : null;
	if (!draft.visit.start && !existing) {
		return { kind: 'invalid', fields: [{ field: START_FIELD[draft.source], message: 'is required: the Journey Store does not know this visit yet' }] };
	}
	if (!(await store.claimEvent(options.dedupSource, options.eventId))) return { kind: 'duplicate' };

	const contact = await upsertContact(store, draft, existing);
	const { previousId } = draft.visit;
	if (previousId && previousId !== draft.visit.id) {
		const replaced = await store.getVisit({ externalId: previousId });
		if (replaced && BOOKED.includes(replaced.status)) await store.setVisitStatus({ id: replaced.id }, 'cancelled');
	}
	// Cal.com sends MEETING_ENDED whether or not the patient came: "completed" keeps a recorded
	// attended / no-show, and then is no attendance news.
	const keepsMark = draft.type === 'completed' && existing !== null && MARKED.includes(existing.status);
	let visit: Visit;
	let versionBumped = false;
	if (keepsMark) {
		visit = existing;
	} else if (draft.visit.start) {
		const result = await store.upsertVisit({
			externalId: draft.visit.id,
			contactId: contact.id,
			service: draft.visit.service,
			location: draft.visit.location,
			staff: draft.visit.staff,
			startAt: draft.visit.start,
			endAt: draft.visit.end ?? shiftedEnd(existing, draft.visit.start),
			status: draft.type,
		});
		visit = result.visit;
		versionBumped = result.versionBumped;
	} else {
		visit = (await store.setVisitStatus({ id: existing!.id }, draft.type)).visit;
	}
	// A "scheduled" message that moved the slot is a reschedule, whatever the sender called it.
	const type = versionBumped && draft.type === 'scheduled' ? 'rescheduled' : draft.type;
	const item: JourneyItem = {
		event: { id: options.eventId, type, source: draft.source, receivedAt: options.receivedAt },
		contact: {
			id: contact.externalId ?? contact.id,
			name: contact.name,
			email: contact.email,
			phone: contact.phone,
			timeZone: contact.timeZone,
			locale: contact.locale,
		},
		visit: {
			id: visit.externalId,
			service: visit.service,
			location: visit.location,
			staff: visit.staff,
			start: visit.startAt,
			end: visit.endAt,
			status: visit.status,
			version: visit.version,
		},
		...(options.raw === undefined ? {} : { raw: options.raw }),
	};
	const attendance = keepsMark
		? null
		: await recordAttendance(store, { type, source: draft.source, eventId: options.eventId, receivedAt: options.receivedAt, contact, visit });
	return { kind: 'applied', item, versionBumped, attendance };
}

/** A new start without an end keeps the visit's length (an old end could now lie before the start). */
function shiftedEnd(existing: Visit | null, start: string): string | undefined {
	if (!existing?.endAt || existing.startAt === start) return undefined;
	const length = Date.parse(existing.endAt) - Date.parse(existing.startAt);
	return new Date(Date.parse(start) + length).toISOString();
}

/**
 * The contact's external ID: the payload's, else the contact the visit already belongs to, else a
 * stored contact with the same email or phone, else the email (or phone) itself.
 */
async function upsertContact(store: JourneyStore, draft: VisitEventDraft, existing: Visit | null): Promise<Contact> {
	const { id, email, phone, ...fields } = draft.contact;
	let known: Contact | null = null;
	if (id) known = await store.findContact({ externalId: id });
	else {
		if (existing) known = await store.findContact({ id: existing.contactId });
		if (!known && email) known = await store.findContact({ email });
		if (!known && phone) known = await store.findContact({ phone });
	}
	const externalId = id ?? known?.externalId ?? email ?? phone;
	const input = { externalId, email, phone, ...fields };
	// Returning patients mostly send what the store already has: skip the write transaction then.
	if (known && (externalId === undefined || known.externalId === externalId) && sameAsStored(known, input)) return known;
	const { contact } = await store.upsertContact(input);
	return contact;
}

function sameAsStored(stored: Contact, input: Omit<ContactDraft, 'id'>): boolean {
	return (Object.keys(input) as Array<keyof typeof input>).every((key) => input[key] === undefined || input[key] === stored[key]);
}
