/**
 * "Wait for It" over real HTTP resume URLs: the run resumes early when the awaited event arrives
 * (recorded in the store, waiters taken and called as the Journey Event Trigger does), keeps
 * waiting when a wake-up does not satisfy the check, and continues on output 0 at time-out.
 */
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores, type JourneyStore, type Message } from '../../../lib/store';
import { JourneyHarness } from '../../harness';
import { deliverEvent, fixture, ranAt, seedVisit, sqliteCredential, storeFor, visitItem, withNode, type Seeded } from './support';

const NOW = '2027-04-14T07:00:00.000Z';

let h: JourneyHarness;
let store: JourneyStore;
let seeded: Seeded;

beforeEach(async () => {
	const credential = sqliteCredential();
	h = await JourneyHarness.create({ start: NOW, credentials: { journeyStoreApi: credential } });
	await h.listen();
	store = await storeFor(credential);
	seeded = await seedVisit(store);
});

afterEach(async () => {
	await h.dispose();
	await closeAllStores();
});

async function sent(channel: 'sms' | 'email', key: string): Promise<Message> {
	const { message } = await store.claimMessage({ idempotencyKey: key, contactId: seeded.contactId, channel, purpose: 'service', visitId: seeded.visitId });
	return await store.updateMessage(message.id, { status: 'sent' });
}

const waitingFor = (parameters: IDataObject) => withNode(fixture('condition-single'), 'Condition', { ...parameters, waitForEvent: true });

describe('"Wait for It" on a reply (S6 visit confirmation, S4 delivery confirmation)', () => {
	const replyCheck = { check: 'message', messageStatus: 'reply', messageChannel: 'sms', waitHours: 24 };

	it('a "no" three hours later resumes the run at that instant on Replied No', async () => {
		await sent('sms', 'confirm-visit');
		const run = await h.start(waitingFor(replyCheck), { items: [visitItem()] });
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('2027-04-15T07:00:00.000Z');
		h.schedule('2027-04-14T10:00:00.000Z', 'the patient answers "Нет"', async () => {
			await deliverEvent(store, { contactId: seeded.contactId, type: 'replied', channel: 'sms', intent: 'no', payload: { text: 'Нет' } });
		});
		await h.runUntilIdle();
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-14T10:00:00.000Z']);
		expect(ranAt(h, run, 'Out 2')).toEqual(['2027-04-14T10:00:00.000Z']);
		expect(h.output(run, 'Out 2')[0].json.condition).toMatchObject({ check: 'message', outcome: 'Replied No' });
	});

	it('no answer: the run continues on No Reply when the 24 hours are over, and a late answer wakes nothing', async () => {
		await sent('sms', 'confirm-visit');
		const run = await h.start(waitingFor(replyCheck), { items: [visitItem()] });
		await h.runUntilIdle();
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-15T07:00:00.000Z']);
		expect(h.output(run, 'Out 0')[0].json.condition).toMatchObject({ outcome: 'No Reply', timedOut: true });
		h.clock.advanceTo(new Date('2027-04-15T09:00:00.000Z'));
		expect(await deliverEvent(store, { contactId: seeded.contactId, type: 'replied', channel: 'sms', intent: 'yes' })).toEqual([]);
		expect(h.executedNodes(run)).toEqual(['Start', 'Condition', 'Condition', 'Out 0']);
	});

	it('an answer already there: no waiting at all', async () => {
		await sent('sms', 'confirm-visit');
		await store.recordEvent({ contactId: seeded.contactId, type: 'replied', channel: 'sms', intent: 'yes' });
		const run = await h.start(waitingFor(replyCheck), { items: [visitItem()] });
		expect(run.status).toBe('success');
		expect(h.output(run, 'Out 1')[0].json.condition).toMatchObject({ outcome: 'Replied Yes' });
	});

	it("another contact's answer does not wake the run", async () => {
		await sent('sms', 'confirm-visit');
		const other = await seedVisit(store, { contactId: 'p-olga', visitId: 'v-200' });
		const run = await h.start(waitingFor(replyCheck), { items: [visitItem()] });
		h.schedule('2027-04-14T10:00:00.000Z', 'another patient answers', async () => {
			expect(await deliverEvent(store, { contactId: other.contactId, type: 'replied', channel: 'sms', intent: 'yes' })).toEqual([]);
		});
		await h.runUntilIdle();
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-15T07:00:00.000Z']);
		expect(h.output(run, 'Out 0')).toHaveLength(1);
	});
});

describe('"Wait for It": a wake-up that does not satisfy the check keeps the run waiting', () => {
	it('waiting for the second email to be opened: an open of the first email is taken, looked at and ignored', async () => {
		const first = await sent('email', 'reminder-1');
		const second = await sent('email', 'reminder-2');
		const run = await h.start(waitingFor({ check: 'message', messageStatus: 'opened', messageLookup: 'id', messageId: second.id, waitHours: 48 }), {
			items: [visitItem()],
		});
		h.schedule('2027-04-14T09:00:00.000Z', 'the first email is opened', async () => {
			expect(await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'opened', messageId: first.id, channel: 'email' })).toEqual([200]);
			expect(run.status).toBe('waiting');
		});
		h.schedule('2027-04-14T12:00:00.000Z', 'the second email is opened', async () => {
			expect(await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'opened', messageId: second.id, channel: 'email' })).toEqual([200]);
		});
		await h.runUntilIdle();
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-14T12:00:00.000Z']);
		expect(ranAt(h, run, 'Out 1')).toEqual(['2027-04-14T12:00:00.000Z']);
		expect(h.output(run, 'Out 1')[0].json.condition).toMatchObject({ outcome: 'Opened' });
	});
});

describe('"Wait for It": an event that slips in between the first look and the registration', () => {
	it('is seen by the second look: the run continues at once, and the waiter it leaves behind resumes nothing', async () => {
		const register = store.registerWaiter.bind(store);
		store.registerWaiter = async (input) => {
			// The Journey Event Trigger records the survey just now: it finds no waiter to wake yet.
			await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'survey_completed' });
			return await register(input);
		};
		try {
			const run = await h.start(waitingFor({ check: 'survey', surveySince: 'any', waitHours: 48 }), { items: [visitItem()] });
			expect(run.status).toBe('success');
			expect(h.output(run, 'Out 1')[0].json.condition).toMatchObject({ outcome: 'Completed' });
			// A later event takes the leftover waiter; n8n answers 409 for an execution that is not waiting.
			expect(await deliverEvent(store, { contactId: seeded.contactId, visitId: seeded.visitId, type: 'survey_completed' })).toEqual([409]);
			expect(h.executedNodes(run)).toEqual(['Start', 'Condition', 'Out 1']);
		} finally {
			store.registerWaiter = register;
		}
	});
});

describe('"Wait for It" needs one item per execution', () => {
	it('two items that would both wait fail with an error that says how to fan out', async () => {
		const run = await h.start(waitingFor({ check: 'survey', surveySince: 'any', waitHours: 24 }), {
			items: [visitItem(), visitItem({ contactId: 'p-olga', visitId: 'v-200' })],
		});
		expect(run.status).toBe('error');
		expect(run.errorMessage).toBe('Item 0: needs to wait for an event, but the execution holds 2 items');
		expect(h.taskData(run, 'Condition')?.error?.description).toMatch(/Execute Workflow node \(mode "Run once for each item"\)/);
	});

	it('items that need no waiting are routed at once, whatever their number', async () => {
		await store.recordEvent({ contactId: seeded.contactId, type: 'survey_completed' });
		const other = await seedVisit(store, { contactId: 'p-olga', visitId: 'v-200' });
		await store.recordEvent({ contactId: other.contactId, type: 'survey_completed' });
		const run = await h.start(waitingFor({ check: 'survey', surveySince: 'any', waitHours: 24 }), {
			items: [visitItem(), visitItem({ contactId: 'p-olga', visitId: 'v-200' })],
		});
		expect(run.status).toBe('success');
		expect(h.output(run, 'Out 1')).toHaveLength(2);
	});
});
