/**
 * "Wait for It": park the run until the awaited event arrives (the Journey Event Trigger takes the
 * waiter and POSTs to this execution's resume URL, which calls webhook()) or the time runs out
 * (n8n resumes without running the node: the parked input goes to output 0).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import { carryIntoResume } from '../shared/schedule-wait';
import type { Evaluation, WaitTarget } from './checks/types';

const HOUR = 3_600_000;

export interface Routed {
	output: number;
	item: INodeExecutionData;
}

export function routedItem(item: INodeExecutionData, index: number, condition: IDataObject): INodeExecutionData {
	return { ...item, json: { ...item.json, condition }, pairedItem: { item: index } };
}

/** The execution's resume URL (n8n's signed $execution.resumeUrl) is what the event trigger calls. */
export async function registerWaiter(
	ctx: IExecuteFunctions | IWebhookFunctions,
	store: JourneyStore,
	target: WaitTarget,
	expiresAt: string,
	itemIndex: number,
): Promise<void> {
	await store.registerWaiter({
		...target,
		resumeUrl: ctx.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex) as string,
		executionId: ctx.getExecutionId(),
		expiresAt,
	});
}

export async function parkUntilEvent(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	item: { index: number; data: INodeExecutionData; check: string; hours: number; target: WaitTarget },
	recheck: () => Promise<Evaluation>,
	route: (evaluation: Evaluation) => Routed,
	timeoutOutcome: string,
): Promise<Routed> {
	const waitTill = new Date(Date.now() + item.hours * HOUR);
	await registerWaiter(ctx, store, item.target, waitTill.toISOString(), item.index);
	// An event recorded after the first look but before the registration woke nobody: look again.
	// (A waiter left behind by an immediate answer only ever resumes an execution that is not waiting.)
	const again = await recheck();
	if (!again.waitFor) return route(again);

	const events = item.target.eventTypes.join('/');
	carryIntoResume(ctx, [
		routedItem(item.data, item.index, {
			check: item.check,
			outcome: timeoutOutcome,
			reason: `no ${events} event within ${item.hours} h (${again.reason})`,
			timedOut: true,
			waitedUntil: waitTill.toISOString(),
		}),
	]);
	await ctx.putExecutionToWait(waitTill);
	return {
		output: 0,
		item: routedItem(item.data, item.index, { check: item.check, outcome: 'waiting', reason: `waiting for ${events} until ${waitTill.toISOString()}` }),
	};
}
