/** Date conditions on the calendar day in the contact's zone: an anniversary (birthday) today, N days before/after a date. */
import { DateTime, IANAZone } from 'luxon';

import { fieldError, type ItemParameters } from '../params';
import { findContact } from './contact';
import type { Check } from './types';

function zoneOf(parameters: ItemParameters): string {
	const zone = parameters.text('timeZone') || parameters.workflowZone;
	if (!IANAZone.isValidZone(zone)) throw fieldError('Time Zone', `unknown time zone ${JSON.stringify(zone)} (expected an IANA name such as Europe/Warsaw)`);
	return zone;
}

/** A date-only value is a calendar date; a date-time is converted to the contact's zone. */
function calendarDate(value: unknown, zone: string, field: string): DateTime {
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
	if (!text) throw fieldError(field, 'is empty; no date to check');
	const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? DateTime.fromISO(text, { zone: 'UTC' }) : DateTime.fromISO(text, { zone });
	if (!date.isValid) throw fieldError(field, `cannot read ${JSON.stringify(text)} as a date (expected YYYY-MM-DD or ISO 8601)`);
	return DateTime.utc(date.year, date.month, date.day);
}

async function readDate(parameters: ItemParameters, store: Parameters<Check>[1], zone: string): Promise<{ date?: DateTime; missing?: string }> {
	if (parameters.text('dateSource', 'customField') === 'value') {
		return { date: calendarDate(parameters.get('dateValue', ''), zone, 'Date') };
	}
	const name = parameters.required('dateFieldName', 'Field Name', 'field name');
	const { contact, missing } = await findContact(parameters, store);
	if (!contact) return { missing };
	const value = contact.customFields[name];
	if (value === undefined || value === null || value === '') return { missing: `the contact has no ${name}` };
	return { date: calendarDate(value, zone, `custom field ${name}`) };
}

export const dateCheck: Check = async (parameters, store) => {
	const zone = zoneOf(parameters);
	const now = DateTime.now().setZone(zone);
	const today = DateTime.utc(now.year, now.month, now.day);
	const condition = parameters.text('dateCondition', 'anniversaryToday');
	const { date, missing } = await readDate(parameters, store, zone);
	if (!date) return { outcome: 'False', reason: missing ?? 'no date' };
	const shown = `${date.toISODate()} (today ${today.toISODate()} in ${zone})`;
	if (condition === 'anniversaryToday') {
		// Feb 29 falls on Feb 28 in other years.
		const day = date.month === 2 && date.day === 29 && !today.isInLeapYear ? 28 : date.day;
		const holds = date.month === today.month && day === today.day;
		return { outcome: holds ? 'True' : 'False', reason: `anniversary of ${shown}${holds ? ' is today' : ' is not today'}` };
	}
	const days = parameters.number('days', 'Days');
	const sign = condition === 'daysBefore' ? -1 : condition === 'daysAfter' ? 1 : 0;
	if (!sign) throw fieldError('Condition', `unknown condition ${JSON.stringify(condition)}`);
	const holds = date.plus({ days: sign * days }).equals(today);
	return { outcome: holds ? 'True' : 'False', reason: `${shown} ${holds ? 'is' : 'is not'} ${days} days ${sign < 0 ? 'away' : 'ago'}` };
};
