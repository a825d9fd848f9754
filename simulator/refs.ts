/** Who the journey is about: from the input (a generic visit or event body), else from the journey's own items. */
import type { IDataObject } from 'n8n-workflow';

import type { ContactLookup } from '../lib/store';
import type { JourneyRefs } from './bodies';
import type { JourneyHarness } from './engine';

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** The contact and visit named by one JSON object ({ contact: {…}, visit: { id } }), if it names a contact. */
export function refsOf(json: unknown): JourneyRefs | null {
	if (!isObject(json) || !isObject(json.contact)) return null;
	const { id, email, phone } = json.contact;
	const contact = Object.fromEntries(Object.entries({ id: text(id), email: text(email), phone: text(phone) }).filter(([, value]) => value));
	if (!Object.keys(contact).length) return null;
	return { contact, visitId: isObject(json.visit) ? (text(json.visit.id) ?? null) : null };
}

/** Every item any journey node put out, oldest first. */
export function journeyItems(h: JourneyHarness): IDataObject[] {
	return h.timeline.entries.flatMap((entry) => (entry.task?.data?.main ?? []).flatMap((items) => (items ?? []).map((item) => item.json)));
}

export function journeyRefs(h: JourneyHarness, input: unknown): JourneyRefs {
	const first = Array.isArray(input) ? input[0] : input;
	const found = refsOf(first) ?? journeyItems(h).map(refsOf).find(Boolean);
	return found ?? { contact: null, visitId: null };
}

export function lookupOf(contact: JourneyRefs['contact']): ContactLookup | null {
	if (!contact) return null;
	if (contact.id) return { externalId: contact.id };
	if (contact.email) return { email: contact.email.toLowerCase() };
	return contact.phone ? { phone: contact.phone } : null;
}

/** The contact time zone the input or the items name. */
export function zoneOf(values: unknown[]): string | undefined {
	for (const value of values) {
		const json = Array.isArray(value) ? value[0] : value;
		if (isObject(json) && isObject(json.contact) && text(json.contact.timeZone)) return text(json.contact.timeZone);
	}
	return undefined;
}
