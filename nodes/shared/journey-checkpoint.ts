/**
 * Records where this execution's journey began (lib/store journey runs) the first time a Customer
 * Journey node runs in it, so Journey Recovery can start the journey again if n8n loses the run
 * with its worker. Only one-item executions are journeys (one appointment per execution, as the
 * delays require); batch runs such as a campaign are not recorded.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import { openJourneyStore } from './journey-store';

/** Executions this process has recorded already: a hint that saves a round trip, never state a worker needs. */
const recorded = new Set<string>();
const REMEMBERED = 10_000;

export async function checkpointJourney(ctx: IExecuteFunctions, store: JourneyStore): Promise<void> {
	const items = ctx.getInputData();
	if (items.length !== 1) return;
	const { json } = items[0];
	if (typeof json.contact !== 'object' || json.contact === null) return;
	const executionId = ctx.getExecutionId();
	const workflowId = ctx.getWorkflow().id;
	if (!executionId || !workflowId || recorded.has(executionId)) return;
	await store.recordJourneyRun({ executionId, workflowId: String(workflowId), node: ctx.getNode().name, item: json });
	if (recorded.size >= REMEMBERED) recorded.clear();
	recorded.add(executionId);
}

/** The Journey Store for a node's run, with the journey's start recorded first. */
export async function openStoreForRun(ctx: IExecuteFunctions): Promise<JourneyStore> {
	const store = await openJourneyStore(ctx);
	await checkpointJourney(ctx, store);
	return store;
}
