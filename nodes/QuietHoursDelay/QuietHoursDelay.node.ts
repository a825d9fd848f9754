import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { carryIntoResume, waitUntil } from '../shared/schedule-wait';
import { planItems } from './plan';
import { delaySubtitle, quietHoursDelayProperties } from './properties';

// Not usableAsTool: an AI agent cannot wait days for a tool call to return.
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool
export class QuietHoursDelay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quiet-Hours Delay',
		name: 'quietHoursDelay',
		icon: { light: 'file:quietHoursDelay.svg', dark: 'file:quietHoursDelay.dark.svg' },
		group: ['organization'],
		version: 1,
		subtitle: `={{(${delaySubtitle})($parameter)}}`,
		description:
			"Waits until a time relative to the visit (e.g. 2 days before at 08:00) in the contact's time zone, never outside the send window, on closed weekdays or holidays",
		defaults: { name: 'Quiet-Hours Delay' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Due', 'Skipped'],
		waitingNodeTooltip: '=Execution will continue at the computed send time',
		properties: quietHoursDelayProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const plan = planItems(this, this.getInputData());
		if (plan.waitUntil !== undefined) {
			carryIntoResume(this, plan.due);
			await waitUntil(this, new Date(plan.waitUntil));
		}
		return [plan.due, plan.skipped];
	}
}
