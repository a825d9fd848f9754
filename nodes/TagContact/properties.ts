import type { INodeProperties } from 'n8n-workflow';

import { contactProperties } from '../shared/contact-properties';
import { createContactProperty } from '../shared/tag-counter-contact';

export type TagOperation = 'add' | 'remove' | 'replace' | 'hasTag';

export const HAS_TAG = 0;
export const DOES_NOT_HAVE_TAG = 1;

/** Check Tags branches; the other operations pass every item on. Stringified into an expression: keep it self-contained. */
export function tagOutputs(parameters: { operation?: string }) {
	if (parameters.operation === 'hasTag') {
		return [
			{ type: 'main', displayName: 'Has Tag' },
			{ type: 'main', displayName: 'Does Not Have Tag' },
		];
	}
	return [{ type: 'main' }];
}

/**
 * E.g. `add "no-show"`. $parameter resolves expressions, so one that needs item data (the editor
 * has none) shows as "(expression)". Stringified into an expression: keep it self-contained.
 */
export function tagSubtitle(parameters: { operation?: string; tags?: unknown }) {
	const verbs: Record<string, string> = { add: 'add', remove: 'remove', replace: 'replace with', hasTag: 'has' };
	let shown = '(expression)';
	try {
		const tags = parameters.tags;
		if (Array.isArray(tags)) shown = tags.map((tag) => '"' + String(tag).trim() + '"').join(', ');
		else if (typeof tags === 'string') shown = tags.split(',').map((tag) => '"' + tag.trim() + '"').join(', ');
	} catch {
		// an expression over item data
	}
	return (verbs[parameters.operation ?? 'add'] ?? parameters.operation) + ' ' + shown;
}

export const tagContactProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Add Tags',
				value: 'add',
				description: 'Give the contact these tags; tags it already has stay',
				action: 'Add tags to a contact',
			},
			{
				name: 'Check Tags',
				value: 'hasTag',
				description: 'Route the item to "Has Tag" or "Does Not Have Tag"',
				action: 'Check whether a contact has tags',
			},
			{
				name: 'Remove Tags',
				value: 'remove',
				description: 'Take these tags away from the contact',
				action: 'Remove tags from a contact',
			},
			{
				name: 'Replace All Tags',
				value: 'replace',
				description: 'Make these the contact\'s only tags',
				action: 'Replace all tags of a contact',
			},
		],
		default: 'add',
	},
	...contactProperties,
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTagNames' },
		default: [],
		required: true,
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'A new tag? Switch to Expression and type names separated by commas, e.g. no-show, active contact (or return an array). Case is ignored: "No-Show" is the tag "no-show" if that exists.',
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		options: [
			{ name: 'Any of the Tags', value: 'any', description: 'Has Tag when the contact has at least one of them' },
			{ name: 'All of the Tags', value: 'all', description: 'Has Tag only when the contact has every one of them' },
		],
		default: 'any',
		description: 'How several tags are checked',
		displayOptions: { show: { operation: ['hasTag'] } },
	},
	createContactProperty(['add', 'replace']),
];
