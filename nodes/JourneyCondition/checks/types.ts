import type { EventType, JourneyStore } from '../../../lib/store';
import type { ItemParameters } from '../params';

/** What to wait for when the check does not hold yet ("Wait for It"). */
export interface WaitTarget {
	/** The Journey Store's contact ID. */
	contactId: string;
	/** The Journey Store's visit ID: only events for this visit (or naming no visit) wake the run. */
	visitId: string | null;
	eventTypes: EventType[];
}

export interface Evaluation {
	/** The output's display name, e.g. 'Completed'. */
	outcome: string;
	reason: string;
	/** Set when the outcome is "not yet" and an event could change it. */
	waitFor?: WaitTarget;
}

export type Check = (parameters: ItemParameters, store: JourneyStore) => Promise<Evaluation>;
