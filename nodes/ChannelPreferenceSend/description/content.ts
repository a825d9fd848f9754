/** What the message says: a built-in template in the contact's language, or your own text. */
import type { INodeProperties } from 'n8n-workflow';

const templateOptions = [
	{ name: 'Apology (Delivery Failed)', value: 'apology' },
	{ name: 'Bonus Points Reminder', value: 'bonusPoints', description: 'Needs {points}' },
	{ name: 'Check-Up Recall', value: 'recall', description: 'Optional {lastVisit}, {link}' },
	{ name: 'Day-of-Visit Reminder', value: 'dayOfReminder' },
	{ name: 'Delivery Question (Yes/No)', value: 'deliveryQuestion' },
	{ name: 'NPS Question (0–10)', value: 'nps' },
	{ name: 'Payment Reminder', value: 'paymentReminder', description: 'Optional {amount}, {link}' },
	{ name: 'Survey Nudge', value: 'surveyNudge', description: 'Needs {link}' },
	{ name: 'Survey Request', value: 'surveyRequest', description: 'Needs {link}' },
	{ name: 'Thank You', value: 'thanks' },
	{ name: 'Visit Confirmation Request (Yes/No)', value: 'visitConfirmation' },
	{ name: 'Visit Reminder', value: 'reminder' },
];

export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'messageSource',
		type: 'options',
		options: [
			{
				name: 'Built-in Template',
				value: 'template',
				description: "Short, polite texts in English, Polish, Hebrew and Russian, picked by the contact's locale",
			},
			{ name: 'Custom Text', value: 'custom', description: 'Your own subject and text, with expressions and {placeholders}' },
		],
		default: 'template',
		description: 'Messages name the clinic and the time, never the treatment',
	},
	{
		displayName: 'Template',
		name: 'template',
		type: 'options',
		options: templateOptions,
		default: 'reminder',
		displayOptions: { show: { messageSource: ['template'] } },
		description:
			'Placeholders {name}, {clinic}, {date}, {time} come from the contact and the visit; set {link}, {amount}, {points}, {lastVisit} under Template Variables',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'Your visit on {date}',
		displayOptions: { show: { messageSource: ['custom'] } },
		description: 'Email subject; may use expressions and the placeholders {name}, {clinic}, {date}, {time} and your Template Variables',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Hi {name}! See you at {clinic} on {date} at {time}.',
		displayOptions: { show: { messageSource: ['custom'] } },
		description: 'The SMS and WhatsApp text and the plain-text part of the email; placeholders as for the subject',
	},
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		displayOptions: { show: { messageSource: ['custom'] } },
		description: 'Optional HTML body of the email; empty builds it from the text. The contact\'s language and direction (e.g. dir="rtl" for Hebrew) are set on the root.',
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Variable',
		default: {},
		description: 'Values for {placeholders}, e.g. link = the survey URL; they override the built-in ones ({name}, {clinic}, {date}, {time})',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'link', description: 'Placeholder name without braces' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'https://clinic.example/survey' },
				],
			},
		],
	},
	{
		displayName: 'WhatsApp Template',
		name: 'whatsAppTemplate',
		type: 'collection',
		placeholder: 'Add Template Setting',
		default: {},
		displayOptions: { show: { channelPolicy: ['ordered'] } },
		description:
			'An approved WhatsApp template for contacts outside the 24-hour customer-service window; without it WhatsApp is skipped for them and the next channel is used',
		options: [
			{
				displayName: 'Template Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'visit_reminder',
			},
			{
				displayName: 'Language Code',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'pl',
				description: "The approved template's language; empty uses the contact's language (en, pl, he, ru)",
			},
			{
				displayName: 'Body Parameters',
				name: 'parameters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Parameter',
				default: { parameter: [{ value: '{name}' }, { value: '{clinic}' }, { value: '{date}' }, { value: '{time}' }] },
				description: 'Values for {{1}}, {{2}} … of the template, in order; placeholders and expressions allowed',
				options: [
					{
						displayName: 'Parameter',
						name: 'parameter',
						values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
					},
				],
			},
		],
	},
];
