/** =, ≠, <, ≤, >, ≥ for counters and custom fields: numbers as numbers, anything else as text. */
import { fieldError } from '../params';

export const OPERATORS = {
	equal: '=',
	notEqual: '≠',
	lt: '<',
	lte: '≤',
	gt: '>',
	gte: '≥',
} as const;
export type Operator = keyof typeof OPERATORS;

export function readOperator(value: string): Operator {
	if (value in OPERATORS) return value as Operator;
	throw fieldError('Operator', `expected one of ${Object.keys(OPERATORS).join(', ')}, got ${JSON.stringify(value)}`);
}

function asNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && value.trim() !== '') {
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	}
	return undefined;
}

/** A missing value (undefined/null) is only ever "not equal". */
export function compare(actual: unknown, operator: Operator, expected: unknown): boolean {
	if (actual === undefined || actual === null) return operator === 'notEqual';
	const [a, b] = [asNumber(actual), asNumber(expected)];
	const [x, y] = a !== undefined && b !== undefined ? [a, b] : [String(actual), String(expected)];
	const order = x < y ? -1 : x > y ? 1 : 0;
	switch (operator) {
		case 'equal':
			return order === 0;
		case 'notEqual':
			return order !== 0;
		case 'lt':
			return order < 0;
		case 'lte':
			return order <= 0;
		case 'gt':
			return order > 0;
		case 'gte':
			return order >= 0;
	}
}
