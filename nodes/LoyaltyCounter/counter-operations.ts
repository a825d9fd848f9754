/** One item of Loyalty Counter: read and check its parameters, find the contact, count, check the milestone. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import type { ItemResult } from '../shared/item-loop';
import { resolveContact } from '../shared/tag-counter-contact';
import { readCounterName, readDedupKey, readExpiryDays, readMilestone, readNumber } from './counter-parameters';
import { MILESTONE_REACHED, NOT_YET, type CounterOperation } from './properties';
import { evaluateMilestone } from './milestone';

/** Keeps the reset of a reward exactly-once too, apart from the keys of the adds. */
const resetKey = (dedupKey: string) => `reset-after-reward:${dedupKey}`;

const DAY_MS = 86_400_000;

interface Change {
	previous: number;
	value: number;
	applied: boolean;
}

export async function countItem(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<ItemResult> {
	const operation = ctx.getNodeParameter('operation', itemIndex) as CounterOperation;
	const name = readCounterName(ctx, itemIndex);
	const milestoneSpec = readMilestone(ctx, operation, itemIndex);
	const expiryDays = readExpiryDays(ctx, operation, itemIndex);
	// Every parameter is checked before the store is touched: bad input creates no contact.
	const amount = operation === 'add' ? readNumber(ctx, 'amount', 'Amount', itemIndex) : 0;
	const dedupKey = operation === 'add' ? readDedupKey(ctx, itemIndex) : undefined;
	const newValue = operation === 'set' ? readNumber(ctx, 'value', 'Value', itemIndex) : 0;
	const create = operation === 'add' || operation === 'set' ? (ctx.getNodeParameter('createContact', itemIndex, true) as boolean) : undefined;
	const contact = await resolveContact(ctx, store, itemIndex, item.json, create);

	// Before the operation, so the add, Get and the milestone all see the balance without expired points.
	const expired = expiryDays > 0
		? (await store.expireCounter(contact.id, name, new Date(Date.now() - expiryDays * DAY_MS).toISOString())).expired
		: 0;

	let change: Change;
	if (operation === 'add') change = await store.addToCounter(contact.id, name, amount, dedupKey);
	else if (operation === 'get') {
		const value = await store.getCounter(contact.id, name);
		change = { previous: value, value, applied: false };
	} else change = { ...(await store.setCounter(contact.id, name, newValue)), applied: true };

	const milestone = milestoneSpec
		? evaluateMilestone(milestoneSpec, { ...change, duplicate: operation === 'add' && !change.applied, changed: operation !== 'get' })
		: null;
	const counter: IDataObject = { name, previous: change.previous, value: change.value, applied: change.applied, milestone };
	if (expired > 0) counter.expired = expired;
	if (milestone?.reached && operation === 'add' && ctx.getNodeParameter('resetAfterReward', itemIndex, false)) {
		const reset = await store.addToCounter(contact.id, name, -change.value, dedupKey && resetKey(dedupKey));
		counter.valueAfterReset = reset.value;
	}
	const output = milestone && !milestone.reached ? NOT_YET : MILESTONE_REACHED;
	return { output, json: { ...item.json, counter } };
}
