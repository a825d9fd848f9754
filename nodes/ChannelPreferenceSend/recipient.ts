/**
 * Who receives the message: the contact in the Journey Store (created from the item when missing),
 * with the item's contact fields first (they are what the user sees in the input), then the store's.
 */
import type { IDataObject } from 'n8n-workflow';

import { normalizeEmail, normalizePhone } from '../../lib/channel';
import type { Contact, ContactLookup, JourneyStore } from '../../lib/store';
import { resolveLocale, type ResolvedLocale } from '../../lib/templates';

export interface Recipient {
	contact: Contact;
	phone: string | null;
	email: string | null;
	/** First name for the greeting. */
	firstName: string | undefined;
	zone: string | null;
	locale: ResolvedLocale;
}

export interface ItemVisit {
	id: string;
	version: number | null;
	start: string | null;
	end: string | null;
	location: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function itemContact(json: IDataObject): IDataObject {
	const contact = json.contact;
	return contact && typeof contact === 'object' && !Array.isArray(contact) ? (contact as IDataObject) : {};
}

/** The visit of a normalized journey item ({ visit: { id, version, start, … } }), if any. */
export function itemVisit(json: IDataObject): ItemVisit | null {
	const visit = json.visit;
	if (!visit || typeof visit !== 'object' || Array.isArray(visit)) return null;
	const v = visit as IDataObject;
	const id = text(v.id) ?? (typeof v.id === 'number' ? String(v.id) : null);
	if (!id) return null;
	const version = Number(v.version);
	return { id, version: Number.isInteger(version) ? version : null, start: text(v.start), end: text(v.end), location: text(v.location) };
}

export async function resolveRecipient(
	store: JourneyStore,
	lookup: ContactLookup,
	json: IDataObject,
	defaultRegion: string | undefined,
	defaultLocale: string,
): Promise<Recipient> {
	const fromItem = itemContact(json);
	let contact = await store.findContact(lookup);
	if (!contact) contact = (await store.upsertContact(newContact(lookup, fromItem, defaultRegion))).contact;
	const name = text(fromItem.name) ?? contact.name;
	return {
		contact,
		phone: text(fromItem.phone) ?? contact.phone,
		email: text(fromItem.email) ?? contact.email,
		firstName: name?.split(/\s+/)[0],
		zone: text(fromItem.timeZone) ?? contact.timeZone,
		locale: resolveLocale(text(fromItem.locale) ?? contact.locale, defaultLocale),
	};
}

function newContact(lookup: ContactLookup, fromItem: IDataObject, defaultRegion: string | undefined) {
	const phone = normalizePhone(lookup.phone ?? text(fromItem.phone), defaultRegion);
	const email = normalizeEmail(lookup.email ?? text(fromItem.email));
	return {
		externalId: lookup.externalId ?? text(fromItem.id),
		name: text(fromItem.name),
		email: 'email' in email ? email.email : null,
		phone: 'e164' in phone ? phone.e164 : null,
		timeZone: text(fromItem.timeZone),
		locale: text(fromItem.locale),
	};
}
