/** How a node finds the contact of an item: written once, used by every node that needs it. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContactLookup } from '../../lib/store';

export const contactProperties: INodeProperties[] = [
	{
		displayName: 'Find Contact By',
		name: 'contactLookup',
		type: 'options',
		options: [
			{ name: 'Contact ID', value: 'externalId', description: "The booking system's ID for the contact" },
			{ name: 'Email', value: 'email' },
			{ name: 'Phone', value: 'phone' },
		],
		default: 'externalId',
		description: 'Which field identifies the contact in the Journey Store',
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '={{ $json.contact.id }}',
		required: true,
		description: "The contact's ID as the Visit Trigger outputs it (the booking system's ID)",
		displayOptions: { show: { contactLookup: ['externalId'] } },
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '={{ $json.contact.email }}',
		required: true,
		displayOptions: { show: { contactLookup: ['email'] } },
	},
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		default: '={{ $json.contact.phone }}',
		required: true,
		description: 'Phone number in international format, e.g. +48601234567',
		displayOptions: { show: { contactLookup: ['phone'] } },
	},
];

/** Reads the lookup of one item; the field named in errors is the parameter's display name. */
export function readContactLookup(ctx: IExecuteFunctions, itemIndex: number): ContactLookup {
	const by = ctx.getNodeParameter('contactLookup', itemIndex) as 'externalId' | 'email' | 'phone';
	const parameter = { externalId: 'contactId', email: 'contactEmail', phone: 'contactPhone' }[by];
	const value = String(ctx.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (!value) {
		const error = new Error(`is empty; the item has no contact ${by === 'externalId' ? 'ID' : by}`) as Error & { field: string };
		error.field = { externalId: 'Contact ID', email: 'Contact Email', phone: 'Contact Phone' }[by];
		throw error;
	}
	return { [by]: value };
}
