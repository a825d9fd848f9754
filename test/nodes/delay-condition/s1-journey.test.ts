/**
 * S1 end to end on the engine with the virtual clock: the reminder is guarded by "Visit Still
 * Current" at wake-up (a visit moved or cancelled while the journey waits is never reminded), and
 * after the visit the journey waits for attendance and the survey, resuming early when the clinic
 * or the patient acts, on time-out otherwise.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { closeAllStores, type JourneyStore, type PostgresStoreConfig, type StoreCredential } from '../../../lib/store';
import { JourneyHarness } from '../../harness';
import { createTestDatabase, dropTestDatabase } from '../../support/postgres';
import { deliverEvent, fixture, ranAt, seedVisit, sqliteCredential, storeFor, visitItem, type Seeded } from './support';

let h: JourneyHarness;
let store: JourneyStore;
let database: PostgresStoreConfig | undefined;

type Backend = 'SQLite' | 'PostgreSQL';

async function credentialFor(backend: Backend): Promise<ICredentialDataDecryptedObject> {
	if (backend === 'SQLite') return sqliteCredential();
	database = await createTestDatabase();
	const { host, port, database: name, user, password } = database;
	return { type: 'postgres', host, port, database: name, user, password: password ?? '' };
}

async function setUp(start: string, backend: Backend = 'SQLite'): Promise<void> {
	const credential = await credentialFor(backend);
	h = await JourneyHarness.create({ start, credentials: { journeyStoreApi: credential } });
	await h.listen();
	store = await storeFor(credential as StoreCredential);
}

afterEach(async () => {
	await h.dispose();
	await closeAllStores();
	if (database) await dropTestDatabase(database);
	database = undefined;
});

describe('S1: the reminder checks at wake-up that the visit is still current', () => {
	// Booked on Saturday 10 April for Thursday 15 April 10:00 Warsaw; the reminder waits for Tue 13 Apr 08:00.
	let seeded: Seeded;

	beforeEach(async () => {
		await setUp('2027-04-10T12:00:00.000Z');
		seeded = await seedVisit(store, { start: '2027-04-15T08:00:00.000Z' });
	});

	it('unchanged: the email reminder goes on Tue 13 Apr 08:00', async () => {
		const run = await h.start(fixture('s1-guarded-reminder'), { items: [visitItem()] });
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Email reminder')).toEqual(['2027-04-13T06:00:00.000Z']);
		expect(h.output(run, 'Email reminder')[0].json).toMatchObject({
			schedule: { scheduledFor: '2027-04-13T08:00:00+02:00' },
			condition: { check: 'visitCurrent', outcome: 'Current' },
		});
	});

	it('rescheduled on Sunday while the journey waits: at wake-up the old reminder goes to Stale, nothing is sent', async () => {
		const run = await h.start(fixture('s1-guarded-reminder'), { items: [visitItem()] });
		h.schedule('2027-04-11T09:00:00.000Z', 'the patient moves the visit to Friday', async () => {
			await store.upsertVisit({ externalId: 'v-100', contactId: seeded.contactId, startAt: '2027-04-16T08:00:00.000Z' });
		});
		await h.runUntilIdle();
		expect(run.status).toBe('success');
		expect(ranAt(h, run, 'Email reminder')).toEqual([]);
		expect(ranAt(h, run, 'Reminder dropped')).toEqual(['2027-04-13T06:00:00.000Z']);
		expect(h.output(run, 'Reminder dropped')[0].json.condition).toMatchObject({
			outcome: 'Stale',
			reason: 'visit v-100 was moved (slot version 2 in the Journey Store, 1 in the item)',
		});
	});

	it('cancelled while the journey waits: Stale at wake-up, nothing is sent', async () => {
		const run = await h.start(fixture('s1-guarded-reminder'), { items: [visitItem()] });
		h.schedule('2027-04-12T15:00:00.000Z', 'the clinic cancels the visit', async () => {
			await store.setVisitStatus({ externalId: 'v-100' }, 'cancelled');
		});
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Email reminder')).toEqual([]);
		expect(h.output(run, 'Reminder dropped')[0].json.condition).toMatchObject({ outcome: 'Stale', reason: 'visit v-100 was cancelled' });
	});
});

describe.each<Backend>(['SQLite', 'PostgreSQL'])('S1 after the visit: attendance, then the survey with one SMS reminder (%s)', (backend) => {
	// The journey starts when the visit begins: Thursday 15 April 10:00 Warsaw (08:00 UTC).
	let seeded: Seeded;
	const start = async () => h.start(fixture('s1-after-visit'), { items: [visitItem()] });
	const marked = (status: 'attended' | 'no-show') => async () => {
		await store.setVisitStatus({ externalId: 'v-100' }, status);
		expect(await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'attendance_marked' })).toEqual([200]);
	};
	const surveyFilled = async () => {
		expect(await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'survey_completed' })).toEqual([200]);
	};

	beforeEach(async () => {
		await setUp('2027-04-15T08:00:00.000Z', backend);
		seeded = await seedVisit(store, { start: '2027-04-15T08:00:00.000Z' });
	});

	it('attended, survey filled only after the SMS: each wait ends at the event, or at its time-out', async () => {
		h.schedule('2027-04-15T09:15:00.000Z', 'the doctor marks the patient as attended', marked('attended'));
		h.schedule('2027-04-19T17:00:00.000Z', 'the patient fills in the survey', surveyFilled);
		const run = await start();
		expect(run.waitTill?.toISOString()).toBe('2027-04-17T08:00:00.000Z');

		await h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual([
			'2027-04-15T09:15:00.000Z', // attendance marked: early resume
			'2027-04-16T08:00:00.000Z', // 24 h after the visit
			'2027-04-18T08:00:00.000Z', // no survey within 48 h: time-out
			'2027-04-19T17:00:00.000Z', // survey filled after the SMS: early resume
		]);
		expect(ranAt(h, run, 'Email survey')).toEqual(['2027-04-16T08:00:00.000Z']);
		expect(ranAt(h, run, 'SMS asks again')).toEqual(['2027-04-18T08:00:00.000Z']);
		expect(ranAt(h, run, 'Tag active contact after SMS')).toEqual(['2027-04-19T17:00:00.000Z']);
		expect(ranAt(h, run, 'Tag active contact')).toEqual([]);
		expect(h.output(run, 'SMS asks again')[0].json.condition).toMatchObject({
			check: 'survey',
			outcome: 'Not Completed',
			timedOut: true,
			waitedUntil: '2027-04-18T08:00:00.000Z',
		});
		expect(h.output(run, 'Tag active contact after SMS')[0].json.condition).toMatchObject({ outcome: 'Completed' });
	});

	it('survey filled right after the email: tag "active contact", no SMS', async () => {
		h.schedule('2027-04-15T09:15:00.000Z', 'the doctor marks the patient as attended', marked('attended'));
		h.schedule('2027-04-16T11:30:00.000Z', 'the patient fills in the survey', surveyFilled);
		const run = await start();
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Tag active contact')).toEqual(['2027-04-16T11:30:00.000Z']);
		expect(ranAt(h, run, 'SMS asks again')).toEqual([]);
	});

	it('survey never filled: the journey ends after the SMS wait times out', async () => {
		h.schedule('2027-04-15T09:15:00.000Z', 'the doctor marks the patient as attended', marked('attended'));
		const run = await start();
		await h.runUntilIdle();
		expect(ranAt(h, run, 'End without survey')).toEqual(['2027-04-21T08:00:00.000Z']);
		expect(run.status).toBe('success');
	});

	it('no-show: the contact is tagged right when the clinic marks it, and the journey ends', async () => {
		h.schedule('2027-04-15T12:00:00.000Z', 'the clinic marks a no-show', marked('no-show'));
		const run = await start();
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Tag no-show')).toEqual(['2027-04-15T12:00:00.000Z']);
		expect(h.executedNodes(run)).toEqual(['Start', 'Attendance', 'Attendance', 'Tag no-show']);
	});

	it('attendance never marked: the run continues on Unknown after 48 h', async () => {
		const run = await start();
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Attendance not marked')).toEqual(['2027-04-17T08:00:00.000Z']);
		expect(h.output(run, 'Attendance not marked')[0].json.condition).toMatchObject({ outcome: 'Unknown', timedOut: true });
	});
});
