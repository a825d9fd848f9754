/**
 * "Has this event happened?" checks on the contact's engagement events, optionally since the
 * visit started or in the last N hours: a survey or form completed, a payment received.
 */
import type { EventType } from '../../../lib/store';
import { fieldError } from '../params';
import { findContact } from './contact';
import type { Check } from './types';

const HOUR = 3_600_000;

function eventReceived(eventType: EventType, [no, yes]: [string, string], what: string): Check {
	return async (parameters, store) => {
		const { contact, missing } = await findContact(parameters, store);
		if (!contact) return { outcome: no, reason: missing };
		const since = parameters.text('surveySince', 'visit');
		let from: string | undefined;
		let visitId: string | null = null;
		let window = 'ever';
		if (since === 'visit') {
			const externalId = parameters.required('visitId', 'Visit ID', 'visit ID (visit.id)');
			const visit = await store.getVisit({ externalId });
			if (!visit) throw fieldError('Visit ID', `visit ${externalId} is not in the Journey Store (needed for "Since: The Visit Started")`);
			from = visit.startAt;
			visitId = visit.id;
			window = `since visit ${externalId} started`;
		} else if (since === 'hours') {
			const hours = parameters.number('sinceHours', 'Hours');
			from = new Date(Date.now() - hours * HOUR).toISOString();
			window = `in the last ${hours} h`;
		}
		const events = await store.listEvents({ contactId: contact.id, types: [eventType], since: from, limit: 1 });
		if (events.length > 0) return { outcome: yes, reason: `${what} at ${events[0].occurredAt}` };
		return { outcome: no, reason: `no ${what} ${window}`, waitFor: { contactId: contact.id, visitId, eventTypes: [eventType] } };
	};
}

export const survey = eventReceived('survey_completed', ['Not Completed', 'Completed'], 'survey completed');
export const payment = eventReceived('payment_received', ['Not Paid', 'Paid'], 'payment received');
