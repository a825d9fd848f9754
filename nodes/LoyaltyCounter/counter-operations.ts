/** One item of Loyalty Counter: read and check its parameters, find the contact, count, check the milestone. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import type { ItemResult } from '../shared/item-loop';
import { resolveContact } from '../shared/tag-counter-contact';
import { readCounterName, readDedupKey, readExpiryDays, readMilestone, readNumber } from './counter-parameters';
import { MILESTONE_REACHED, NOT_YET, type CounterOperation } from './properties';
import { evaluateMilestone, type MilestoneResult, type MilestoneSpec } from './milestone';

/** Keeps the reset of a reward exactly-once too, apart from the keys of the adds. */
const resetKey = (dedupKey: string) => `reset-after-reward:${dedupKey}`;

const DAY_MS = 86_400_000;

export interface Change {
	previous: number;
	value: number;
	applied: boolean;
}

/** An item's checked parameters, apart from the contact lookup. */
export interface CounterItem {
	operation: CounterOperation;
	name: string;
	milestoneSpec: MilestoneSpec | undefined;
	expiryDays: number;
	amount: number;
	dedupKey: string | undefined;
	newValue: number;
	create: boolean | undefined;
}

/** Every parameter is checked before the store is touched: bad input creates no contact. */
export function readCounterItem(ctx: IExecuteFunctions, itemIndex: number): CounterItem {
	const operation = ctx.getNodeParameter('operation', itemIndex) as CounterOperation;
	const name = readCounterName(ctx, itemIndex);
	const milestoneSpec = readMilestone(ctx, operation, itemIndex);
	const expiryDays = readExpiryDays(ctx, operation, itemIndex);
	const amount = operation === 'add' ? readNumber(ctx, 'amount', 'Amount', itemIndex) : 0;
	const dedupKey = operation === 'add' ? readDedupKey(ctx, itemIndex) : undefined;
	const newValue = operation === 'set' ? readNumber(ctx, 'value', 'Value', itemIndex) : 0;
	const create = operation === 'add' || operation === 'set' ? (ctx.getNodeParameter('createContact', itemIndex, true) as boolean) : undefined;
	return { operation, name, milestoneSpec, expiryDays, amount, dedupKey, newValue, create };
}

export function milestoneOf(spec: CounterItem, change: Change): MilestoneResult | null {
	const { operation, milestoneSpec } = spec;
	return milestoneSpec
		? evaluateMilestone(milestoneSpec, { ...change, duplicate: operation === 'add' && !change.applied, changed: operation !== 'get' })
		: null;
}

/** The output item of a counted item, and the branch it goes to. */
export function counterResult(
	spec: CounterItem,
	change: Change,
	milestone: MilestoneResult | null,
	item: INodeExecutionData,
	extra: { expired?: number; valueAfterReset?: number } = {},
): ItemResult {
	const counter: IDataObject = { name: spec.name, previous: change.previous, value: change.value, applied: change.applied, milestone };
	if (extra.expired) counter.expired = extra.expired;
	if (extra.valueAfterReset !== undefined) counter.valueAfterReset = extra.valueAfterReset;
	const output = milestone && !milestone.reached ? NOT_YET : MILESTONE_REACHED;
	return { output, json: { ...item.json, counter } };
}

export async function countItem(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<ItemResult> {
	const spec = readCounterItem(ctx, itemIndex);
	const { operation, name } = spec;
	const contact = await resolveContact(ctx, store, itemIndex, item.json, spec.create);

	// Before the operation, so the add, Get and the milestone all see the balance without expired points.
	const expired = spec.expiryDays > 0
		? (await store.expireCounter(contact.id, name, new Date(Date.now() - spec.expiryDays * DAY_MS).toISOString())).expired
		: 0;

	let change: Change;
	if (operation === 'add') change = await store.addToCounter(contact.id, name, spec.amount, spec.dedupKey);
	else if (operation === 'get') {
		const value = await store.getCounter(contact.id, name);
		change = { previous: value, value, applied: false };
	} else change = { ...(await store.setCounter(contact.id, name, spec.newValue)), applied: true };

	const milestone = milestoneOf(spec, change);
	let valueAfterReset: number | undefined;
	if (milestone?.reached && operation === 'add' && ctx.getNodeParameter('resetAfterReward', itemIndex, false)) {
		const reset = await store.addToCounter(contact.id, name, -change.value, spec.dedupKey && resetKey(spec.dedupKey));
		valueAfterReset = reset.value;
	}
	return counterResult(spec, change, milestone, item, { expired, valueAfterReset });
}
