/** Attended / No-Show / Unknown, from the visit status in the Journey Store or a field of the item. */
import type { Check, Evaluation } from './types';

const ATTENDED = new Set(['attended', 'completed', 'showed', 'show', 'yes', 'true']);
const NO_SHOW = new Set(['no-show', 'noshow', 'no_show', 'no show', 'missed', 'no', 'false']);

function fromValue(value: string, source: string): Evaluation {
	const key = value.trim().toLowerCase();
	if (ATTENDED.has(key)) return { outcome: 'Attended', reason: `${source} is "${value}"` };
	if (NO_SHOW.has(key)) return { outcome: 'No-Show', reason: `${source} is "${value}"` };
	return { outcome: 'Unknown', reason: value ? `${source} is "${value}"` : `${source} is empty` };
}

export const attendance: Check = async (parameters, store) => {
	if (parameters.text('attendanceSource', 'store') === 'field') {
		return fromValue(parameters.text('attendanceValue'), 'the attendance value');
	}
	const externalId = parameters.required('visitId', 'Visit ID', 'visit ID (visit.id)');
	const visit = await store.getVisit({ externalId });
	if (!visit) return { outcome: 'Unknown', reason: `visit ${externalId} is not in the Journey Store` };
	const evaluation = fromValue(visit.status, `visit ${externalId}'s status`);
	if (evaluation.outcome !== 'Unknown' || visit.status === 'cancelled') return evaluation;
	return { ...evaluation, waitFor: { contactId: visit.contactId, visitId: visit.id, eventTypes: ['attendance_marked'] } };
};
