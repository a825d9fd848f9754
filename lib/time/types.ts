import type { DateTime } from 'luxon';

export type OffsetUnit = 'minutes' | 'hours' | 'days' | 'months';
export type OffsetDirection = 'before' | 'after';
export type PastDuePolicy = 'sendNowIfInWindow' | 'nextWindow' | 'skip';

/** Days and months (= 30 days) count calendar days in the contact's zone; minutes and hours are absolute. */
export interface SendOffset {
	direction: OffsetDirection;
	amount: number;
	unit: OffsetUnit;
}

/** Local times 'HH:mm'; both ends inclusive; `end` may be '24:00'. */
export interface SendWindow {
	start: string;
	end: string;
}

export interface HolidayRules {
	/** ISO 3166-1 alpha-2, e.g. 'PL'; only date-holidays type 'public' counts. */
	country?: string;
	/** State/region code inside the country, e.g. 'NY' for US. */
	region?: string;
	/** Extra closed days, 'YYYY-MM-DD' in the contact's zone. */
	custom?: readonly string[];
}

/**
 * An ISO 8601 string (without an offset it is read as local time in the contact's zone),
 * epoch milliseconds, a JS Date or a luxon DateTime.
 */
export type InstantInput = string | number | Date | DateTime;

export interface SendTimeInput {
	anchor: InstantInput | 'now';
	/** Used in the explanation: "2 days before the visit". Default 'the event'. */
	anchorLabel?: string;
	offset?: SendOffset;
	/** 'HH:mm' local time of day to send at, e.g. '08:00'. */
	localTime?: string;
	/** Default 08:00–20:00. */
	window?: SendWindow;
	/** ISO weekdays 1 (Mon) – 7 (Sun) on which sending is allowed. Default all. */
	weekdays?: readonly number[];
	holidays?: HolidayRules;
	/** The contact's IANA zone; when empty, `fallbackZone` is used. */
	zone?: string | null;
	fallbackZone?: string;
	/** Default: the current time. */
	now?: InstantInput;
	/** Default 'sendNowIfInWindow'. */
	pastDue?: PastDuePolicy;
}

export interface SendTimeResult {
	/** In the contact's zone. */
	instant: DateTime;
	/** ISO 8601 with the zone's offset, e.g. 2027-04-13T08:00:00+02:00. */
	iso: string;
	zone: string;
	skipped?: boolean;
	adjustments: string[];
	explanation: string;
}
