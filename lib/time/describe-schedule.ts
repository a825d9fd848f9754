import { offsetPhrase } from './offset';
import type { SendOffset } from './types';

export interface ScheduleSummaryParams {
	offset?: SendOffset;
	localTime?: string;
}

/** A short node subtitle such as '2 days before · 08:00'. Never throws: it renders what it is given. */
export function describeSchedule(params: ScheduleSummaryParams): string {
	const phrase = offsetPhrase(params.offset);
	const time = params.localTime?.trim();
	if (phrase && time) return `${phrase} · ${time}`;
	if (phrase) return phrase;
	if (time) return `same day · ${time}`;
	return 'at the event time';
}
