/** Instants as the contact reads them: in their zone, in English, with the offset where it matters. */
import { DateTime } from 'luxon';

export function inZone(iso: string, zone: string): DateTime {
	return DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale('en-GB');
}

/** "Thu 15 Apr 10:00". */
export const shortLocal = (iso: string, zone: string): string => inZone(iso, zone).toFormat('ccc d LLL HH:mm');

/** "Thu 15 Apr 2027". */
export const localDay = (iso: string, zone: string): string => inZone(iso, zone).toFormat('ccc d LLL yyyy');

/** "10:00". */
export const localClock = (iso: string, zone: string): string => inZone(iso, zone).toFormat('HH:mm');

/** ISO 8601 with the zone's offset, e.g. 2027-04-15T10:00:00.000+02:00. */
export const localIso = (iso: string, zone: string): string => inZone(iso, zone).toISO()!;
