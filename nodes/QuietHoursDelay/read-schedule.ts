/** Reads one item's Quiet-Hours Delay parameters and computes its send time with lib/time. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { computeSendTime, type InstantInput, type OffsetDirection, type OffsetUnit, type PastDuePolicy, type SendTimeResult } from '../../lib/time';
import { readSendRules, scheduleFieldError } from '../shared/schedule-properties';

/** lib/time's field names → this node's parameter names, for error messages. */
const FIELD_NAMES: Record<string, string> = {
	anchor: 'Date',
	'offset.amount': 'Amount',
	'offset.unit': 'Unit',
	'offset.direction': 'Before or After',
	localTime: 'At Time of Day',
	pastDue: 'If the Time Has Passed',
};

function fieldError(field: string, message: string): Error {
	return Object.assign(new Error(message), { field });
}

/** n8n expressions may return a string, a number, a JS Date or a luxon DateTime. */
function readAnchorDate(ctx: IExecuteFunctions, itemIndex: number): InstantInput {
	const value = ctx.getNodeParameter('anchorDate', itemIndex, '') as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw fieldError('Date', 'is empty; the item has no date to count from (e.g. no visit.start)');
	}
	if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
	const iso = (value as { toISO?: () => string }).toISO?.();
	if (typeof iso === 'string') return iso;
	throw fieldError('Date', `expected an ISO 8601 date-time, got ${JSON.stringify(value)}`);
}

export function computeItemSchedule(ctx: IExecuteFunctions, itemIndex: number): SendTimeResult {
	try {
		const fromNow = ctx.getNodeParameter('anchor', itemIndex) === 'now';
		const amount = ctx.getNodeParameter('amount', itemIndex, 0) as number;
		return computeSendTime({
			...readSendRules(ctx, itemIndex),
			anchor: fromNow ? 'now' : readAnchorDate(ctx, itemIndex),
			anchorLabel: fromNow ? 'now' : String(ctx.getNodeParameter('anchorLabel', itemIndex, '')),
			offset: {
				direction: fromNow ? 'after' : (ctx.getNodeParameter('direction', itemIndex) as OffsetDirection),
				amount,
				unit: ctx.getNodeParameter('unit', itemIndex) as OffsetUnit,
			},
			localTime: String(ctx.getNodeParameter('timeOfDay', itemIndex, '') ?? ''),
			pastDue: ctx.getNodeParameter('pastDue', itemIndex) as PastDuePolicy,
			now: Date.now(),
		});
	} catch (error) {
		throw scheduleFieldError(error, FIELD_NAMES);
	}
}
