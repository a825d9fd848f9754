import type { INodeProperties } from 'n8n-workflow';

import { VISIT_STATUSES } from '../../lib/store';

/** E.g. "6 months after Hygiene". Stringified into the subtitle expression: keep it self-contained. */
export function recallSubtitle(parameters: { delayAmount?: unknown; delayUnit?: unknown; services?: unknown }) {
	const services = Array.isArray(parameters.services) && parameters.services.length ? parameters.services.join(', ') : 'any service';
	return String(parameters.delayAmount ?? '') + ' ' + String(parameters.delayUnit ?? '') + ' after ' + services;
}

export const recallTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Reminder Name',
		name: 'reminder',
		type: 'string',
		default: 'check-up',
		required: true,
		description: 'Names this recall; each visit is recalled once per name, so a second Recall Due Trigger with another name (e.g. "check-up-12m") recalls the same visits again',
	},
	{
		displayName: 'Services Names or IDs',
		name: 'services',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getServices' },
		default: [],
		description:
			'Visits of these services count as "the last visit"; none selected means any service. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Recall After',
		name: 'delayAmount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 6,
		description: 'How long after the end of the last visit the contact is due; a month counts 30 days',
	},
	{
		displayName: 'Unit',
		name: 'delayUnit',
		type: 'options',
		options: [
			{ name: 'Days', value: 'days' },
			{ name: 'Weeks', value: 'weeks' },
			{ name: 'Months (30 Days)', value: 'months' },
		],
		default: 'months',
	},
	{
		displayName: 'Visits That Count',
		name: 'statuses',
		type: 'multiOptions',
		options: VISIT_STATUSES.map((value) => ({ name: value, value })),
		default: ['attended', 'completed', 'scheduled', 'rescheduled'],
		description:
			'Visit statuses that count as a visit that took place. Keep Scheduled and Rescheduled if the clinic does not mark attendance; a past booked visit then counts.',
	},
	{
		displayName: 'Skip Contacts With Tags Names or IDs',
		name: 'excludeTags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTagNames' },
		default: [],
		description:
			'Contacts with any of these tags (e.g. "no-show") are not recalled. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Catch-Up Window (Days)',
		name: 'catchUpDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description:
			'A visit that became due up to this many days ago is still recalled (longer than the poll interval, so nothing is missed between polls or after downtime)',
	},
];
