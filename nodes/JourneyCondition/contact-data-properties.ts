/** Parameters of the checks on what the Journey Store knows of the contact: tag, counter, custom field, date. */
import type { INodeProperties } from 'n8n-workflow';

import { timeZoneProperty } from '../shared/schedule-properties';

export const contactDataProperties: INodeProperties[] = [
	{
		displayName: 'Tag Name or ID',
		name: 'tagName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTagNames' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { check: ['tag'] } },
	},
	{
		displayName: 'Counter Name or ID',
		name: 'counterName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCounterNames' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { check: ['counter'] } },
	},
	{
		displayName: 'Field Name',
		name: 'customFieldName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'visitCount',
		description: "Name of the field in the contact's custom fields",
		displayOptions: { show: { check: ['customField'] } },
	},
	{
		displayName: 'Operator',
		name: 'operator',
		type: 'options',
		options: [
			{ name: 'Equal To', value: 'equal', description: '=' },
			{ name: 'Greater Than', value: 'gt', description: '>' },
			{ name: 'Greater Than or Equal To', value: 'gte', description: '≥' },
			{ name: 'Less Than', value: 'lt', description: '<' },
			{ name: 'Less Than or Equal To', value: 'lte', description: '≤' },
			{ name: 'Not Equal To', value: 'notEqual', description: '≠' },
		],
		default: 'equal',
		displayOptions: { show: { check: ['counter', 'customField'] } },
	},
	{
		displayName: 'Value',
		name: 'counterValue',
		type: 'number',
		default: 0,
		displayOptions: { show: { check: ['counter'] } },
	},
	{
		displayName: 'Value',
		name: 'fieldValue',
		type: 'string',
		default: '',
		description: 'Numbers compare as numbers, anything else as text (ISO dates compare correctly as text)',
		displayOptions: { show: { check: ['customField'] } },
	},
	{
		displayName: 'Condition',
		name: 'dateCondition',
		type: 'options',
		options: [
			{ name: 'Anniversary Is Today', value: 'anniversaryToday', description: 'Same day and month as today, any year (a birthday)' },
			{ name: 'Is N Days Away', value: 'daysBefore', description: 'Today is N days before the date (e.g. a subscription ends in 7 days)' },
			{ name: 'Was N Days Ago', value: 'daysAfter', description: 'Today is N days after the date' },
		],
		default: 'anniversaryToday',
		description: '"Today" is the calendar day in the contact\'s time zone; Feb 29 anniversaries fall on Feb 28 in other years',
		displayOptions: { show: { check: ['date'] } },
	},
	{
		displayName: 'Days',
		name: 'days',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		displayOptions: { show: { check: ['date'], dateCondition: ['daysBefore', 'daysAfter'] } },
	},
	{
		displayName: 'Date From',
		name: 'dateSource',
		type: 'options',
		options: [
			{ name: 'Contact Custom Field', value: 'customField' },
			{ name: 'A Value of the Item', value: 'value' },
		],
		default: 'customField',
		displayOptions: { show: { check: ['date'] } },
	},
	{
		displayName: 'Field Name',
		name: 'dateFieldName',
		type: 'string',
		default: 'birthday',
		description: "Name of the date field in the contact's custom fields (YYYY-MM-DD or ISO 8601)",
		displayOptions: { show: { check: ['date'], dateSource: ['customField'] } },
	},
	{
		displayName: 'Date',
		name: 'dateValue',
		type: 'string',
		default: '',
		placeholder: '={{ $json.subscription.endsAt }}',
		description: 'YYYY-MM-DD or ISO 8601 date-time',
		displayOptions: { show: { check: ['date'], dateSource: ['value'] } },
	},
	{ ...timeZoneProperty, displayOptions: { show: { check: ['date'] } } },
];
