import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { openStore, type JourneyStore } from '../../../lib/store';
import { findDueRecalls, recallWindow } from '../../../lib/webhooks';

describe('recall window', () => {
	it('is [now − delay − catch-up, now − delay): a visit is due once its end plus the delay has passed', () => {
		expect(recallWindow({ now: '2027-04-13T06:00:00.000Z', delayDays: 180, catchUpDays: 7 })).toEqual({
			endedAfter: '2026-10-08T06:00:00.000Z',
			endedBefore: '2026-10-15T06:00:00.000Z',
		});
	});

	it('counts days as 24 hours of UTC, so the window does not shift with DST', () => {
		expect(recallWindow({ now: '2027-03-29T06:00:00.000Z', delayDays: 1, catchUpDays: 1 })).toEqual({
			endedAfter: '2027-03-27T06:00:00.000Z',
			endedBefore: '2027-03-28T06:00:00.000Z',
		});
	});
});

describe('findDueRecalls with a backlog larger than a page', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-recall-'));
	let store: JourneyStore;
	beforeAll(async () => {
		store = await openStore({ type: 'sqlite', path: path.join(dir, 'store.sqlite') });
	});
	afterAll(async () => {
		await store.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('recalls every due visit once, page by page, and the per-poll limit leaves the rest for the next poll', async () => {
		const now = '2027-04-13T06:00:00.000Z';
		// 2,300 contacts whose only visit ended 181–189 days ago (more than two pages of 1,000), two with a booking ahead.
		await store.atomically(async (tx) => {
		for (let index = 0; index < 2300; index++) {
			const { contact } = await tx.upsertContact({ externalId: `p-${index}`, email: `p-${index}@patients.test` });
			const ended = Date.parse(now) - (181 + (index % 9)) * 86_400_000;
			await tx.upsertVisit({ externalId: `v-${index}`, contactId: contact.id, startAt: new Date(ended - 3_600_000).toISOString(), endAt: new Date(ended).toISOString(), status: 'attended' });
			if (index < 2) await tx.upsertVisit({ externalId: `next-${index}`, contactId: contact.id, startAt: '2027-05-01T08:00:00.000Z' });
		}
		});
		const options = { reminder: 'six-months', services: [], delayDays: 180, catchUpDays: 30, statuses: ['attended' as const], excludeTags: [], now };
		const first = await findDueRecalls(store, { ...options, limit: 1500 });
		const second = await findDueRecalls(store, options);
		const third = await findDueRecalls(store, options);
		expect(first).toHaveLength(1500);
		expect(second).toHaveLength(2300 - 2 - 1500);
		expect(third).toHaveLength(0);
		const recalled = [...first, ...second].map((item) => item.visit.id);
		expect(new Set(recalled).size).toBe(recalled.length);
		expect(recalled).not.toContain('v-0');
		expect(recalled).not.toContain('v-1');
	});
});
