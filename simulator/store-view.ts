/** What the simulation reads back from its Journey Store: the message an event is about, the contacts at the end. */
import type { Channel, JourneyStore } from '../lib/store';
import type { JourneyHarness } from './engine';
import type { JourneyRefs } from './bodies';
import { journeyItems, lookupOf, refsOf } from './refs';

export interface SimulatedContact {
	id: string | null;
	name: string | null;
	email: string | null;
	phone: string | null;
	tags: string[];
	/** Counters that are not 0. */
	counters: Record<string, number>;
}

/** The latest message sent to the journey's contact (on `channel`), for opens, clicks and delivery reports. */
export async function findMessage(store: JourneyStore, refs: JourneyRefs, channel: string | undefined): Promise<string | null> {
	const lookup = lookupOf(refs.contact);
	const contact = lookup && (await store.findContact(lookup));
	if (!contact) return null;
	const message = await store.findLatestMessage({ contactId: contact.id, channel: channel as Channel | undefined, statuses: ['sent'] });
	return message?.id ?? null;
}

/** The contacts the input and the journeys' items name, with their tags and non-zero counters. */
export async function contactsAtEnd(h: JourneyHarness, store: JourneyStore, input: unknown): Promise<SimulatedContact[]> {
	const seen = new Set<string>();
	const contacts: SimulatedContact[] = [];
	const counterNames = await store.listCounterNames();
	for (const refs of [refsOf(Array.isArray(input) ? input[0] : input), ...journeyItems(h).map(refsOf)]) {
		const lookup = lookupOf(refs?.contact ?? null);
		const contact = lookup && (await store.findContact(lookup));
		if (!contact || seen.has(contact.id)) continue;
		seen.add(contact.id);
		const counters: Record<string, number> = {};
		for (const name of counterNames) {
			const value = await store.getCounter(contact.id, name);
			if (value !== 0) counters[name] = value;
		}
		contacts.push({ id: contact.externalId, name: contact.name, email: contact.email, phone: contact.phone, tags: await store.getTags(contact.id), counters });
	}
	return contacts;
}
