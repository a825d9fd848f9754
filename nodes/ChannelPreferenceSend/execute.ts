/**
 * The node's run: items are sent with bounded concurrency (Options → Parallel Sends) but reported
 * through the shared per-item loop in item order, so pairedItem and continue-on-fail hold.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PendingWrites, runConcurrently } from '../../lib/send';
import { resolveTrackingSecret } from '../../lib/tracking';
import { processItems } from '../shared/item-loop';
import { withParameterCache } from '../shared/parameter-cache';
import { openStoreForRun } from '../shared/journey-checkpoint';
import { readContactLookup } from '../shared/contact-properties';
import { withFieldName } from './errors';
import { candidatesOf } from './guards';
import { readSendParams } from './params';
import { ReadAhead } from './read-ahead';
import { itemVisit } from './recipient';
import { sendItem, type SendEnv } from './send-item';
import { Senders } from './senders';

export async function executeSend(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const params = withParameterCache(ctx);
	const store = await openStoreForRun(ctx);
	let secret: string | undefined;
	const env: SendEnv = {
		ctx: params,
		store,
		senders: new Senders(ctx),
		trackingSecret: () => (secret ??= resolveTrackingSecret().secret),
		pending: new PendingWrites(),
	};
	env.readAhead = new ReadAhead(store, items.length, (index) => {
		const item = readSendParams(params, index);
		return {
			lookup: readContactLookup(params, index),
			visitId: itemVisit(items[index].json)?.id ?? null,
			consents: candidatesOf(item.policy, item.order).map((channel) => [channel, item.purpose]),
		};
	});
	// Concurrency is a property of the run, not of an item: read once.
	const parallel = Math.max(1, Math.min(64, Number(ctx.getNodeParameter('options.parallelSends', 0, 16)) || 16));
	const run = runConcurrently(items.length, parallel, async (index) => {
		try {
			return await sendItem(env, index, items[index]);
		} catch (error) {
			throw withFieldName(error);
		}
	});
	let output: INodeExecutionData[][];
	try {
		output = await processItems(ctx, 2, async (index) => await run.result(index));
	} finally {
		run.stop();
		await run.drain();
		await recordedOrThrow(ctx, env.pending);
	}
	return output;
}

/** The messages went out; if their "sent" status could not be stored, say so rather than end quietly. */
async function recordedOrThrow(ctx: IExecuteFunctions, pending: PendingWrites): Promise<void> {
	const errors = await pending.settle();
	if (!errors.length) return;
	const first = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
	throw new NodeOperationError(ctx.getNode(), `${errors.length} message(s) were sent but their "sent" status could not be stored: ${first}`, {
		description: 'The messages stay claimed in the Journey Store, so running the node again does not send them twice.',
	});
}
