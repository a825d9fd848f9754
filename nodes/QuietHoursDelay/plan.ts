/**
 * One execution can wait until one instant only (n8n's waitTill belongs to the execution), so the
 * items' send times are planned together: all due now, or all at the same future instant, or
 * skipped. Anything else is an error that tells the user how to fan out.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SendTimeResult } from '../../lib/time';
import { toNodeError } from '../shared/item-loop';
import { computeItemSchedule } from './read-schedule';

export interface Plan {
	/** Items that continue on output 0: due now, or (when `waitUntil` is set) at that instant. */
	due: INodeExecutionData[];
	skipped: INodeExecutionData[];
	/** Epoch ms to wait until, when the due items lie in the future. */
	waitUntil?: number;
}

interface Scheduled {
	index: number;
	result: SendTimeResult;
	ms: number;
}

const FAN_OUT =
	'One execution can wait until one instant only. Run each appointment in its own execution: put an Execute Workflow node (mode "Run once for each item") before this node, with this node in the sub-workflow.';

function withSchedule(item: INodeExecutionData, { index, result }: Scheduled): INodeExecutionData {
	const schedule: IDataObject = { scheduledFor: result.iso, zone: result.zone, explanation: result.explanation };
	if (result.skipped) schedule.skipped = true;
	return { ...item, json: { ...item.json, schedule }, pairedItem: { item: index } };
}

function conflict(ctx: IExecuteFunctions, first: Scheduled, other: Scheduled, what: string): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Item ${other.index}: ${what} (${other.result.iso}) while item ${first.index} continues at ${first.result.iso}`,
		{ itemIndex: other.index, description: FAN_OUT },
	);
}

export function planItems(ctx: IExecuteFunctions, items: INodeExecutionData[]): Plan {
	const now = Date.now();
	const scheduled: Scheduled[] = [];
	const errors: INodeExecutionData[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			const result = computeItemSchedule(ctx, index);
			scheduled.push({ index, result, ms: result.instant.toMillis() });
		} catch (error) {
			const nodeError = toNodeError(ctx, error, index);
			if (!ctx.continueOnFail()) throw nodeError;
			errors.push({ json: { error: nodeError.message }, pairedItem: { item: index } });
		}
	}

	const skipped = scheduled.filter((entry) => entry.result.skipped);
	const later = scheduled.filter((entry) => !entry.result.skipped && entry.ms > now);
	const dueNow = scheduled.filter((entry) => !entry.result.skipped && entry.ms <= now);
	const [first] = later;
	if (first) {
		const differing = later.find((entry) => entry.ms !== first.ms);
		if (differing) throw conflict(ctx, first, differing, 'has another send time');
		if (dueNow[0]) throw conflict(ctx, first, dueNow[0], 'is due now');
		if (skipped[0]) throw conflict(ctx, first, skipped[0], 'is skipped');
	}
	const continuing = first ? later : dueNow;
	return {
		due: [...continuing.map((entry) => withSchedule(items[entry.index], entry)), ...errors],
		skipped: skipped.map((entry) => withSchedule(items[entry.index], entry)),
		...(first ? { waitUntil: first.ms } : {}),
	};
}
