import type { INodeProperties } from 'n8n-workflow';

import { contactProperties } from '../shared/contact-properties';
import { contactDataProperties } from './contact-data-properties';
import { engagementProperties } from './engagement-properties';

const checkProperty: INodeProperties = {
	displayName: 'Check',
	name: 'check',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Attendance',
			value: 'attendance',
			description: 'Attended, No-Show or Unknown, from the visit status the clinic recorded',
		},
		{ name: 'Contact Custom Field', value: 'customField', description: "Compare a field of the contact's custom fields" },
		{ name: 'Counter', value: 'counter', description: "Compare one of the contact's counters (e.g. visits = 9)" },
		{ name: 'Date', value: 'date', description: "Birthday today, or N days before/after a date, in the contact's zone" },
		{
			name: 'Message Status',
			value: 'message',
			description: 'Sent, delivered, opened, clicked, bounced or the reply to an earlier message',
		},
		{ name: 'Payment Received', value: 'payment', description: 'Whether a payment_received event arrived for the contact (e.g. from the billing system)' },
		{ name: 'Survey or Form Completed', value: 'survey', description: 'Whether the contact completed a survey or form' },
		{ name: 'Tag', value: 'tag', description: 'Whether the contact has a tag' },
		{
			name: 'Visit Still Current',
			value: 'visitCurrent',
			description: 'The visit was not cancelled and not moved since the item was created (check before every reminder)',
		},
	],
	default: 'visitCurrent',
	description: 'What to check; the outputs follow the check',
};

const visitProperties: INodeProperties[] = [
	{
		displayName: 'Visit ID',
		name: 'visitId',
		type: 'string',
		default: '={{ $json.visit.id }}',
		required: true,
		description: "The booking system's visit ID, as the Visit Trigger outputs it",
		displayOptions: {
			show: { check: ['attendance', 'visitCurrent', 'survey', 'payment'] },
			hide: { attendanceSource: ['field'], surveySince: ['any', 'hours'] },
		},
	},
	{
		displayName: 'Visit Version',
		name: 'visitVersion',
		type: 'string',
		default: '={{ $json.visit.version }}',
		required: true,
		description:
			'The slot version the item was created for; the visit is Stale when the Journey Store has another one (it was moved) or the visit was cancelled',
		displayOptions: { show: { check: ['visitCurrent'] } },
	},
];

const waitProperties: INodeProperties[] = [
	{
		displayName: 'Wait for It',
		name: 'waitForEvent',
		type: 'boolean',
		default: false,
		description: 'Whether to wait for the event when the check does not hold yet',
		hint: 'The run continues as soon as the event arrives through the Journey Event Trigger, on the output it then matches; if it does not arrive in time, on the first output (e.g. "Not Completed") with condition.timedOut = true. After an early resume, use the item\'s own fields ($json.contact, $json.visit): n8n does not keep $(\'Earlier Node\').item links on the resumed branch.',
		displayOptions: {
			show: { check: ['attendance', 'survey', 'payment', 'message'] },
			hide: { messageStatus: ['sent'], attendanceSource: ['field'] },
		},
	},
	{
		displayName: 'Wait Up To (Hours)',
		name: 'waitHours',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 24,
		description: 'How long to wait for the event before continuing on the first output',
		displayOptions: { show: { waitForEvent: [true] } },
	},
];

const hideContactFor = ['attendance', 'visitCurrent'];

export const journeyConditionProperties: INodeProperties[] = [
	checkProperty,
	...contactProperties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, hide: { check: hideContactFor } },
	})),
	...visitProperties,
	...engagementProperties,
	...contactDataProperties,
	...waitProperties,
];
