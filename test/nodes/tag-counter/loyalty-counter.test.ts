import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { JourneyHarness, type JourneyRun } from '../../harness';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { LoyaltyCounter } from '../../../nodes/LoyaltyCounter/LoyaltyCounter.node';
import { fixture, jsonOf, sqliteCredential, storeFor, visitItem, withNode } from './support';

const START = '2027-04-15T10:00:00.000Z';

interface CounterJson {
	name: string;
	previous: number;
	value: number;
	applied: boolean;
	milestone: { type: string; reached: boolean; target: number } | null;
	valueAfterReset?: number;
}

describe('Loyalty Counter (real engine, SQLite Journey Store)', () => {
	let credential: ReturnType<typeof sqliteCredential>;
	let store: JourneyStore;
	let harness: JourneyHarness;

	const counterOf = (run: JourneyRun, node: string, output: number) =>
		harness.output(run, node, output).map((item) => item.json.counter as CounterJson);
	const stored = async (externalId: string, name: string) =>
		store.getCounter((await store.findContact({ externalId }))!.id, name);

	beforeEach(async () => {
		credential = sqliteCredential();
		store = await storeFor(credential);
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: credential } });
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	it('S2: the 9th visit takes the coupon branch for a free 10th, the counter restarts, the next coupon comes 9 visits later', async () => {
		const workflow = fixture('s2-tenth-visit-free');
		const branchOf: string[] = [];
		let coupon: JourneyRun | undefined;
		for (let visit = 1; visit <= 18; visit++) {
			const run = await harness.start(workflow, { items: [visitItem('p-1', `v-${visit}`)] });
			const took = harness.executedNodes(run).at(-1)!;
			branchOf.push(took);
			if (visit === 9) coupon = run;
		}
		expect(branchOf.map((node, index) => (node === 'Free-visit coupon' ? index + 1 : 0)).filter(Boolean)).toEqual([9, 18]);
		const [reward] = jsonOf(harness.output(coupon!, 'Free-visit coupon'));
		expect(reward.message).toBe('Thank you for your 9th visit: your next one is free.');
		expect(reward.counter).toEqual({
			name: 'visits',
			previous: 8,
			value: 9,
			applied: true,
			milestone: { type: 'everyNth', reached: true, target: 9 },
			valueAfterReset: 0,
		});
		expect(await stored('p-1', 'visits')).toBe(0);

		// The 9th visit's event delivered again later: counted once, no second coupon, no second reset.
		await harness.start(workflow, { items: [visitItem('p-1', 'v-19')] });
		const replay = await harness.start(workflow, { items: [visitItem('p-1', 'v-9')] });
		expect(harness.executedNodes(replay).at(-1)).toBe('Not yet');
		expect(counterOf(replay, 'Count visit', 1)).toEqual([
			{ name: 'visits', previous: 1, value: 1, applied: false, milestone: { type: 'everyNth', reached: false, target: 9 } },
		]);
		expect(await stored('p-1', 'visits')).toBe(1);
	});

	it('every Nth without reset: "Reached At" 10 fires at 10 and 20, "Reached At" 9 at 9 and 19', async () => {
		const reachedAt = async (at: number, contact: string) => {
			const workflow = withNode(fixture('s2-tenth-visit-free'), 'Count visit', { reachedAt: at, resetAfterReward: false });
			const items = Array.from({ length: 20 }, (_, index) => visitItem(contact, `v-${index + 1}`));
			const run = await harness.start(workflow, { items });
			return counterOf(run, 'Count visit', 0).map((counter) => counter.value);
		};
		expect(await reachedAt(10, 'p-10')).toEqual([10, 20]);
		expect(await reachedAt(9, 'p-9')).toEqual([9, 19]);
	});

	it('counts a visit event delivered twice only once', async () => {
		const workflow = fixture('count-visits');
		const first = await harness.start(workflow, { items: [visitItem('p-1', 'v-1')] });
		const duplicate = await harness.start(workflow, { items: [visitItem('p-1', 'v-1')] });
		expect(counterOf(first, 'Count visit', 0)).toEqual([{ name: 'visits', previous: 0, value: 1, applied: true, milestone: null }]);
		expect(counterOf(duplicate, 'Count visit', 0)).toEqual([{ name: 'visits', previous: 1, value: 1, applied: false, milestone: null }]);
		// Also when both deliveries arrive at the same moment.
		await Promise.all([1, 2, 3].map(() => harness.start(workflow, { items: [visitItem('p-1', 'v-2')] })));
		expect(await stored('p-1', 'visits')).toBe(2);
	});

	it('S6: the add that reaches 2,250 points takes the reminder branch, with the balance for the message', async () => {
		const crossing = fixture('s6-bonus-points');
		const add = async (visit: string, points: number | string, workflow = crossing) => {
			const run = await harness.start(workflow, { items: [visitItem('p-1', visit, { points })] });
			return { branch: harness.executedNodes(run).at(-1), run };
		};
		expect((await add('v-1', 1000)).branch).toBe('Not yet');
		expect((await add('v-2', '1000')).branch).toBe('Not yet');
		const reached = await add('v-3', 310);
		expect(reached.branch).toBe('Bonus reminder');
		const [reminder] = jsonOf(harness.output(reached.run, 'Bonus reminder'));
		expect(reminder.message).toBe('You have 2,310 points: spend them on your next visit.');
		expect(reminder.counter).toEqual({
			name: 'points',
			previous: 2000,
			value: 2310,
			applied: true,
			milestone: { type: 'threshold', reached: true, target: 2250 },
		});
		// "On crossing": already above, so no second reminder; "while at or above": every add reminds.
		expect((await add('v-4', 50)).branch).toBe('Not yet');
		const whileAbove = withNode(crossing, 'Add points', { thresholdMode: 'atOrAbove' });
		expect((await add('v-5', 50, whileAbove)).branch).toBe('Bonus reminder');
		expect((await add('v-5', 50, whileAbove)).branch).toBe('Not yet');
		// Points spent, then earned again up to exactly the threshold: reached again.
		expect((await add('v-6', -2410)).branch).toBe('Not yet');
		expect((await add('v-7', 2250)).branch).toBe('Bonus reminder');
		expect(await stored('p-1', 'points')).toBe(2250);
	});

	it('get checks the balance (S6 reminders for existing balances); set and reset write it', async () => {
		const get = withNode(fixture('s6-bonus-points'), 'Add points', { operation: 'get' });
		const set = withNode(fixture('s6-bonus-points'), 'Add points', { operation: 'set', value: '={{ $json.points }}' });
		const reset = withNode(fixture('count-visits'), 'Count visit', { operation: 'reset', counter: { __rl: true, mode: 'name', value: 'points' } });

		const setRun = await harness.start(set, { items: [visitItem('p-1', 'v-1', { points: 2300 }), visitItem('p-2', 'v-2', { points: 100 })] });
		expect(counterOf(setRun, 'Add points', 0).map((counter) => counter.value)).toEqual([2300]);
		expect(counterOf(setRun, 'Add points', 1).map((counter) => counter.value)).toEqual([100]);

		const getRun = await harness.start(get, { items: [visitItem('p-1', 'v-3'), visitItem('p-2', 'v-4')] });
		expect(counterOf(getRun, 'Add points', 0)).toEqual([
			{ name: 'points', previous: 2300, value: 2300, applied: false, milestone: { type: 'threshold', reached: true, target: 2250 } },
		]);
		expect(counterOf(getRun, 'Add points', 1).map((counter) => counter.value)).toEqual([100]);

		const resetRun = await harness.start(reset, { items: [visitItem('p-1', 'v-5')] });
		expect(counterOf(resetRun, 'Count visit', 0)).toEqual([
			{ name: 'points', previous: 2300, value: 0, applied: true, milestone: null },
		]);
		expect(await stored('p-1', 'points')).toBe(0);
	});

	it('fails an item with bad input, naming the field and the item; nothing is counted for it', async () => {
		const workflow = fixture('s6-bonus-points');
		const badAmount = await harness.start(workflow, {
			items: [visitItem('p-1', 'v-1', { points: 10 }), visitItem('p-1', 'v-2', { points: 'ten' })],
		});
		expect(badAmount.status).toBe('error');
		expect(badAmount.errorMessage).toBe('Item 1: Amount: must be a number, got "ten"');

		const unknown = await harness.start(withNode(workflow, 'Add points', { createContact: false }), {
			items: [visitItem('p-missing', 'v-3', { points: 10 })],
		});
		expect(unknown.errorMessage).toBe(
			'Item 0: Contact ID: contact "p-missing" was not found in the Journey Store (turn on "Create Contact If Missing" to create it, or check the lookup)',
		);
		expect(await store.findContact({ externalId: 'p-missing' })).toBeNull();

		const noVisit = await harness.start(workflow, { items: [{ json: { contact: { id: 'p-1' }, points: 10 } }] });
		expect(noVisit.errorMessage).toMatch(/^Item 0: Dedup Key: the expression gave no value for this item/);

		const noCounter = await harness.start(withNode(workflow, 'Add points', { counter: { __rl: true, mode: 'name', value: ' ' } }), {
			items: [visitItem('p-1', 'v-4', { points: 10 })],
		});
		expect(noCounter.errorMessage).toBe('Item 0: Counter: is empty; give a counter name such as visits or points');
		expect(await stored('p-1', 'points')).toBe(10);
	});

	it('with "continue on fail" sends a bad item to Not Yet as an error item, never to the reward branch', async () => {
		const workflow = withNode(fixture('s6-bonus-points'), 'Add points', {}, { onError: 'continueRegularOutput' });
		const run = await harness.start(workflow, {
			items: [visitItem('p-1', 'v-1', { points: 2000 }), visitItem('p-1', 'v-2', { points: 'lots' }), visitItem('p-1', 'v-3', { points: 300 })],
		});
		expect(run.status).toBe('success');
		expect(harness.output(run, 'Add points', 0).map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
		const notYet = harness.output(run, 'Add points', 1);
		expect(notYet.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(notYet[1].json).toEqual({ error: 'Item 1: Amount: must be a number, got "lots"' });
		expect(await stored('p-1', 'points')).toBe(2300);
	});

	it('counts every execution when the dedup key is cleared on purpose', async () => {
		const workflow = withNode(fixture('count-visits'), 'Count visit', { dedupKey: '' });
		await harness.start(workflow, { items: [visitItem('p-1', 'v-1')] });
		await harness.start(workflow, { items: [visitItem('p-1', 'v-1')] });
		expect(await stored('p-1', 'visits')).toBe(2);
	});

	it('lists counter names for its picker and shows what it will do in the subtitle and outputs', async () => {
		await harness.start(fixture('count-visits'), { items: [visitItem('p-1', 'v-1')] });
		const run = await harness.start(fixture('s6-bonus-points'), { items: [visitItem('p-1', 'v-2', { points: 5 })] });
		const node = new LoyaltyCounter();
		const context = {
			getNode: () => ({ credentials: { journeyStoreApi: { id: '1', name: 'Journey Store' } } }),
			getCredentials: async () => credential,
		};
		expect(await node.methods.listSearch.searchCounters.call(context as never)).toEqual({
			results: [
				{ name: 'points', value: 'points' },
				{ name: 'visits', value: 'visits' },
			],
		});
		expect((await node.methods.listSearch.searchCounters.call(context as never, 'VIS')).results).toEqual([{ name: 'visits', value: 'visits' }]);

		const description = node.description as INodeTypeDescription;
		const points = run.workflow.getNode('Add points')!;
		expect(run.workflow.expression.getSimpleParameterValue(points, description.subtitle!, 'internal', {})).toBe('add (expression) to "points"');
		expect(NodeHelpers.getNodeOutputs(run.workflow, points, description)).toEqual([
			{ type: 'main', displayName: 'Milestone Reached' },
			{ type: 'main', displayName: 'Not Yet' },
		]);
	});
});
