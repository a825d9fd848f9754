/** The visit payload normalisers on the real payload shapes (test/fixtures/triggers/payloads). */
import fs from 'node:fs';
import path from 'node:path';

import { compilePaths, normaliseCalcom, normaliseCalendly, normaliseGeneric, parseEventTypeValues, readEventType, type NormaliseResult } from '../../../lib/webhooks';

const load = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/triggers/payloads', `${name}.json`), 'utf8'));
const draftOf = (result: NormaliseResult) => {
	if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`);
	return result.draft;
};

describe('generic JSON', () => {
	it('reads local times in the contact zone, phones with the default region', () => {
		const draft = draftOf(normaliseGeneric(load('generic-scheduled'), { defaultRegion: 'PL' }));
		expect(draft).toEqual({
			source: 'generic',
			type: 'scheduled',
			eventId: 'evt-1001',
			contact: { id: 'P-1001', name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
			visit: { id: 'V-2001', service: 'Hygiene', location: 'Clinic Centrum', staff: 'Dr Maria Kowalska', start: '2027-04-15T08:00:00.000Z', end: '2027-04-15T08:45:00.000Z' },
			startsExecution: true,
			warnings: [],
		});
	});

	it('a local time in a DST gap moves forward (Temporal "compatible"), as lib/time does everywhere', () => {
		const body = load('generic-scheduled');
		body.visit.start = '2027-03-28T02:30:00';
		body.visit.end = null;
		expect(draftOf(normaliseGeneric(body)).visit.start).toBe('2027-03-28T01:30:00.000Z');
	});

	it('numeric IDs are text; a status event may omit the start; drop-and-warn for a bad locale', () => {
		const draft = draftOf(normaliseGeneric({ event: { type: 'NO_SHOW' }, contact: { id: 7, locale: 'not a locale!' }, visit: { id: 12 } }));
		expect(draft).toMatchObject({ type: 'no-show', eventId: null, contact: { id: '7' }, visit: { id: '12' } });
		expect(draft.warnings).toEqual([{ field: 'contact.locale', message: '"not a locale!" is not a BCP 47 language tag; ignored' }]);
	});

	it('objects where text belongs, over-long IDs and years out of range are errors', () => {
		const result = normaliseGeneric({ event: { type: 'scheduled' }, contact: { id: { nested: true } }, visit: { id: 'x'.repeat(201), start: '1969-12-31T23:00:00Z' } });
		expect(result).toEqual({
			kind: 'invalid',
			fields: [
				{ field: 'contact.id', message: 'must be text, got an object' },
				{ field: 'visit.id', message: 'is longer than 200 characters' },
				{ field: 'visit.start', message: '"1969-12-31T23:00:00Z" is outside 1970–2199' },
			],
		});
	});

	it('event type spellings and user values', () => {
		expect(['Cancelled', 'canceled', 'no_show', 'No Show', 'COMPLETED'].map((v) => readEventType(v))).toEqual(['cancelled', 'cancelled', 'no-show', 'no-show', 'completed']);
		expect(readEventType('booked')).toBeUndefined();
		const values = parseEventTypeValues('booked=scheduled, moved = rescheduled\nNoShow=no_show');
		expect(values).toEqual({ booked: 'scheduled', moved: 'rescheduled', NoShow: 'no-show' });
		expect(readEventType('BOOKED', values)).toBe('scheduled');
		expect(() => parseEventTypeValues('booked=confirmed')).toThrow(/Event Type Values: cannot read "booked=confirmed"/);
		expect(() => compilePaths({ 'visit.start': 'a..b' })).toThrow(/Field Mapping: "a\.\.b" \(for visit\.start\)/);
	});
});

describe('Cal.com', () => {
	it('BOOKING_CREATED → scheduled, visit ID = iCalUID, attendee phone from the booking form', () => {
		const draft = draftOf(normaliseCalcom(load('calcom-booking-created')));
		expect(draft).toMatchObject({
			source: 'calcom',
			type: 'scheduled',
			eventId: null,
			contact: { name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl' },
			visit: { id: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com', service: 'Hygiene', staff: 'Dr Maria Kowalska', start: '2027-04-15T08:00:00.000Z', end: '2027-04-15T08:45:00.000Z' },
		});
		expect(draft.visit.previousId).toBeUndefined();
	});

	it('without an iCalUID a reschedule names the old booking (rescheduleUid) as the replaced visit', () => {
		const body = load('calcom-booking-rescheduled');
		delete body.payload.iCalUID;
		expect(draftOf(normaliseCalcom(body)).visit).toMatchObject({ id: 'vjNc4gM4wXMzZvz2MoSLXA', previousId: 'qGDMWyZkfkjt3yhcpQGxh8' });
	});

	it('MEETING_ENDED with the booking at the top level → completed', () => {
		expect(draftOf(normaliseCalcom(load('calcom-meeting-ended')))).toMatchObject({ type: 'completed', visit: { id: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com', service: 'Hygiene', staff: 'Dr Maria Kowalska' } });
	});

	it('names the missing parts with their Cal.com paths; other events are ignored', () => {
		expect(normaliseCalcom({ triggerEvent: 'BOOKING_CREATED', payload: { attendees: [] } })).toEqual({
			kind: 'invalid',
			fields: [
				{ field: 'payload.attendees', message: 'has no attendee to send messages to' },
				{ field: 'payload.uid', message: 'is required' },
				{ field: 'payload.startTime', message: 'is required' },
			],
		});
		expect(normaliseCalcom({ triggerEvent: 'BOOKING_REQUESTED', payload: {} })).toMatchObject({ kind: 'ignored' });
		expect(normaliseCalcom({})).toMatchObject({ kind: 'invalid', fields: [{ field: 'triggerEvent' }] });
	});
});

describe('Calendly', () => {
	it('invitee.created → scheduled with the invitee UUID as visit ID', () => {
		expect(draftOf(normaliseCalendly(load('calendly-invitee-created')))).toMatchObject({
			type: 'scheduled',
			startsExecution: true,
			contact: { name: 'Jan Kowalski', email: 'jan.kowalski@example.com', phone: '+48602345678', timeZone: 'Europe/Warsaw' },
			visit: { id: 'AAAAAAAAAAAAAAAA', service: 'Dental check-up', location: 'Clinic Mokotów, ul. Puławska 99', staff: 'Dr Ewa Nowicka', start: '2027-04-20T09:00:00.000Z' },
		});
	});

	it('a reschedule: the created half is "rescheduled" and names the old invitee; the cancelled half starts nothing', () => {
		expect(draftOf(normaliseCalendly(load('calendly-invitee-created-rescheduled')))).toMatchObject({ type: 'rescheduled', visit: { id: 'DDDDDDDDDDDDDDDD', previousId: 'AAAAAAAAAAAAAAAA' } });
		expect(draftOf(normaliseCalendly(load('calendly-invitee-canceled-rescheduled')))).toMatchObject({ type: 'cancelled', startsExecution: false });
	});

	it('a no-show that names only the invitee URI', () => {
		const result = normaliseCalendly({ event: 'invitee_no_show.created', payload: { invitee: 'https://api.calendly.com/scheduled_events/X/invitees/INV-1', created_at: '2027-04-20T10:15:00Z' } });
		expect(draftOf(result)).toMatchObject({ type: 'no-show', contact: {}, visit: { id: 'INV-1' } });
	});
});
