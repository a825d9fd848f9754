/** "Visit still current": a reminder for a moved or cancelled visit must never be sent. */
import { fieldError } from '../params';
import type { Check } from './types';

export const visitCurrent: Check = async (parameters, store) => {
	const externalId = parameters.required('visitId', 'Visit ID', 'visit ID (visit.id)');
	const raw = parameters.text('visitVersion');
	const version = Number(raw);
	if (!raw || !Number.isInteger(version) || version < 1) {
		throw fieldError('Visit Version', `must be a whole number ≥ 1 (the item's visit.version), got ${JSON.stringify(raw)}`);
	}
	const visit = await store.getVisit({ externalId });
	if (!visit) return { outcome: 'Stale', reason: `visit ${externalId} is not in the Journey Store` };
	if (visit.status === 'cancelled') return { outcome: 'Stale', reason: `visit ${externalId} was cancelled` };
	if (visit.version !== version) {
		return {
			outcome: 'Stale',
			reason: `visit ${externalId} was moved (slot version ${visit.version} in the Journey Store, ${version} in the item)`,
		};
	}
	return { outcome: 'Current', reason: `visit ${externalId} is ${visit.status}, slot version ${version}` };
};
