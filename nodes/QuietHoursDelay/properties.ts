import type { INodeProperties } from 'n8n-workflow';

import { sendRulesProperties } from '../shared/schedule-properties';

export const DUE = 0;
export const SKIPPED = 1;

/**
 * '2 days before · 08:00': lib/time's describeSchedule, restated self-contained because it is
 * stringified into the subtitle expression (a test keeps the two identical).
 */
export function delaySubtitle(parameters: { anchor?: string; direction?: string; amount?: unknown; unit?: string; timeOfDay?: unknown }) {
	const amount = Number(parameters.amount);
	const unit = parameters.unit ?? 'days';
	let phrase = '';
	if (amount) {
		const noun = amount === 1 ? unit.slice(0, -1) : unit;
		const direction = parameters.anchor === 'now' ? 'after' : (parameters.direction ?? 'before');
		phrase = amount + ' ' + noun + (unit === 'months' ? ' (' + amount * 30 + ' days)' : '') + ' ' + direction;
	}
	const time = typeof parameters.timeOfDay === 'string' ? parameters.timeOfDay.trim() : '';
	if (phrase && time) return phrase + ' · ' + time;
	if (phrase) return phrase;
	if (time) return 'same day · ' + time;
	return parameters.anchor === 'now' ? 'now, inside the window' : 'at the event time';
}

export const quietHoursDelayProperties: INodeProperties[] = [
	{
		displayName:
			'Pauses one appointment per execution. Several items with different send times? Put an Execute Workflow node (mode "Run once for each item") before this one so each appointment waits in its own execution.',
		name: 'fanOutNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Count From',
		name: 'anchor',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'A Date of the Item', value: 'field', description: 'E.g. the visit start.' },
			{ name: 'Now', value: 'now', description: 'When the item reaches this node' },
		],
		default: 'field',
	},
	{
		displayName: 'Date',
		name: 'anchorDate',
		type: 'string',
		default: '={{ $json.visit.start }}',
		required: true,
		placeholder: '2027-04-15T10:00:00+02:00',
		description: "ISO 8601 date-time to count from; without an offset it is read in the contact's time zone",
		displayOptions: { show: { anchor: ['field'] } },
	},
	{
		displayName: 'Date Name',
		name: 'anchorLabel',
		type: 'string',
		default: 'the visit',
		description: 'How the explanation names the date, e.g. "2 days before the visit"',
		displayOptions: { show: { anchor: ['field'] } },
	},
	{
		displayName: 'Before or After',
		name: 'direction',
		type: 'options',
		options: [
			{ name: 'Before', value: 'before' },
			{ name: 'After', value: 'after' },
		],
		default: 'before',
		displayOptions: { show: { anchor: ['field'] } },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 1,
		description: 'How far from the date; 0 = on the date itself',
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'options',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days', description: "Calendar days in the contact's zone (DST-safe)" },
			{ name: 'Months (30 Days)', value: 'months', description: 'A month is exactly 30 days (3 months = 90 days)' },
		],
		default: 'days',
	},
	{
		displayName: 'At Time of Day',
		name: 'timeOfDay',
		type: 'string',
		default: '',
		placeholder: '08:00',
		description: 'Optional local time (HH:mm) on the resulting day, e.g. 08:00 so a reminder never arrives at night. Empty keeps the time the offset gives.',
	},
	...sendRulesProperties(),
	{
		displayName: 'If the Time Has Passed',
		name: 'pastDue',
		type: 'options',
		options: [
			{
				name: 'Continue Now if Inside the Window',
				value: 'sendNowIfInWindow',
				description: 'E.g. a visit booked for tomorrow still gets its "2 days before" reminder, now or at the next opening.',
			},
			{
				name: 'Wait for the Next Window Opening',
				value: 'nextWindow',
				description: 'Continue at the next window start (e.g. tomorrow 08:00)',
			},
			{
				name: 'Skip',
				value: 'skip',
				description: 'Send the item to the Skipped output',
			},
		],
		default: 'sendNowIfInWindow',
		description: 'What to do when the computed time is already in the past (e.g. the visit was booked less than 2 days ahead)',
	},
];
