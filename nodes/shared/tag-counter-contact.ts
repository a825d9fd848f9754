/**
 * Finds the contact an item is about for Tag Contact and Loyalty Counter, optionally creating it
 * from the item's normalized `contact` object (name, email, phone, timeZone, locale).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { JourneyStoreError, type Contact, type ContactInput, type ContactLookup, type JourneyStore } from '../../lib/store';
import { readContactLookup } from './contact-properties';
import { toNodeError } from './item-loop';

export interface FieldError extends Error {
	field: string;
}

/** An error that processItems reports as `Item n: <field>: <message>`. */
export function fieldError(field: string, message: string): FieldError {
	return Object.assign(new Error(message), { field });
}

const LOOKUP_FIELD: Record<string, string> = { externalId: 'Contact ID', email: 'Contact Email', phone: 'Contact Phone' };

export const createContactProperty = (operations: string[]): INodeProperties => ({
	displayName: 'Create Contact If Missing',
	name: 'createContact',
	type: 'boolean',
	default: true,
	description:
		"Whether to create the contact when the Journey Store does not know it yet, from the item's contact object (name, email, phone, time zone, locale). Off: an unknown contact is an error for that item.",
	displayOptions: { show: { operation: operations } },
});

function contactFromItem(json: IDataObject, lookup: ContactLookup): ContactInput {
	const source = json.contact && typeof json.contact === 'object' ? (json.contact as IDataObject) : {};
	const input: ContactInput = {};
	for (const key of ['name', 'email', 'phone', 'timeZone', 'locale'] as const) {
		const value = source[key];
		if (typeof value === 'string' && value.trim()) input[key] = value.trim();
	}
	return { ...input, ...lookup };
}

/** Store input errors about the lookup value (a malformed email or phone) name the lookup field. */
function blameLookup(error: unknown, field: string): unknown {
	if (error instanceof JourneyStoreError && error.code === 'INVALID_INPUT') return fieldError(field, error.message);
	return error;
}

export async function resolveContact(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	itemIndex: number,
	json: IDataObject,
	/** undefined: the node offers no "Create Contact If Missing" option for this operation. */
	create: boolean | undefined,
): Promise<Contact> {
	const lookup = readContactLookup(ctx, itemIndex);
	const [key, value] = Object.entries(lookup)[0] as [string, string];
	const field = LOOKUP_FIELD[key];
	const found = await store.findContact(lookup).catch((error: unknown) => {
		throw toNodeError(ctx, blameLookup(error, field), itemIndex);
	});
	if (found) return found;
	if (!create) {
		const hint = create === false ? 'turn on "Create Contact If Missing" to create it, or check the lookup' : 'check the lookup';
		throw fieldError(field, `contact ${JSON.stringify(value)} was not found in the Journey Store (${hint})`);
	}
	const { contact } = await store.upsertContact(contactFromItem(json, lookup)).catch((error: unknown) => {
		if (error instanceof JourneyStoreError && error.code === 'INVALID_INPUT') {
			throw fieldError('contact', `cannot create the contact from the item: ${error.message}`);
		}
		throw toNodeError(ctx, error, itemIndex);
	});
	return contact;
}

export interface ContactRequest {
	itemIndex: number;
	lookup: ContactLookup;
	json: IDataObject;
	create: boolean | undefined;
}

/**
 * resolveContact for consecutive items: the known contacts in one query, the others (to create,
 * or failing) one by one in item order. Stops at the first item that fails and returns its error,
 * so no contact is created for the items after it.
 */
export async function resolveContacts(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	requests: readonly ContactRequest[],
): Promise<{ contacts: Contact[]; failure?: unknown }> {
	// A malformed email or phone fails the whole query; then each item's own lookup names its error.
	const found = await store.findContacts(requests.map((request) => request.lookup)).catch(() => requests.map(() => null));
	const contacts: Contact[] = [];
	for (const [index, request] of requests.entries()) {
		const known = found[index];
		if (known) {
			contacts.push(known);
			continue;
		}
		try {
			contacts.push(await resolveContact(ctx, store, request.itemIndex, request.json, request.create));
		} catch (failure) {
			return { contacts, failure };
		}
	}
	return { contacts };
}
