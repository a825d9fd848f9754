/**
 * The Recall Due Trigger (S5 recurring visit, S6 check-up invitation) against a real Journey Store
 * on the harness's virtual clock: who is due, who is not, once per visit, nothing missed between polls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { JourneyHarness } from '../../harness';
import { closeAllStores, getStore, resolveStoreConfig, type JourneyStore, type VisitStatus } from '../../../lib/store';
import { pollOnce } from './poll-support';
import { fixture, jsonOf, START, withParameters } from './support';

const workflow = fixture('recall-trigger');

describe('Recall Due Trigger', () => {
	let h: JourneyHarness;
	let store: JourneyStore;
	let credentials: { journeyStoreApi: { type: 'sqlite'; sqlitePath: string } };

	beforeEach(async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-recall-'));
		credentials = { journeyStoreApi: { type: 'sqlite' as const, sqlitePath: path.join(dir, 'journey-store.sqlite') } };
		h = await JourneyHarness.create({ start: START, credentials });
		store = await getStore(resolveStoreConfig({ credential: credentials.journeyStoreApi, env: {} }));
	});

	afterEach(async () => {
		await h.dispose();
		await closeAllStores();
	});

	async function visit(contact: string, id: string, end: string, extra: { service?: string; status?: VisitStatus; start?: string } = {}) {
		const { contact: stored } = await store.upsertContact({ externalId: contact, email: `${contact.toLowerCase()}@example.com`, timeZone: 'Europe/Warsaw' });
		const start = extra.start ?? new Date(Date.parse(end) - 45 * 60_000).toISOString();
		await store.upsertVisit({ externalId: id, contactId: stored.id, service: extra.service ?? 'Hygiene', startAt: start, endAt: end, status: extra.status ?? 'attended' });
		return stored;
	}

	const poll = async (json = workflow, mode: 'trigger' | 'manual' = 'trigger') => {
		const result = await pollOnce(h, json, 'Recall Due', credentials, mode);
		return result ? jsonOf(result[0]) : [];
	};

	it('emits each contact whose last hygiene visit ended 6 months (180 days) ago and who has not booked again, once', async () => {
		// Now is 2027-04-13T06:00Z; due means ended in [2026-10-08T06:00Z, 2026-10-15T06:00Z).
		await visit('P-A', 'V-A', '2026-10-14T10:00:00Z');
		const booked = await visit('P-B', 'V-B', '2026-10-14T11:00:00Z');
		await store.upsertVisit({ externalId: 'V-B2', contactId: booked.id, service: 'Implant check', startAt: '2027-05-01T08:00:00Z' });
		await visit('P-C', 'V-C1', '2026-10-13T10:00:00Z');
		await visit('P-C', 'V-C2', '2027-01-10T10:00:00Z');
		const tagged = await visit('P-D', 'V-D', '2026-10-14T12:00:00Z');
		await store.addTags(tagged.id, ['no-show']);
		await visit('P-E', 'V-E', '2026-10-14T10:00:00Z', { service: 'Implant check' });
		await visit('P-F', 'V-F', '2026-10-20T10:00:00Z');
		await visit('P-G', 'V-G', '2026-10-14T10:00:00Z', { status: 'cancelled' });
		await visit('P-H', 'V-H', '2026-09-01T10:00:00Z');
		await visit('P-I', 'V-I', '2026-10-12T09:00:00Z', { status: 'scheduled' });

		const due = await poll();
		expect(due.map((item) => [item.contact.id, item.visit.id])).toEqual([['P-I', 'V-I'], ['P-A', 'V-A']]);
		expect(due[1]).toMatchObject({
			event: { id: 'recall:hygiene-6m:V-A', type: 'recall_due', source: 'recall', receivedAt: START },
			recall: { reminder: 'hygiene-6m', delayDays: 180, dueAt: '2027-04-12T10:00:00.000Z' },
			contact: { id: 'P-A', email: 'p-a@example.com', timeZone: 'Europe/Warsaw' },
			visit: { service: 'Hygiene', end: '2026-10-14T10:00:00.000Z', status: 'attended' },
		});

		// The next poll finds nothing new; six days later P-F is due (the window catches it whenever the poll runs).
		expect(await poll()).toEqual([]);
		h.clock.advanceTo(new Date('2027-04-19T12:00:00Z'));
		expect((await poll()).map((item) => item.contact.id)).toEqual(['P-F']);
	});

	it('the emitted items start one execution of the workflow', async () => {
		await visit('P-A', 'V-A', '2026-10-14T10:00:00Z');
		const result = await pollOnce(h, workflow, 'Recall Due', credentials);
		const run = await h.start(workflow, { mainData: result! });
		expect(run.status).toBe('success');
		expect(jsonOf(h.output(run, 'Invite')).map((item) => item.contact.id)).toEqual(['P-A']);
	});

	it('"Fetch Test Event" (manual mode) previews who is due without using up the recall', async () => {
		await visit('P-A', 'V-A', '2026-10-14T10:00:00Z');
		expect(await poll(workflow, 'manual')).toHaveLength(1);
		expect(await poll(workflow, 'manual')).toHaveLength(1);
		expect(await poll()).toHaveLength(1);
		expect(await poll()).toHaveLength(0);
	});

	it('another reminder name recalls the same visit again; a month is 30 days; no services means any', async () => {
		await visit('P-A', 'V-A', '2027-01-12T10:00:00Z', { service: 'Implant check' });
		const threeMonths = withParameters(workflow, 'Recall Due', { reminder: 'any-3m', services: [], delayAmount: 3, excludeTags: [] });
		expect((await poll(threeMonths)).map((item) => item.recall)).toEqual([{ reminder: 'any-3m', delayDays: 90, dueAt: '2027-04-12T10:00:00.000Z' }]);
		const weeks = withParameters(threeMonths, 'Recall Due', { reminder: 'any-12w', delayAmount: 12, delayUnit: 'weeks' });
		expect((await poll(weeks)).map((item) => item.recall.delayDays)).toEqual([84]);
		expect(await poll(withParameters(weeks, 'Recall Due', { reminder: 'any-13w', delayAmount: 13 }))).toEqual([]);
	});
});
