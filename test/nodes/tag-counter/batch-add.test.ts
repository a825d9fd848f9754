/**
 * Loyalty Counter "add" applies an execution's items together (one addToCounters call): every item
 * must still get exactly what it gets when it is the only item of its execution — values,
 * duplicates, milestones, errors — and a bad item fails only itself.
 */
import { DatabaseSync } from 'node:sqlite';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { JourneyHarness, type JourneyRun } from '../../harness';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { fixture, sqliteCredential, storeFor, visitItem, withNode } from './support';

describe('Loyalty Counter add: many items in one execution (real engine, SQLite Journey Store)', () => {
	let store: JourneyStore;
	let harness: JourneyHarness;
	let sqlitePath: string;
	const stored = async (externalId: string) => {
		const contact = await store.findContact({ externalId });
		return contact ? store.getCounter(contact.id, 'points') : null;
	};

	beforeEach(async () => {
		const credential = sqliteCredential();
		sqlitePath = credential.sqlitePath;
		store = await storeFor(credential);
		harness = await JourneyHarness.create({ start: '2027-04-15T10:00:00.000Z', credentials: { journeyStoreApi: credential } });
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	/** Per input item: the output it went to and its counter (or its error, without the item number). */
	const perItem = (run: JourneyRun, count: number) => {
		const seen: IDataObject[] = Array.from({ length: count }, () => ({}));
		for (const output of [0, 1]) {
			for (const item of harness.output(run, 'Add points', output)) {
				const index = (item.pairedItem as { item: number }).item;
				const error = item.json.error as string | undefined;
				seen[index] = { output, ...(error ? { error: error.replace(/^Item \d+: /, '') } : { counter: item.json.counter }) };
			}
		}
		return seen;
	};

	it('gives each item what one execution per item gives: values, duplicates, crossings, bad items', async () => {
		const workflow = withNode(fixture('s6-bonus-points'), 'Add points', {}, { onError: 'continueRegularOutput' });
		const plan: Array<[contact: string, visit: string, points: unknown]> = [
			['a', 'v-1', 1000], ['b', 'v-2', 2300], ['a', 'v-3', 1000], ['a', 'v-1', 1000], ['c', 'v-4', 'lots'],
			['a', 'v-5', 300], ['b', 'v-6', -100], ['', 'v-7', 5], ['a', 'v-8', -2000], ['a', 'v-9', 2000], ['b', 'v-2', 50], ['c', 'v-10', 7],
		];
		const items = (prefix: string): INodeExecutionData[] =>
			plan.map(([contact, visit, points]) => {
				const item = visitItem(contact && `${prefix}-${contact}`, visit, { points } as IDataObject);
				if (!contact) (item.json.contact as IDataObject).id = '';
				return item;
			});

		const together = perItem(await harness.start(workflow, { items: items('together') }), plan.length);
		const alone: IDataObject[] = [];
		for (const item of items('alone')) alone.push(perItem(await harness.start(workflow, { items: [item] }), 1)[0]!);

		expect(together).toEqual(alone);
		expect(together.filter((item) => item.error)).toHaveLength(2);
		expect(together.filter((item) => item.output === 0)).toHaveLength(3);
		for (const contact of ['a', 'b', 'c']) expect(await stored(`together-${contact}`)).toBe(await stored(`alone-${contact}`));
	});

	it('an unknown contact (creation off) fails only its item; without "continue on fail" the items after a bad one are not counted', async () => {
		await store.upsertContact({ externalId: 'known' });
		const strict = withNode(fixture('s6-bonus-points'), 'Add points', { createContact: false });
		const lenient = withNode(fixture('s6-bonus-points'), 'Add points', { createContact: false }, { onError: 'continueRegularOutput' });
		const items = [visitItem('known', 'v-1', { points: 10 }), visitItem('nobody', 'v-2', { points: 10 }), visitItem('known', 'v-3', { points: 5 })];

		const run = await harness.start(lenient, { items });
		expect(perItem(run, 3).map((item) => item.error ?? (item.counter as IDataObject).value)).toEqual([
			10,
			expect.stringMatching(/^Contact ID: contact "nobody" was not found/),
			15,
		]);
		expect(await stored('nobody')).toBeNull();

		const stopped = await harness.start(strict, { items: [visitItem('known', 'v-4', { points: 1 }), ...items.slice(1)] });
		expect(stopped.errorMessage).toMatch(/^Item 1: Contact ID: contact "nobody" was not found/);
		expect(await stored('known')).toBe(16);
	});

	it('when the database refuses one add, the batch is undone and the items are counted one by one: the others once, the refused one fails alone', async () => {
		const refused = await store.upsertContact({ externalId: 'refused' });
		// A real refusal from the database (no mock): a trigger that aborts the ledger entry of one contact.
		const db = new DatabaseSync(sqlitePath);
		db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON cj_counter_entries WHEN NEW.contact_id = '${refused.contact.id}'
			BEGIN SELECT RAISE(ABORT, 'refused by the database'); END`);
		db.close();
		const lenient = withNode(fixture('s6-bonus-points'), 'Add points', {}, { onError: 'continueRegularOutput' });
		const items = [
			visitItem('a', 'v-1', { points: 10 }),
			visitItem('refused', 'v-2', { points: 5 }),
			visitItem('b', 'v-3', { points: 7 }),
			visitItem('a', 'v-4', { points: 1 }),
		];

		const run = await harness.start(lenient, { items });
		expect(perItem(run, 4).map((item) => item.error ?? (item.counter as IDataObject).value)).toEqual([10, expect.stringMatching(/refused by the database/), 7, 11]);
		expect(await stored('a')).toBe(11);
		expect(await stored('b')).toBe(7);
		expect(await store.getCounter(refused.contact.id, 'points')).toBe(0);
	});
});
