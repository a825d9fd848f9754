import { createEvent } from 'ics';

export interface VisitCalendarInput {
	/** Stable per visit slot, so calendars update instead of duplicating. */
	uid: string;
	/** ISO-8601 instants. */
	start: string;
	end?: string | null;
	/** Clinic or location only: never the treatment. */
	title: string;
	location?: string | null;
}

const DEFAULT_MINUTES = 30;

/** A minimal .ics event (UTC times, clinic and time only). */
export function visitCalendarEvent(input: VisitCalendarInput): string {
	const start = Date.parse(input.start);
	if (Number.isNaN(start)) throw new Error(`calendar: the visit start ${JSON.stringify(input.start)} is not a date`);
	const end = input.end ? Date.parse(input.end) : Number.NaN;
	const { error, value } = createEvent({
		uid: input.uid,
		productId: 'n8n-nodes-customer-journey',
		title: input.title,
		start,
		startInputType: 'utc',
		startOutputType: 'utc',
		...(Number.isNaN(end) || end <= start ? { duration: { minutes: DEFAULT_MINUTES } } : { end, endInputType: 'utc' as const, endOutputType: 'utc' as const }),
		...(input.location ? { location: input.location } : {}),
		status: 'CONFIRMED',
	});
	if (error || !value) throw new Error(`calendar: ${error?.message ?? 'could not build the event'}`);
	return value;
}
