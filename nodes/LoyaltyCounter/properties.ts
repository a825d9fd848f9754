import type { INodeProperties } from 'n8n-workflow';

import { contactProperties } from '../shared/contact-properties';
import { createContactProperty } from '../shared/tag-counter-contact';

export type CounterOperation = 'add' | 'set' | 'reset' | 'get';

export const MILESTONE_REACHED = 0;
export const NOT_YET = 1;

/** Two branches when a milestone is set, else one. Stringified into an expression: keep it self-contained. */
export function counterOutputs(parameters: { operation?: string; milestone?: string }) {
	if (parameters.operation !== 'reset' && parameters.milestone && parameters.milestone !== 'none') {
		return [
			{ type: 'main', displayName: 'Milestone Reached' },
			{ type: 'main', displayName: 'Not Yet' },
		];
	}
	return [{ type: 'main' }];
}

/**
 * E.g. `add 1 to "visits"`. $parameter resolves expressions, so one that needs item data (the
 * editor has none) shows as "(expression)". Stringified into an expression: keep it self-contained.
 */
export function counterSubtitle(parameters: { operation?: string; counter?: unknown; amount?: unknown; value?: unknown }) {
	const show = (read: () => unknown) => {
		try {
			return String(read());
		} catch {
			return '(expression)';
		}
	};
	// A resource locator: $parameter gives its value or, in some versions, the whole { mode, value }.
	const counter = parameters.counter as { value?: unknown } | string | undefined;
	const name = '"' + show(() => (typeof counter === 'object' ? counter?.value : counter) ?? '') + '"';
	if (parameters.operation === 'add') return 'add ' + show(() => parameters.amount ?? 1) + ' to ' + name;
	if (parameters.operation === 'set') return 'set ' + name + ' to ' + show(() => parameters.value ?? 0);
	return (parameters.operation ?? 'add') + ' ' + name;
}

const withMilestone = { operation: ['add', 'set', 'get'], milestone: ['everyNth', 'threshold'] };

export const loyaltyCounterProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Add to the counter, once per dedup key (a negative amount subtracts)',
				action: 'Add to a counter',
			},
			{ name: 'Get', value: 'get', description: 'Read the counter and check a milestone', action: 'Get a counter' },
			{ name: 'Reset', value: 'reset', description: 'Set the counter back to 0', action: 'Reset a counter' },
			{ name: 'Set', value: 'set', description: 'Set the counter to a value', action: 'Set a counter' },
		],
		default: 'add',
	},
	...contactProperties,
	{
		displayName: 'Counter',
		name: 'counter',
		type: 'resourceLocator',
		default: { mode: 'name', value: 'visits' },
		required: true,
		description: "Which of the contact's counters, e.g. visits or points. A new name starts a new counter at 0.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCounters', searchable: true },
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. visits' },
		],
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		default: 1,
		description:
			'Added to the counter; a negative amount subtracts (e.g. -500 when points are spent). Use whole numbers (e.g. cents) for exact sums.',
		displayOptions: { show: { operation: ['add'] } },
	},
	{
		displayName: 'Dedup Key',
		name: 'dedupKey',
		type: 'string',
		default: '={{ $json.visit.id }}',
		description:
			'Counted once per contact and counter: when the same key comes again (the visit event delivered twice, the execution retried) nothing is added. Clear the field to count every execution.',
		hint: 'An expression that gives no value for an item is an error for that item, so nothing is counted twice by accident',
		displayOptions: { show: { operation: ['add'] } },
	},
	{
		displayName: 'Value',
		name: 'value',
		type: 'number',
		default: 0,
		description: 'The new value of the counter',
		displayOptions: { show: { operation: ['set'] } },
	},
	createContactProperty(['add', 'set']),
	{
		displayName: 'Expire Points Older Than (Days)',
		name: 'expireAfterDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Points added more than this many days (of 24 hours) ago and not yet spent are removed from the counter before the operation, so the result and the milestone see the balance without them. Spending takes the oldest points first. 0 = points never expire.',
		hint: 'The output shows the amount removed as counter.expired',
		displayOptions: { show: { operation: ['add', 'set', 'get'] } },
	},
	{
		displayName: 'Milestone',
		name: 'milestone',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Every Nth Value',
				value: 'everyNth',
				description: 'Every 10th visit (10, 20, 30 …) or the one before it (9, 19, 29 …) to reward the next visit',
			},
			{ name: 'None', value: 'none', description: 'One output, no branching' },
			{ name: 'Threshold', value: 'threshold', description: 'A value such as 2,250 loyalty points' },
		],
		default: 'none',
		description:
			'Whether to route items to "Milestone Reached" or "Not Yet". An add or set reaches a milestone when it takes the counter up past it; Get checks the current value. A duplicate (dedup key already counted) never reaches one.',
		displayOptions: { show: { operation: ['add', 'set', 'get'] } },
	},
	{
		displayName: 'Every',
		name: 'every',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'The milestone repeats every this many, e.g. 10 for every 10th visit',
		displayOptions: { show: { ...withMilestone, milestone: ['everyNth'] } },
	},
	{
		displayName: 'Reached At',
		name: 'reachedAt',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description:
			'The first value that reaches the milestone, then every "Every" after it. Every 10, Reached At 9: the 9th, 19th, 29th … visit (send the coupon for a free 10th visit at the 9th). Every 10, Reached At 10: the 10th, 20th … visit. An add of several points reaches it when it passes one of these values.',
		displayOptions: { show: { ...withMilestone, milestone: ['everyNth'] } },
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		default: 1000,
		description: 'The value to reach, e.g. 2250 loyalty points',
		displayOptions: { show: { ...withMilestone, milestone: ['threshold'] } },
	},
	{
		displayName: 'Reached',
		name: 'thresholdMode',
		type: 'options',
		options: [
			{
				name: 'On Crossing',
				value: 'crossing',
				description: 'Once: by the add or set that takes the counter from below the threshold to at or above it',
			},
			{
				name: 'While at or Above',
				value: 'atOrAbove',
				description: 'By every add or set that leaves the counter at or above the threshold',
			},
		],
		default: 'crossing',
		description: 'When the threshold counts as reached (Get always checks whether the counter is at or above it)',
		displayOptions: { show: { operation: ['add', 'set'], milestone: ['threshold'] } },
	},
	{
		displayName: 'Reset After Reward',
		name: 'resetAfterReward',
		type: 'boolean',
		default: false,
		description:
			'Whether to set the counter back to 0 when the milestone is reached, e.g. to count towards the next free visit. Adds by other executions in the meantime are kept.',
		displayOptions: { show: { operation: ['add'], milestone: ['everyNth', 'threshold'] } },
	},
];
