import { DomainInputError } from './domain-input-error';
import type { OffsetUnit, SendOffset } from './types';

const UNITS: readonly OffsetUnit[] = ['minutes', 'hours', 'days', 'months'];

export interface CheckedOffset {
	/** Signed: negative = before. */
	amount: number;
	unit: OffsetUnit;
}

export function checkOffset(offset: SendOffset | undefined): CheckedOffset {
	if (offset === undefined || offset === null) return { amount: 0, unit: 'minutes' };
	const { direction, amount, unit } = offset;
	if (direction !== 'before' && direction !== 'after') {
		throw new DomainInputError('offset.direction', `expected 'before' or 'after', got ${JSON.stringify(direction)}`);
	}
	if (!UNITS.includes(unit)) {
		throw new DomainInputError('offset.unit', `expected one of ${UNITS.join(', ')}, got ${JSON.stringify(unit)}`);
	}
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
		throw new DomainInputError('offset.amount', `expected a number ≥ 0, got ${JSON.stringify(amount)}`);
	}
	if ((unit === 'days' || unit === 'months') && !Number.isInteger(amount)) {
		throw new DomainInputError('offset.amount', `${unit} must be a whole number, got ${amount}`);
	}
	return { amount: direction === 'before' ? -amount : amount, unit };
}

/** Calendar days to shift for day/month offsets (a month is exactly 30 days). */
export function offsetDays(offset: CheckedOffset): number {
	return offset.unit === 'months' ? offset.amount * 30 : offset.amount;
}

/** '2 days before', '1 month (30 days) after', '' for no offset. */
export function offsetPhrase(offset: SendOffset | undefined): string {
	if (!offset || !offset.amount) return '';
	const { amount, unit, direction } = offset;
	const noun = amount === 1 ? unit.slice(0, -1) : unit;
	const days = unit === 'months' ? ` (${amount * 30} days)` : '';
	return `${amount} ${noun}${days} ${direction}`;
}
