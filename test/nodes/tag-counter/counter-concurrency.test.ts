/**
 * 20 executions running at once, each adding 1 to the same contact's counter for 50 visits: the
 * total is exact and every add saw its own value, on both Journey Store backends. Run again (a
 * retry of everything), nothing is counted twice.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { JourneyHarness } from '../../harness';
import { closeAllStores, type PostgresStoreConfig } from '../../../lib/store';
import { createTestDatabase, dropTestDatabase } from '../../support/postgres';
import { fixture, sqliteCredential, storeFor, visitItem, withNode } from './support';

const EXECUTIONS = 20;
const ADDS = 50;

interface Backend {
	credential(): Promise<ICredentialDataDecryptedObject>;
	dispose(): Promise<void>;
}

let database: PostgresStoreConfig | undefined;
const backends: Array<[string, Backend]> = [
	['SQLite', { credential: async () => sqliteCredential(), dispose: async () => undefined }],
	[
		'PostgreSQL',
		{
			credential: async () => {
				database = await createTestDatabase();
				const { host, port, database: name, user, password } = database;
				return { type: 'postgres', host, port, database: name, user, password: password ?? '' };
			},
			dispose: async () => {
				if (database) await dropTestDatabase(database);
			},
		},
	],
];

describe.each(backends)('Loyalty Counter under concurrent executions (%s)', (_name, backend) => {
	let credential: ICredentialDataDecryptedObject;
	let harness: JourneyHarness;

	beforeAll(async () => {
		credential = await backend.credential();
		harness = await JourneyHarness.create({ start: '2027-04-15T10:00:00.000Z', credentials: { journeyStoreApi: credential } });
	});

	afterAll(async () => {
		await harness.dispose();
		await closeAllStores();
		await backend.dispose();
	});

	it(`${EXECUTIONS} executions × ${ADDS} adds on one contact give the exact total, milestones fire once each, a retry adds nothing`, async () => {
		// Every 100th visit is a milestone: exactly 10 adds may take that branch.
		const workflow = withNode(fixture('count-visits'), 'Count visit', { milestone: 'everyNth', every: 100, reachedAt: 100 });
		const itemsOf = (execution: number) =>
			Array.from({ length: ADDS }, (_, add) => visitItem('p-busy', `v-${execution}-${add}`));
		const runAll = () => Promise.all(Array.from({ length: EXECUTIONS }, (_, execution) => harness.start(workflow, { items: itemsOf(execution) })));

		const runs = await runAll();
		expect(runs.map((run) => run.status)).toEqual(Array(EXECUTIONS).fill('success'));
		const counters = (output: number) =>
			runs.flatMap((run) => harness.output(run, 'Count visit', output).map((item) => item.json.counter as { value: number; applied: boolean }));
		const all = [...counters(0), ...counters(1)];
		expect(all).toHaveLength(EXECUTIONS * ADDS);
		expect(all.every((counter) => counter.applied)).toBe(true);
		// Each add saw a distinct new value: 1 … 1000, none lost, none repeated.
		expect(all.map((counter) => counter.value).sort((a, b) => a - b)).toEqual(Array.from({ length: EXECUTIONS * ADDS }, (_, i) => i + 1));
		expect(counters(0).map((counter) => counter.value).sort((a, b) => a - b)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);

		// An execution's adds are applied together (one transaction): each got one unbroken block of values.
		const contiguous = (values: number[]) => values.every((value, index) => index === 0 || value === values[index - 1] + 1);
		const valuesOf = (run: (typeof runs)[number]) =>
			[0, 1].flatMap((output) => harness.output(run, 'Count visit', output)).map((item) => (item.json.counter as { value: number }).value).sort((a, b) => a - b);
		expect(runs.every((run) => contiguous(valuesOf(run)))).toBe(true);

		const store = await storeFor(credential);
		const contact = await store.findContact({ externalId: 'p-busy' });
		expect(await store.getCounter(contact!.id, 'visits')).toBe(EXECUTIONS * ADDS);

		const retried = await runAll();
		const again = retried.flatMap((run) => [0, 1].flatMap((output) => harness.output(run, 'Count visit', output)));
		expect(again.filter((item) => (item.json.counter as { applied: boolean }).applied)).toEqual([]);
		expect(retried.flatMap((run) => harness.output(run, 'Count visit', 0))).toEqual([]);
		expect(await store.getCounter(contact!.id, 'visits')).toBe(EXECUTIONS * ADDS);
	});
});
