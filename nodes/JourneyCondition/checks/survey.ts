/** Completed / Not Completed: a survey_completed event for the contact, optionally since the visit or the last N hours. */
import { fieldError } from '../params';
import { findContact } from './contact';
import type { Check } from './types';

const HOUR = 3_600_000;

export const survey: Check = async (parameters, store) => {
	const { contact, missing } = await findContact(parameters, store);
	if (!contact) return { outcome: 'Not Completed', reason: missing };
	const since = parameters.text('surveySince', 'visit');
	let from: string | undefined;
	let visitId: string | null = null;
	let window = 'ever';
	if (since === 'visit') {
		const externalId = parameters.required('visitId', 'Visit ID', 'visit ID (visit.id)');
		const visit = await store.getVisit({ externalId });
		if (!visit) throw fieldError('Visit ID', `visit ${externalId} is not in the Journey Store (needed for "Completed Since: The Visit Started")`);
		from = visit.startAt;
		visitId = visit.id;
		window = `since visit ${externalId} started`;
	} else if (since === 'hours') {
		const hours = parameters.number('sinceHours', 'Hours');
		from = new Date(Date.now() - hours * HOUR).toISOString();
		window = `in the last ${hours} h`;
	}
	const events = await store.listEvents({ contactId: contact.id, types: ['survey_completed'], since: from, limit: 1 });
	if (events.length > 0) return { outcome: 'Completed', reason: `survey completed at ${events[0].occurredAt}` };
	return {
		outcome: 'Not Completed',
		reason: `no survey completed ${window}`,
		waitFor: { contactId: contact.id, visitId, eventTypes: ['survey_completed'] },
	};
};
