import { MINUTE, pad2 } from './civil';

/** ISO 8601 with a numeric offset ('+00:00', never 'Z'); milliseconds only when non-zero. */
export function formatIso(ms: number, offsetMinutes: number): string {
	const d = new Date(ms + offsetMinutes * MINUTE);
	const year = d.getUTCFullYear();
	const millis = d.getUTCMilliseconds();
	const abs = Math.abs(offsetMinutes);
	return (
		`${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}` +
		`T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` +
		(millis ? `.${String(millis).padStart(3, '0')}` : '') +
		`${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
	);
}
