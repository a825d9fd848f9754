import { DomainInputError } from './domain-input-error';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

// Settings repeat on every call ('08:00', '20:00'), so parsed values are remembered.
const parsed = new Map<string, number>();

/** Minutes since midnight for 'HH:mm'; '24:00' only when `allowEndOfDay`. */
export function parseClock(value: unknown, field: string, allowEndOfDay = false): number {
	if (typeof value === 'string') {
		const known = parsed.get(value);
		if (known !== undefined && (known < 1440 || allowEndOfDay)) return known;
		const text = value.trim();
		const m = CLOCK.exec(text);
		const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : text === '24:00' ? 1440 : undefined;
		if (minutes !== undefined && (minutes < 1440 || allowEndOfDay)) {
			if (parsed.size < 2000) parsed.set(value, minutes);
			return minutes;
		}
	}
	throw new DomainInputError(
		field,
		`expected a local time as HH:mm (00:00–23:59${allowEndOfDay ? ' or 24:00' : ''}), got ${JSON.stringify(value)}`,
	);
}
