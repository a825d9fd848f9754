/** Parameters of the checks that follow the clinic and the patient: attendance, survey, payment, message. */
import type { INodeProperties } from 'n8n-workflow';

export const engagementProperties: INodeProperties[] = [
	{
		displayName: 'Attendance From',
		name: 'attendanceSource',
		type: 'options',
		options: [
			{ name: 'Journey Store', value: 'store', description: 'The visit status the clinic recorded (attended, no-show)' },
			{ name: 'A Field of the Item', value: 'field', description: 'E.g. a status your booking system sent.' },
		],
		default: 'store',
		displayOptions: { show: { check: ['attendance'] } },
	},
	{
		displayName: 'Attendance Value',
		name: 'attendanceValue',
		type: 'string',
		default: '={{ $json.visit.status }}',
		description: 'Attended: attended, completed, showed, yes, true. No-Show: no-show, noshow, missed, no, false. Anything else: Unknown.',
		displayOptions: { show: { check: ['attendance'], attendanceSource: ['field'] } },
	},
	{
		displayName: 'Since',
		name: 'surveySince',
		type: 'options',
		options: [
			{ name: 'Any Time', value: 'any' },
			{ name: 'The Visit Started', value: 'visit', description: 'Only a survey completed after this visit started counts' },
			{ name: 'The Last N Hours', value: 'hours' },
		],
		default: 'visit',
		description: 'Which survey_completed / payment_received events count',
		displayOptions: { show: { check: ['survey', 'payment'] } },
	},
	{
		displayName: 'Hours',
		name: 'sinceHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 48,
		displayOptions: { show: { check: ['survey', 'payment'], surveySince: ['hours'] } },
	},
	{
		displayName: 'Status',
		name: 'messageStatus',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Bounced', value: 'bounced' },
			{ name: 'Clicked', value: 'clicked', description: 'A tracked link was clicked' },
			{ name: 'Delivered', value: 'delivered', description: 'Delivered, opened, clicked or replied to' },
			{ name: 'Opened', value: 'opened', description: 'Opened or clicked (a click proves the open when images are blocked)' },
			{ name: 'Reply', value: 'reply', description: 'Replied Yes, Replied No, Other Reply or No Reply' },
			{ name: 'Sent', value: 'sent' },
		],
		default: 'opened',
		description: 'The status to check; the outputs follow it',
		displayOptions: { show: { check: ['message'] } },
	},
	{
		displayName: 'Message',
		name: 'messageLookup',
		type: 'options',
		options: [
			{ name: 'Latest to the Contact', value: 'latest', description: 'The last message the Journey Store recorded for the contact' },
			{ name: 'By Message ID', value: 'id', description: "The Journey Store's message ID, e.g. from a send node's output" },
		],
		default: 'latest',
		displayOptions: { show: { check: ['message'] } },
	},
	{
		displayName: 'Channel',
		name: 'messageChannel',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any' },
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: 'any',
		displayOptions: { show: { check: ['message'], messageLookup: ['latest'] } },
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '={{ $json.message.messageId }}',
		required: true,
		displayOptions: { show: { check: ['message'], messageLookup: ['id'] } },
	},
];
