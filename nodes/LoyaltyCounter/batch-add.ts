/**
 * Operation "add" on runs of items: the parameters of every item are read and checked first, the
 * known contacts found in one query, then the adds applied with one addToCounters call (one
 * transaction of a few statements instead of four round trips per item). Results, milestones and
 * errors are the same as counting the items one by one (countItem).
 *
 * Items with points expiry or "Reset After Reward" take the per-item path (countItem): expiry runs
 * before each add and a reward reset changes the counter between two adds, which one batch of adds
 * cannot express. They end a run, so the items are still counted in their order.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { COUNTER_BATCH_LIMIT, type CounterAddResult, type JourneyStore } from '../../lib/store';
import { readContactLookup } from '../shared/contact-properties';
import { settleItem, type ItemOutcome } from '../shared/item-loop';
import { resolveContacts } from '../shared/tag-counter-contact';
import { countItem, counterResult, milestoneOf, readCounterItem, type CounterItem } from './counter-operations';

const batchable = (ctx: IExecuteFunctions, spec: CounterItem, itemIndex: number) =>
	spec.operation === 'add' &&
	spec.expiryDays === 0 &&
	!(spec.milestoneSpec && ctx.getNodeParameter('resetAfterReward', itemIndex, false));

/** Counts items from `start` on; see processItemRuns for what a run returns. */
export async function countRun(ctx: IExecuteFunctions, store: JourneyStore, start: number, items: INodeExecutionData[]): Promise<ItemOutcome[]> {
	const planned: { itemIndex: number; spec: CounterItem; lookup: ReturnType<typeof readContactLookup> }[] = [];
	let failure: ItemOutcome | undefined;
	for (let itemIndex = start; itemIndex < items.length && planned.length < COUNTER_BATCH_LIMIT; itemIndex++) {
		try {
			const spec = readCounterItem(ctx, itemIndex);
			if (!batchable(ctx, spec, itemIndex)) break;
			planned.push({ itemIndex, spec, lookup: readContactLookup(ctx, itemIndex) });
		} catch (error) {
			failure = { failure: error };
			break;
		}
	}
	if (planned.length === 0) return [failure ?? (await settleItem(countItem(ctx, store, start, items[start])))];

	const resolved = await resolveContacts(
		ctx,
		store,
		planned.map(({ itemIndex, spec, lookup }) => ({ itemIndex, lookup, json: items[itemIndex].json, create: spec.create })),
	);
	if (resolved.failure !== undefined) failure = { failure: resolved.failure };
	const counted = planned.slice(0, resolved.contacts.length);
	const adds = counted.map(({ spec }, index) => ({ contactId: resolved.contacts[index]!.id, name: spec.name, delta: spec.amount, dedupKey: spec.dedupKey }));
	// At most one chunk, so one transaction: when it fails nothing was added and each item is retried alone.
	const changes = await store.addToCounters(adds).catch((): CounterAddResult[] | null => null);
	const outcomes: ItemOutcome[] = [];
	if (changes) {
		counted.forEach(({ itemIndex, spec }, index) => {
			const change = changes[index]!;
			outcomes.push(counterResult(spec, change, milestoneOf(spec, change), items[itemIndex]));
		});
	} else {
		for (const { itemIndex } of counted) {
			const outcome = await settleItem(countItem(ctx, store, itemIndex, items[itemIndex]));
			outcomes.push(outcome);
			if ('failure' in outcome) return outcomes;
		}
	}
	return failure ? [...outcomes, failure] : outcomes;
}
