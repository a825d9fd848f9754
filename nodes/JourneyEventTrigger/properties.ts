import type { INodeProperties } from 'n8n-workflow';

import { EVENT_TYPES, type EventType } from '../../lib/store';
import { authenticationProperty, authHeaderProperties, limitOptions } from '../shared/trigger-properties';

const EVENT_LABELS: Record<EventType, string> = {
	replied: 'Reply to Our Message (Yes / No / Stop …)',
	inbound: 'Other Incoming Message',
	opt_out: 'Opt-Out (STOP, Unsubscribe)',
	survey_completed: 'Survey or Form Completed',
	payment_received: 'Payment Received',
	attendance_marked: 'Attendance Marked',
	delivered: 'Message Delivered',
	bounced: 'Message Failed or Bounced',
	opened: 'Message Opened or Read',
	clicked: 'Link Clicked',
};

/** Keep in step with the Start Workflow On default below (the linter wants a literal there). */
export const DEFAULT_START_ON: EventType[] = ['replied', 'inbound', 'opt_out', 'survey_completed', 'payment_received', 'attendance_marked'];

/** Stringified into the subtitle expression: keep it self-contained. */
export function eventSubtitle(parameters: { startOn?: unknown }) {
	const types = Array.isArray(parameters.startOn) ? parameters.startOn : [];
	return types.length ? 'start on ' + types.join(', ') : 'record and wake only';
}

export const eventTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'journey-events',
		required: true,
		description:
			'Base of the URLs: POST events here, Twilio to …/twilio, WhatsApp to …/whatsapp; the Send node\'s "Tracking Base URL" is this URL',
	},
	{
		displayName: 'Start Workflow On',
		name: 'startOn',
		type: 'multiOptions',
		options: EVENT_TYPES.map((value) => ({ name: EVENT_LABELS[value], value })),
		default: ['replied', 'inbound', 'opt_out', 'survey_completed', 'payment_received', 'attendance_marked'],
		description:
			'Events that start this workflow with the event as its item. Every event is recorded in the Journey Store and wakes the journeys waiting for it either way.',
	},
	authenticationProperty(['hmac', 'headerToken', 'none'], 'hmac', 'How the generic JSON endpoint checks the sender. Twilio and WhatsApp requests are checked with their own signatures, tracking links with signed tokens.'),
	...authHeaderProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...limitOptions,
			{
				displayName: 'Reply Window (Days)',
				name: 'replyWindowDays',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 7,
				description: 'An incoming message answers our last message on that channel if we sent it within this many days; otherwise it is recorded as "Other Incoming Message"',
			},
		],
	},
];
