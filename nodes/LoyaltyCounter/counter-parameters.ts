/** Reads Loyalty Counter's parameters of one item, naming the field when one is unusable. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { fieldError } from '../shared/tag-counter-contact';
import type { CounterOperation } from './properties';
import type { MilestoneSpec } from './milestone';

const MAX_NAME_LENGTH = 200;

/** A number, or text that is one (expressions often give "5"). */
export function readNumber(ctx: IExecuteFunctions, name: string, field: string, itemIndex: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw fieldError(field, `must be a number, got ${JSON.stringify(raw) ?? String(raw)}`);
	}
	return value;
}

export function readCounterName(ctx: IExecuteFunctions, itemIndex: number): string {
	const raw = ctx.getNodeParameter('counter', itemIndex, '', { extractValue: true });
	const name = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!name) throw fieldError('Counter', 'is empty; give a counter name such as visits or points');
	if (name.length > MAX_NAME_LENGTH) throw fieldError('Counter', `is longer than ${MAX_NAME_LENGTH} characters`);
	return name;
}

/**
 * The dedup key, or undefined when the field was cleared on purpose. An expression that gives
 * nothing for an item (no visit.id) is an error: counting it anyway could count a visit twice.
 */
export function readDedupKey(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const configured = ctx.getNode().parameters.dedupKey;
	if (typeof configured === 'string' && configured.replace(/^=/, '').trim() === '') return undefined;
	const raw = ctx.getNodeParameter('dedupKey', itemIndex, '');
	const key = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!key) {
		throw fieldError(
			'Dedup Key',
			'the expression gave no value for this item (e.g. it has no visit.id); fix the expression, or clear the field to count every execution',
		);
	}
	return key;
}

export function readMilestone(ctx: IExecuteFunctions, operation: CounterOperation, itemIndex: number): MilestoneSpec | undefined {
	if (operation === 'reset') return undefined;
	const type = ctx.getNodeParameter('milestone', itemIndex, 'none') as 'none' | MilestoneSpec['type'];
	if (type === 'everyNth') {
		const every = readNumber(ctx, 'every', 'Every', itemIndex);
		if (every <= 0) throw fieldError('Every', `must be greater than 0, got ${every}`);
		return { type, every, reachedAt: readNumber(ctx, 'reachedAt', 'Reached At', itemIndex) };
	}
	if (type === 'threshold') {
		const mode = operation === 'get' ? 'atOrAbove' : (ctx.getNodeParameter('thresholdMode', itemIndex, 'crossing') as 'crossing' | 'atOrAbove');
		return { type, threshold: readNumber(ctx, 'threshold', 'Threshold', itemIndex), mode };
	}
	return undefined;
}

/** Days after which added points expire; 0 = never. */
export function readExpiryDays(ctx: IExecuteFunctions, operation: CounterOperation, itemIndex: number): number {
	if (operation === 'reset') return 0;
	const days = readNumber(ctx, 'expireAfterDays', 'Expire Points Older Than (Days)', itemIndex);
	if (days < 0) throw fieldError('Expire Points Older Than (Days)', `must be 0 (off) or more, got ${days}`);
	return days;
}
