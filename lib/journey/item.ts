/**
 * The normalized item the triggers emit and every other node reads: one appointment event with
 * its contact and visit. IDs are the booking system's (external) IDs; the Journey Store maps them.
 * Messages to patients use only what is here (clinic, time): never the treatment.
 */
import type { VisitStatus } from '../store';

export const VISIT_EVENT_TYPES = ['scheduled', 'rescheduled', 'cancelled', 'attended', 'no-show', 'completed'] as const;
export type VisitEventType = (typeof VISIT_EVENT_TYPES)[number];

export interface JourneyContact {
	/** The booking system's contact ID (the store's externalId). */
	id: string;
	name: string | null;
	email: string | null;
	/** E.164, e.g. +48601234567. */
	phone: string | null;
	/** IANA zone, e.g. Europe/Warsaw. */
	timeZone: string | null;
	/** BCP 47, e.g. pl-PL, he-IL, ru-RU, en-GB. */
	locale: string | null;
}

export interface JourneyVisit {
	/** The booking system's visit ID (the store's externalId). */
	id: string;
	service: string | null;
	location: string | null;
	staff: string | null;
	/** ISO-8601 UTC. */
	start: string;
	end: string | null;
	status: VisitStatus;
	/** The store's slot version: changes on every reschedule (see lib/store/README.md). */
	version: number;
}

export interface JourneyEvent {
	/**
	 * The ID the trigger deduplicated on: the provider's event ID, else one derived from the payload
	 * ("derived:…", stable across the provider's retries; see lib/webhooks/visit/event-id.ts).
	 */
	id: string;
	type: VisitEventType;
	/** Payload format: generic, calcom, calendly. */
	source: string;
	receivedAt: string;
}

export interface JourneyItem {
	event: JourneyEvent;
	contact: JourneyContact;
	visit: JourneyVisit;
	/** The payload as received, for mapping fields the normalized item does not carry. */
	raw?: unknown;
}
