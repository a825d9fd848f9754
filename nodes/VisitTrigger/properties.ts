import type { INodeProperties } from 'n8n-workflow';

import { VISIT_EVENT_TYPES } from '../../lib/journey/item';
import { GENERIC_FIELDS, type GenericField } from '../../lib/webhooks';
import { authenticationProperty, authHeaderProperties, limitOptions } from '../shared/trigger-properties';

const EVENT_LABELS: Record<(typeof VISIT_EVENT_TYPES)[number], string> = {
	scheduled: 'Scheduled (New Booking)',
	rescheduled: 'Rescheduled (New Time, Service or Place)',
	cancelled: 'Cancelled',
	attended: 'Attended',
	'no-show': 'No-Show',
	completed: 'Completed',
};

const FIELD_LABELS: Record<GenericField, string> = {
	'event.id': 'Event ID',
	'event.type': 'Event Type',
	'contact.id': 'Contact ID',
	'contact.name': 'Contact Name',
	'contact.email': 'Contact Email',
	'contact.phone': 'Contact Phone',
	'contact.timeZone': 'Contact Time Zone',
	'contact.locale': 'Contact Locale',
	'visit.id': 'Visit ID',
	'visit.previousId': 'Replaced Visit ID',
	'visit.service': 'Service',
	'visit.location': 'Location',
	'visit.staff': 'Staff',
	'visit.start': 'Start',
	'visit.end': 'End',
};

/** "contact.timeZone" → "contactTimeZone": the collection's parameter names. */
export const mappingParameter = (field: GenericField) => field.replace(/\.(\w)/, (_, c: string) => c.toUpperCase());

/** Stringified into the subtitle expression: keep it self-contained. */
export function visitSubtitle(parameters: { format?: string; events?: unknown }) {
	const formats: Record<string, string> = { generic: 'JSON', calcom: 'Cal.com', calendly: 'Calendly' };
	const events = Array.isArray(parameters.events) ? parameters.events.join(', ') : '';
	return (formats[parameters.format ?? 'generic'] ?? parameters.format) + ': ' + (events || 'record only');
}

export const visitTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'visits',
		required: true,
		description: 'Last part of the webhook URL; the booking system posts its events there',
	},
	{
		displayName: 'Payload Format',
		name: 'format',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Generic JSON', value: 'generic', description: 'The schema in the README, or any JSON read through the field mapping below' },
			{ name: 'Cal.com', value: 'calcom', description: 'Events BOOKING_CREATED, BOOKING_RESCHEDULED, BOOKING_CANCELLED and MEETING_ENDED' },
			{ name: 'Calendly', value: 'calendly', description: 'Events invitee.created, invitee.canceled and invitee_no_show.created' },
		],
		default: 'generic',
	},
	{
		displayName: 'Start Workflow On',
		name: 'events',
		type: 'multiOptions',
		options: VISIT_EVENT_TYPES.map((value) => ({ name: EVENT_LABELS[value], value })),
		default: ['scheduled', 'rescheduled'],
		description:
			'Events that start this workflow. Every accepted event still updates the Journey Store, so journeys already waiting see cancellations and new times, and attended / no-show / completed wake those waiting for attendance.',
	},
	authenticationProperty(['hmac', 'calcom', 'calendly', 'headerToken', 'none'], 'hmac', 'How the trigger checks that a request really comes from the booking system; failures get 401 and start nothing'),
	...authHeaderProperties,
	{
		displayName: 'Field Mapping (JSON Paths)',
		name: 'fieldMapping',
		type: 'collection',
		placeholder: 'Add Field Path',
		default: {},
		description: 'Where to read each field when the booking system posts its own JSON, e.g. booking.client.mobile or attendees[0].email. Unset fields use the generic schema.',
		displayOptions: { show: { format: ['generic'] } },
		options: GENERIC_FIELDS.map((field) => ({
			displayName: FIELD_LABELS[field],
			name: mappingParameter(field),
			type: 'string' as const,
			default: '',
			placeholder: field,
		})),
	},
	{
		displayName: 'Event Type Values',
		name: 'eventTypeValues',
		type: 'string',
		default: '',
		placeholder: 'booked=scheduled, moved=rescheduled, canceled=cancelled',
		description: "The booking system's own event names and what they mean here, separated by commas",
		displayOptions: { show: { format: ['generic'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...limitOptions,
			{
				displayName: 'Include Raw Payload',
				name: 'includeRaw',
				type: 'boolean',
				default: true,
				description: 'Whether the output item carries the payload as received under "raw", for fields the normalized item does not have',
			},
		],
	},
];
