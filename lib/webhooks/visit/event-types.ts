import { VISIT_EVENT_TYPES, type VisitEventType } from '../../journey/item';

const ALIASES: Record<string, VisitEventType> = {
	canceled: 'cancelled',
	noshow: 'no-show',
	'no-show': 'no-show',
};

/** 'Cancelled', 'canceled', 'NO_SHOW' … → the item's event type; user-defined values are checked first. */
export function readEventType(value: string, custom: Readonly<Record<string, VisitEventType>> = {}): VisitEventType | undefined {
	const key = value.trim().toLowerCase();
	const mapped = Object.entries(custom).find(([from]) => from.trim().toLowerCase() === key)?.[1];
	if (mapped) return mapped;
	const folded = key.replace(/[_\s]+/g, '-');
	const type = ALIASES[folded] ?? ALIASES[folded.replace(/-/g, '')] ?? folded;
	return (VISIT_EVENT_TYPES as readonly string[]).includes(type) ? (type as VisitEventType) : undefined;
}

/**
 * "booked=scheduled, moved=rescheduled" → { booked: 'scheduled', moved: 'rescheduled' }.
 * Throws on an unknown target type: that is a mistake in the node's settings, not in a request.
 */
export function parseEventTypeValues(text: string): Record<string, VisitEventType> {
	const values: Record<string, VisitEventType> = {};
	for (const pair of text.split(/[,\n]/)) {
		if (!pair.trim()) continue;
		const eq = pair.lastIndexOf('=');
		const from = eq > 0 ? pair.slice(0, eq).trim() : '';
		const to = readEventType(eq > 0 ? pair.slice(eq + 1) : '');
		if (!from || !to) {
			throw new Error(`Event Type Values: cannot read ${JSON.stringify(pair.trim())}; write "their value=one of ${VISIT_EVENT_TYPES.join(', ')}"`);
		}
		values[from] = to;
	}
	return values;
}
