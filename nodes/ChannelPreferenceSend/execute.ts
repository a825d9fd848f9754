/**
 * The node's run: items are sent with bounded concurrency (Options → Parallel Sends) but reported
 * through the shared per-item loop in item order, so pairedItem and continue-on-fail hold.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runConcurrently } from '../../lib/send';
import { resolveTrackingSecret } from '../../lib/tracking';
import { processItems } from '../shared/item-loop';
import { withParameterCache } from './parameter-cache';
import { openJourneyStore } from '../shared/journey-store';
import { withFieldName } from './errors';
import { sendItem, type SendEnv } from './send-item';
import { Senders } from './senders';

export async function executeSend(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const params = withParameterCache(ctx);
	const store = await openJourneyStore(ctx);
	let secret: string | undefined;
	const env: SendEnv = {
		ctx: params,
		store,
		senders: new Senders(ctx),
		trackingSecret: () => (secret ??= resolveTrackingSecret().secret),
	};
	// Concurrency is a property of the run, not of an item: read once.
	const parallel = Math.max(1, Math.min(64, Number(ctx.getNodeParameter('options.parallelSends', 0, 16)) || 16));
	const run = runConcurrently(items.length, parallel, async (index) => {
		try {
			return await sendItem(env, index, items[index]);
		} catch (error) {
			throw withFieldName(error);
		}
	});
	try {
		return await processItems(ctx, 2, async (index) => await run.result(index));
	} finally {
		run.stop();
		await run.drain();
	}
}
