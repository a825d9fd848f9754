import { JourneyHarness, type JourneyRun } from '../../harness';
import { closeAllStores } from '../../../lib/store';
import { fixture, sqliteCredential, storeFor, visitItem, withNode } from './support';

const START = '2027-04-15T10:00:00.000Z';
const day = (n: number) => new Date(Date.parse(START) + n * 86_400_000).toISOString();

describe('Loyalty Counter: points older than N days expire (real engine, virtual clock)', () => {
	let harness: JourneyHarness;

	afterEach(async () => {
		await harness?.dispose();
		await closeAllStores();
	});

	it('points older than 90 days are gone before the 2,250 threshold is checked, and the output says how many', async () => {
		const credential = sqliteCredential();
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: credential } });
		const expiring = withNode(fixture('s6-bonus-points'), 'Add points', { expireAfterDays: 90 });
		const get = withNode(expiring, 'Add points', { operation: 'get' });
		const runs: Record<string, JourneyRun> = {};
		const visit = (label: string, at: string, workflow: typeof expiring, points: number) =>
			harness.schedule(at, label, async () => {
				runs[label] = await harness.start(workflow, { items: [visitItem('p-1', label, { points })] });
			});

		visit('v-1', day(0), expiring, 1000);
		visit('v-2', day(60), expiring, 1000);
		// 2,300 without expiry; the 1,000 of day 0 are 100 days old, so the balance is 1,300.
		visit('v-3', day(100), expiring, 300);
		visit('check', day(160), get, 0);
		await harness.runUntilIdle();

		const counter = (label: string, output: number) => harness.output(runs[label]!, 'Add points', output)[0]?.json.counter;
		expect(harness.executedNodes(runs['v-3']!).at(-1)).toBe('Not yet');
		expect(counter('v-3', 1)).toEqual({
			name: 'points',
			previous: 1000,
			value: 1300,
			applied: true,
			expired: 1000,
			milestone: { type: 'threshold', reached: false, target: 2250 },
		});
		// Day 160: the 1,000 of day 60 expired too; the 300 of day 100 are left.
		expect(counter('check', 1)).toMatchObject({ value: 300, expired: 1000 });

		const store = await storeFor(credential);
		const contact = await store.findContact({ externalId: 'p-1' });
		expect(await store.getCounter(contact!.id, 'points')).toBe(300);
	});

	it('0 days (the default) keeps every point: the same visits reach the threshold', async () => {
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: sqliteCredential() } });
		const workflow = fixture('s6-bonus-points');
		const runs: JourneyRun[] = [];
		for (const [label, at, points] of [['v-1', day(0), 1000], ['v-2', day(60), 1000], ['v-3', day(100), 300]] as const) {
			harness.schedule(at, label, async () => {
				runs.push(await harness.start(workflow, { items: [visitItem('p-1', label, { points })] }));
			});
		}
		await harness.runUntilIdle();
		expect(runs.map((run) => harness.executedNodes(run).at(-1))).toEqual(['Not yet', 'Not yet', 'Bonus reminder']);
		expect(harness.output(runs[2]!, 'Add points', 0)[0]!.json.counter).not.toHaveProperty('expired');
	});

	it('reads the days per item, and refuses a negative number naming the field and the item', async () => {
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: sqliteCredential() } });
		const perItem = withNode(fixture('s6-bonus-points'), 'Add points', { operation: 'get', expireAfterDays: '={{ $json.days }}' });
		harness.schedule(day(0), 'earn', async () => {
			await harness.start(fixture('s6-bonus-points'), { items: [visitItem('p-1', 'v-1', { points: 500 })] });
		});
		let keep: JourneyRun | undefined;
		harness.schedule(day(30), 'check', async () => {
			keep = await harness.start(perItem, { items: [visitItem('p-1', 'c-1', { days: 60 }), visitItem('p-1', 'c-2', { days: 20 })] });
		});
		await harness.runUntilIdle();
		const values = harness.output(keep!, 'Add points', 1).map((item) => item.json.counter);
		expect(values).toEqual([
			expect.objectContaining({ value: 500 }),
			expect.objectContaining({ value: 0, expired: 500 }),
		]);
		expect(values[0]).not.toHaveProperty('expired');

		const negative = await harness.start(perItem, { items: [visitItem('p-1', 'c-3', { days: -1 })] });
		expect(negative.status).toBe('error');
		expect(negative.errorMessage).toBe('Item 0: Expire Points Older Than (Days): must be 0 (off) or more, got -1');
	});
});
