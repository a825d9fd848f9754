/**
 * Landing visit and engagement events in a real Journey Store, on both backends: contact identity
 * without a booking-system contact ID, reschedules, and one record per provider event.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { openStore, type JourneyStore, type PostgresStoreConfig } from '../../../lib/store';
import { applyEngagement, applyVisitEvent, normaliseCalcom, type VisitEventDraft } from '../../../lib/webhooks';
import { createTestDatabase, dropTestDatabase } from '../../support/postgres';

const load = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/triggers/payloads', `${name}.json`), 'utf8'));
const calcom = (name: string): VisitEventDraft => {
	const result = normaliseCalcom(load(name));
	if (result.kind !== 'event') throw new Error('expected an event');
	return result.draft;
};
const options = (eventId: string) => ({ dedupSource: 'test', eventId, receivedAt: '2027-04-13T06:00:00.000Z' });
const context = { receivedAt: '2027-04-13T06:00:00.000Z', replyWindowDays: 7 };

let database: PostgresStoreConfig | undefined;
const backends: Array<[string, () => Promise<JourneyStore>]> = [
	['SQLite', () => openStore({ type: 'sqlite', path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cj-apply-')), 's.sqlite') })],
	['PostgreSQL', async () => openStore((database = await createTestDatabase()))],
];

describe.each(backends)('applying webhook events to the Journey Store (%s)', (_name, open) => {
	let store: JourneyStore;

	beforeEach(async () => {
		store = await open();
	});

	afterEach(async () => {
		await store.close();
		if (database) await dropTestDatabase(database);
		database = undefined;
	});

	it('a Cal.com booking for a contact the CRM already knows by email joins that contact', async () => {
		await store.upsertContact({ externalId: 'CRM-17', email: 'anna.nowak@example.com', name: 'Anna N.' });
		const result = await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1'));
		expect(result).toMatchObject({ kind: 'applied', item: { contact: { id: 'CRM-17', name: 'Anna Nowak', phone: '+48601234567' } } });
		const visit = await store.getVisit({ externalId: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com' });
		expect(visit?.contactId).toBe((await store.findContact({ externalId: 'CRM-17' }))!.id);
	});

	it('without a known contact the email becomes the contact ID; the same event ID applies once', async () => {
		expect(await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1'))).toMatchObject({ item: { contact: { id: 'anna.nowak@example.com' } } });
		expect(await applyVisitEvent(store, calcom('calcom-booking-rescheduled'), options('e1'))).toEqual({ kind: 'duplicate' });
		expect(await store.getVisit({ externalId: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com' })).toMatchObject({ version: 1, status: 'scheduled' });
	});

	it('a reschedule with a new visit ID cancels the replaced visit; one with the same ID bumps the version', async () => {
		await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1'));
		const moved = calcom('calcom-booking-rescheduled');
		expect(await applyVisitEvent(store, moved, options('e2'))).toMatchObject({ versionBumped: true, item: { visit: { version: 2, status: 'rescheduled' } } });
		const renamed: VisitEventDraft = { ...moved, visit: { ...moved.visit, id: 'NEW-1', previousId: moved.visit.id } };
		await applyVisitEvent(store, renamed, options('e3'));
		expect(await store.getVisit({ externalId: moved.visit.id })).toMatchObject({ status: 'cancelled', version: 2 });
		expect(await store.getVisit({ externalId: 'NEW-1' })).toMatchObject({ status: 'rescheduled', version: 1 });
	});

	it('a meeting that ended is also an attendance_marked event, recorded once, keyed to wake the visit\'s waiters', async () => {
		await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1'));
		const created = await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1b'));
		expect(created).toMatchObject({ kind: 'applied', attendance: null });

		const ended = await applyVisitEvent(store, calcom('calcom-meeting-ended'), options('e2'));
		const visit = (await store.getVisit({ externalId: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com' }))!;
		expect(ended).toMatchObject({
			attendance: {
				item: { event: { type: 'attendance_marked', intent: 'completed', source: 'visit', externalId: 'visit:calcom:e2' }, data: { status: 'completed', format: 'calcom' } },
				wake: { contactId: visit.contactId, eventType: 'attendance_marked', visitId: visit.id },
			},
		});
		// The same event through a second trigger node (its own dedup namespace) records nothing more.
		expect(await applyVisitEvent(store, calcom('calcom-meeting-ended'), { ...options('e2'), dedupSource: 'other' })).toMatchObject({ attendance: null });
		expect(await store.listEvents({ contactId: visit.contactId, types: ['attendance_marked'] })).toHaveLength(1);
	});

	it('a meeting that ended after the clinic marked a no-show keeps the no-show and wakes nobody', async () => {
		await applyVisitEvent(store, calcom('calcom-booking-created'), options('e1'));
		const visitId = 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com';
		const { visit } = await store.setVisitStatus({ externalId: visitId }, 'no-show');
		const ended = await applyVisitEvent(store, calcom('calcom-meeting-ended'), options('e2'));
		expect(ended).toMatchObject({ kind: 'applied', attendance: null, item: { visit: { status: 'no-show' } } });
		expect(await store.getVisit({ externalId: visitId })).toMatchObject({ status: 'no-show', version: visit.version });
		expect(await store.listEvents({ contactId: visit.contactId, types: ['attendance_marked'] })).toEqual([]);
	});

	it('an engagement event is recorded once per provider ID, however often it is delivered', async () => {
		const { contact } = await store.upsertContact({ externalId: 'P-1', phone: '+48601234567' });
		const draft = { kind: 'inbound' as const, source: 'twilio' as const, externalEventId: 'twilio:SM1', channel: 'sms' as const, from: '+48601234567', text: 'Nie' };
		const outcomes = await Promise.all([1, 2, 3].map(() => applyEngagement(store, draft, context)));
		expect(outcomes.filter((o) => o.kind === 'recorded' && !o.duplicate)).toHaveLength(1);
		expect(await store.listEvents({ contactId: contact.id })).toEqual([expect.objectContaining({ type: 'inbound', intent: 'no' })]);
	});
});
