import type { VisitEventType } from '../../journey/item';
import type { FieldIssue } from '../http';

export const VISIT_FORMATS = ['generic', 'calcom', 'calendly'] as const;
export type VisitFormat = (typeof VISIT_FORMATS)[number];

/** Normalised contact fields from the payload; absent ones are left out (the store keeps its values). */
export interface ContactDraft {
	/** The booking system's contact ID, when it has one (Cal.com and Calendly do not). */
	id?: string;
	name?: string;
	email?: string;
	/** E.164. */
	phone?: string;
	timeZone?: string;
	locale?: string;
}

export interface VisitDraft {
	id: string;
	/** The visit this one replaces, when the booking system gives a reschedule a new ID. */
	previousId?: string;
	service?: string;
	location?: string;
	staff?: string;
	/** ISO-8601 UTC; absent only for status events about a visit the store already knows. */
	start?: string;
	end?: string;
}

export interface VisitEventDraft {
	source: VisitFormat;
	type: VisitEventType;
	/** The provider's event ID; null when the payload has none (the trigger derives one). */
	eventId: string | null;
	contact: ContactDraft;
	visit: VisitDraft;
	/** False: the store is updated but no execution starts (e.g. the cancelled half of a Calendly reschedule). */
	startsExecution: boolean;
	/** Why it starts nothing, when startsExecution is false. */
	note?: string;
	/** Unusable optional fields that were dropped (e.g. a mistyped phone number). */
	warnings: FieldIssue[];
}

export type NormaliseResult =
	| { kind: 'event'; draft: VisitEventDraft }
	| { kind: 'ignored'; reason: string }
	| { kind: 'invalid'; fields: FieldIssue[] };

/** Event types that only change the status of a visit the store may already know. */
export const STATUS_ONLY_TYPES: readonly VisitEventType[] = ['cancelled', 'attended', 'no-show', 'completed'];
