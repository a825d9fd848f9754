/**
 * Attendance/Survey Condition on the real engine and a real SQLite Journey Store: every output of
 * every check is reached, and bad input names the field and the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { conditionOutputNames } from '../../../nodes/JourneyCondition/outputs';
import { JourneyHarness } from '../../harness';
import { fixture, seedVisit, sqliteCredential, storeFor, visitItem, withNode, type Seeded, type VisitItemOptions } from './support';

const NOW = '2027-04-16T09:00:00.000Z';
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.parse(NOW) - hours * HOUR).toISOString();

let h: JourneyHarness;
let store: JourneyStore;
let credential: ReturnType<typeof sqliteCredential>;

beforeEach(async () => {
	credential = sqliteCredential();
	h = await JourneyHarness.create({ start: NOW, credentials: { journeyStoreApi: credential } });
	store = await storeFor(credential);
});

afterEach(async () => {
	await h.dispose();
	await closeAllStores();
});

/** Runs the condition on one item and returns the name of the output it took, with its json. */
async function route(parameters: IDataObject, item: VisitItemOptions = {}) {
	const run = await h.start(withNode(fixture('condition-single'), 'Condition', parameters), { items: [visitItem(item)] });
	if (run.status !== 'success') throw new Error(run.errorMessage ?? run.status);
	const names = conditionOutputNames(parameters as { check: string; messageStatus?: string });
	const taken = names.flatMap((name, index) => h.output(run, 'Condition', index).map((out) => ({ name, json: out.json, index })));
	expect(taken).toHaveLength(1);
	expect(h.executedNodes(run)).toEqual(['Start', 'Condition', `Out ${taken[0].index}`]);
	return { output: taken[0].name, condition: taken[0].json.condition as { outcome: string; reason: string } };
}

/** A message to the seeded contact, as a send node records it. */
async function sentMessage(seeded: Seeded, channel: 'sms' | 'email' = 'sms', status: 'sent' | 'failed' = 'sent') {
	const { message } = await store.claimMessage({
		idempotencyKey: `reminder-${channel}-${Math.random()}`,
		contactId: seeded.contactId,
		channel,
		purpose: 'service',
		visitId: seeded.visitId,
		visitVersion: 1,
	});
	return await store.updateMessage(message.id, { status, ...(status === 'sent' ? { sentAt: ago(2) } : { error: 'provider said no' }) });
}

describe('Visit Still Current: a reminder for a moved or cancelled visit is never sent', () => {
	const check = { check: 'visitCurrent' };

	it('Current: the visit is booked at the slot the item was created for', async () => {
		await seedVisit(store);
		expect(await route(check)).toMatchObject({ output: 'Current', condition: { reason: 'visit v-100 is scheduled, slot version 1' } });
	});

	it('Current: a change of staff is no new slot', async () => {
		const seeded = await seedVisit(store);
		await store.upsertVisit({ externalId: 'v-100', contactId: seeded.contactId, startAt: '2027-04-15T08:00:00.000Z', staff: 'Dr Kowalska' });
		expect((await route(check)).output).toBe('Current');
	});

	it('Stale: the visit was moved to another time (slot version 2)', async () => {
		const seeded = await seedVisit(store);
		await store.upsertVisit({ externalId: 'v-100', contactId: seeded.contactId, startAt: '2027-04-16T12:00:00.000Z' });
		expect(await route(check)).toMatchObject({
			output: 'Stale',
			condition: { reason: 'visit v-100 was moved (slot version 2 in the Journey Store, 1 in the item)' },
		});
	});

	it('Stale: the visit was cancelled', async () => {
		await seedVisit(store);
		await store.setVisitStatus({ externalId: 'v-100' }, 'cancelled');
		expect(await route(check)).toMatchObject({ output: 'Stale', condition: { reason: 'visit v-100 was cancelled' } });
	});

	it('Stale: the Journey Store does not know the visit', async () => {
		expect((await route(check)).output).toBe('Stale');
	});
});

describe('Attendance', () => {
	it.each([
		['attended', 'Attended'],
		['completed', 'Attended'],
		['no-show', 'No-Show'],
		['scheduled', 'Unknown'],
	] as const)('visit status %s in the Journey Store → %s', async (status, output) => {
		await seedVisit(store);
		if (status !== 'scheduled') await store.setVisitStatus({ externalId: 'v-100' }, status);
		expect((await route({ check: 'attendance' })).output).toBe(output);
	});

	it.each([
		['Attended', 'Attended'],
		['noshow', 'No-Show'],
		['', 'Unknown'],
	])('from a field of the item: "%s" → %s', async (value, output) => {
		expect((await route({ check: 'attendance', attendanceSource: 'field', attendanceValue: value })).output).toBe(output);
	});
});

describe('Payment received (S3 dunning)', () => {
	it('Paid only for a payment_received event in the window; a survey does not count', async () => {
		const seeded = await seedVisit(store);
		await store.recordEvent({ contactId: seeded.contactId, type: 'survey_completed', occurredAt: ago(1) });
		expect(await route({ check: 'payment', surveySince: 'hours', sinceHours: 72 })).toMatchObject({
			output: 'Not Paid',
			condition: { reason: 'no payment received in the last 72 h' },
		});
		await store.recordEvent({ contactId: seeded.contactId, type: 'payment_received', occurredAt: ago(2) });
		expect((await route({ check: 'payment', surveySince: 'hours', sinceHours: 72 })).output).toBe('Paid');
		expect((await route({ check: 'payment', surveySince: 'hours', sinceHours: 1 })).output).toBe('Not Paid');
	});
});

describe('Survey or form completed', () => {
	it('Completed: a survey_completed event after the visit started', async () => {
		const seeded = await seedVisit(store);
		await store.recordEvent({ contactId: seeded.contactId, type: 'survey_completed', occurredAt: ago(3) });
		expect((await route({ check: 'survey' })).output).toBe('Completed');
	});

	it('Not Completed: the only survey was filled before this visit', async () => {
		const seeded = await seedVisit(store);
		await store.recordEvent({ contactId: seeded.contactId, type: 'survey_completed', occurredAt: '2027-03-01T10:00:00.000Z' });
		expect(await route({ check: 'survey' })).toMatchObject({ output: 'Not Completed', condition: { reason: 'no survey completed since visit v-100 started' } });
		expect((await route({ check: 'survey', surveySince: 'any' })).output).toBe('Completed');
	});

	it('"in the last N hours" counts only recent surveys', async () => {
		const seeded = await seedVisit(store);
		await store.recordEvent({ contactId: seeded.contactId, type: 'survey_completed', occurredAt: ago(50) });
		expect((await route({ check: 'survey', surveySince: 'hours', sinceHours: 48 })).output).toBe('Not Completed');
		expect((await route({ check: 'survey', surveySince: 'hours', sinceHours: 72 })).output).toBe('Completed');
	});

	it('Not Completed: the contact is not in the Journey Store', async () => {
		expect(await route({ check: 'survey', surveySince: 'any' })).toMatchObject({
			output: 'Not Completed',
			condition: { reason: 'no contact with ID p-anna in the Journey Store' },
		});
	});
});

describe('Message status of an earlier step', () => {
	const message = (status: string, more: IDataObject = {}) => ({ check: 'message', messageStatus: status, ...more });

	it.each([
		['sent', 'sent', 'Sent'],
		['sent', 'failed', 'Not Sent'],
	] as const)('%s: a message that is %s → %s', async (status, stored, output) => {
		const seeded = await seedVisit(store);
		await sentMessage(seeded, 'sms', stored);
		expect((await route(message(status))).output).toBe(output);
	});

	it('Not Sent: no message on the chosen channel', async () => {
		const seeded = await seedVisit(store);
		await sentMessage(seeded, 'sms');
		expect((await route(message('sent', { messageChannel: 'email' }))).output).toBe('Not Sent');
	});

	it.each([
		['delivered', 'delivered', 'Delivered'],
		['delivered', null, 'Not Delivered'],
		['opened', 'clicked', 'Opened'],
		['opened', 'delivered', 'Not Opened'],
		['clicked', 'clicked', 'Clicked'],
		['clicked', 'opened', 'Not Clicked'],
		['bounced', 'bounced', 'Bounced'],
		['bounced', 'delivered', 'Not Bounced'],
	] as const)('%s with a %s event → %s', async (status, event, output) => {
		const seeded = await seedVisit(store);
		const sent = await sentMessage(seeded, 'email');
		if (event) await store.recordEvent({ contactId: seeded.contactId, type: event, messageId: sent.id, channel: 'email' });
		expect((await route(message(status, { messageChannel: 'email' }))).output).toBe(output);
	});

	it('an event of another message does not count', async () => {
		const seeded = await seedVisit(store);
		const first = await sentMessage(seeded, 'email');
		await sentMessage(seeded, 'email');
		await store.recordEvent({ contactId: seeded.contactId, type: 'opened', messageId: first.id, channel: 'email' });
		expect((await route(message('opened'))).output).toBe('Not Opened');
		expect((await route(message('opened', { messageLookup: 'id', messageId: first.id }))).output).toBe('Opened');
	});

	it.each([
		['yes', 'Replied Yes'],
		['no', 'Replied No'],
		['unknown', 'Other Reply'],
		['stop', 'Other Reply'],
	])('a reply on the channel with intent %s → %s', async (intent, output) => {
		const seeded = await seedVisit(store);
		await sentMessage(seeded, 'sms');
		await store.recordEvent({ contactId: seeded.contactId, type: 'replied', channel: 'sms', intent, payload: { text: '…' } });
		expect((await route(message('reply'))).output).toBe(output);
	});

	it('No Reply: a reply from before the message, or on another channel, is not an answer to it', async () => {
		const seeded = await seedVisit(store);
		await store.recordEvent({ contactId: seeded.contactId, type: 'replied', channel: 'sms', intent: 'yes', occurredAt: ago(30) });
		await sentMessage(seeded, 'sms');
		await store.recordEvent({ contactId: seeded.contactId, type: 'replied', channel: 'whatsapp', intent: 'yes' });
		expect((await route(message('reply'))).output).toBe('No Reply');
	});
});

describe('Tag, counter, custom field', () => {
	it('Has Tag / Does Not Have Tag (case is ignored)', async () => {
		const seeded = await seedVisit(store);
		await store.addTags(seeded.contactId, ['no-show']);
		expect((await route({ check: 'tag', tagName: 'No-Show' })).output).toBe('Has Tag');
		expect((await route({ check: 'tag', tagName: 'active contact' })).output).toBe('Does Not Have Tag');
	});

	it.each([
		['equal', 9, 'True'],
		['equal', 8, 'False'],
		['notEqual', 8, 'True'],
		['lt', 10, 'True'],
		['lte', 8, 'False'],
		['gt', 8, 'True'],
		['gte', 10, 'False'],
	])('counter visits (= 9) %s %d → %s', async (operator, value, output) => {
		const seeded = await seedVisit(store);
		await store.setCounter(seeded.contactId, 'visits', 9);
		expect((await route({ check: 'counter', counterName: 'visits', operator, counterValue: value })).output).toBe(output);
	});

	it('custom field: numbers compare as numbers, a missing field is never equal', async () => {
		await seedVisit(store, { customFields: { visitCount: '9', plan: 'gold' } });
		expect((await route({ check: 'customField', customFieldName: 'visitCount', operator: 'equal', fieldValue: '9.0' })).output).toBe('True');
		expect((await route({ check: 'customField', customFieldName: 'visitCount', operator: 'gt', fieldValue: '10' })).output).toBe('False');
		expect((await route({ check: 'customField', customFieldName: 'plan', operator: 'equal', fieldValue: 'gold' })).output).toBe('True');
		expect((await route({ check: 'customField', customFieldName: 'missing', operator: 'equal', fieldValue: '' })).output).toBe('False');
	});
});

describe('Date', () => {
	it("birthday today is the contact's today: 00:30 in Warsaw is still yesterday in New York", async () => {
		await h.dispose();
		h = await JourneyHarness.create({ start: '2027-04-15T22:30:00.000Z', credentials: { journeyStoreApi: credential } });
		await seedVisit(store, { customFields: { birthday: '1990-04-16' } });
		const birthday = { check: 'date', dateCondition: 'anniversaryToday' };
		expect(await route(birthday)).toMatchObject({ output: 'True', condition: { reason: 'anniversary of 1990-04-16 (today 2027-04-16 in Europe/Warsaw) is today' } });
		expect((await route({ ...birthday, timeZone: 'America/New_York' })).output).toBe('False');
		expect((await route({ ...birthday, timeZone: 'Pacific/Kiritimati' })).output).toBe('True');
	});

	it('a 29 February birthday is celebrated on 28 February in other years', async () => {
		await h.dispose();
		h = await JourneyHarness.create({ start: '2027-02-28T10:00:00.000Z', credentials: { journeyStoreApi: credential } });
		await seedVisit(store, { customFields: { birthday: '2000-02-29' } });
		expect((await route({ check: 'date', dateCondition: 'anniversaryToday' })).output).toBe('True');
	});

	it('N days away / ago from a date of the item', async () => {
		const subscription = { dateSource: 'value', dateValue: '2027-04-23T10:00:00+02:00' };
		expect((await route({ check: 'date', dateCondition: 'daysBefore', days: 7, ...subscription })).output).toBe('True');
		expect((await route({ check: 'date', dateCondition: 'daysBefore', days: 6, ...subscription })).output).toBe('False');
		expect((await route({ check: 'date', dateCondition: 'daysAfter', days: 1, dateSource: 'value', dateValue: '2027-04-15' })).output).toBe('True');
	});

	it('False when the contact has no such date', async () => {
		await seedVisit(store);
		expect(await route({ check: 'date' })).toMatchObject({ output: 'False', condition: { reason: 'the contact has no birthday' } });
	});
});

describe('Attendance/Survey Condition: bad input names the field and the item', () => {
	const twoItems = () => [visitItem({ visitId: 'v-100' }), visitItem({ visitId: 'v-200' })];

	it.each([
		['a missing visit ID', { check: 'visitCurrent', visitId: "={{ $json.visit.id === 'v-200' ? '' : $json.visit.id }}" }, 'Item 1: Visit ID: is empty; the item has no visit ID (visit.id)'],
		[
			'a visit version that is not a number',
			{ check: 'visitCurrent', visitVersion: "={{ $json.visit.id === 'v-200' ? 'two' : 1 }}" },
			'Item 1: Visit Version: must be a whole number ≥ 1 (the item\'s visit.version), got "two"',
		],
		[
			'an unknown zone',
			{ check: 'date', dateSource: 'value', dateValue: '2027-04-15', timeZone: "={{ $json.visit.id === 'v-200' ? 'Mars/Olympus' : 'Europe/Warsaw' }}" },
			'Item 1: Time Zone: unknown time zone "Mars/Olympus" (expected an IANA name such as Europe/Warsaw)',
		],
		[
			'an unparsable date',
			{ check: 'date', dateSource: 'value', dateValue: "={{ $json.visit.id === 'v-200' ? 'soon' : '2027-04-15' }}" },
			'Item 1: Date: cannot read "soon" as a date (expected YYYY-MM-DD or ISO 8601)',
		],
	])('%s stops the run with a NodeOperationError', async (_case, parameters, message) => {
		await seedVisit(store, { visitId: 'v-100' });
		const run = await h.start(withNode(fixture('condition-single'), 'Condition', parameters), { items: twoItems() });
		expect(run.status).toBe('error');
		expect(run.errorMessage).toBe(message);
		const error = h.taskData(run, 'Condition')?.error as unknown as { context: { itemIndex: number }; name: string };
		expect(error).toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 1 } });
	});

	it('with "continue" a bad item goes to Stale, never to Current', async () => {
		await seedVisit(store, { visitId: 'v-100' });
		const workflow = withNode(fixture('condition-single'), 'Condition', { visitId: "={{ $json.visit.id === 'v-200' ? '' : $json.visit.id }}" }, { onError: 'continueRegularOutput' });
		const run = await h.start(workflow, { items: twoItems() });
		expect(h.output(run, 'Condition', 0).map((item) => (item.json.visit as IDataObject).id)).toEqual(['v-100']);
		expect(h.output(run, 'Condition', 1).map((item) => item.json)).toEqual([{ error: 'Item 1: Visit ID: is empty; the item has no visit ID (visit.id)' }]);
	});

	it('with "continue (using error output)" a bad item goes to the error output', async () => {
		await seedVisit(store, { visitId: 'v-100' });
		const workflow = withNode(fixture('condition-single'), 'Condition', { visitId: "={{ $json.visit.id === 'v-200' ? '' : $json.visit.id }}" }, { onError: 'continueErrorOutput' });
		const run = await h.start(workflow, { items: twoItems() });
		expect(h.output(run, 'Condition', 1)).toEqual([]);
		expect(h.output(run, 'Condition', 2).map((item) => item.json.error)).toEqual(['Item 1: Visit ID: is empty; the item has no visit ID (visit.id)']);
		expect(h.executedNodes(run)).toContain('Out 2');
	});
});
