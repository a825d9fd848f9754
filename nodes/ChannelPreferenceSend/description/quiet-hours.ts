/** The send-time guard: the shared send-rule parameters (same as Quiet-Hours Delay) behind one switch. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readSendRules, sendRulesProperties, type SendRulesInput } from '../../shared/schedule-properties';

export const quietHoursProperties: INodeProperties[] = [
	{
		displayName: 'Respect Quiet Hours',
		name: 'respectQuietHours',
		type: 'boolean',
		default: true,
		description:
			"Whether to hold messages outside the send window (in the contact's time zone) and pass them to the Deferred output with the time they may go out. Overdue runs resumed at night land there too.",
	},
	...sendRulesProperties({ show: { respectQuietHours: [true] } }),
];

/** The item's send rules, or null when the guard is off. */
export function readQuietHours(ctx: IExecuteFunctions, itemIndex: number): SendRulesInput | null {
	return ctx.getNodeParameter('respectQuietHours', itemIndex, true) ? readSendRules(ctx, itemIndex) : null;
}
