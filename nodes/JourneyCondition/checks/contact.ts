import type { Contact, JourneyStore } from '../../../lib/store';
import type { ItemParameters } from '../params';

/** The item's contact in the Journey Store, or null with a reason to report. */
export async function findContact(parameters: ItemParameters, store: JourneyStore): Promise<{ contact: Contact | null; missing: string }> {
	const lookup = parameters.contactLookup();
	const contact = await store.findContact(lookup);
	const [by, value] = Object.entries(lookup)[0];
	return { contact, missing: `no contact with ${by === 'externalId' ? 'ID' : by} ${value} in the Journey Store` };
}
