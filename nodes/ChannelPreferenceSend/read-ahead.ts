/**
 * Reads ahead for the items of a run. When the first item of a chunk starts, the contacts, visits
 * and consents of the whole chunk are asked for in the same turn, so the store's read batching
 * (lib/store/sql/read-batch.ts) answers each kind for the chunk in one query; reading them item by
 * item costs a round trip each, because items reach each read one at a time.
 *
 * An item reads through `storeFor(index)`: what the read-ahead holds for exactly its arguments,
 * everything else (and every write) from the store. So the values an item sees were read when its
 * chunk started: at most one chunk (CHUNK items, a fraction of a second) earlier than it would have
 * read them itself.
 */
import type { Channel } from '../../lib/channel';
import type { Contact, ContactLookup, ConsentState, JourneyStore, Purpose, Visit } from '../../lib/store';

export const CHUNK = 128;

/** What an item will read: its contact lookup, its visit, and the consents it checks. */
export interface ItemReads {
	lookup: ContactLookup;
	visitId: string | null;
	consents: Array<[Channel, Purpose]>;
}

const contactKey = (lookup: ContactLookup) => `contact:${JSON.stringify(lookup)}`;
const visitKey = (externalId: string) => `visit:${externalId}`;
const consentKey = (contactId: string, channel: Channel, purpose: Purpose) => `consent:${contactId}:${channel}:${purpose}`;

export class ReadAhead {
	private chunk = -1;
	private held = new Map<string, Promise<unknown>>();

	/** `readsOf` may throw for a bad item: that item simply reads for itself (and reports its error). */
	constructor(
		private readonly store: JourneyStore,
		private readonly count: number,
		private readonly readsOf: (index: number) => ItemReads,
	) {}

	storeFor(index: number): JourneyStore {
		const chunk = Math.floor(index / CHUNK);
		if (chunk !== this.chunk) this.load(chunk);
		const { store, held } = this;
		const view: Partial<JourneyStore> = {
			findContact: (lookup) => (held.get(contactKey(lookup)) as Promise<Contact | null> | undefined) ?? store.findContact(lookup),
			getVisit: (ref) =>
				('externalId' in ref && typeof ref.externalId === 'string' ? (held.get(visitKey(ref.externalId)) as Promise<Visit | null> | undefined) : undefined) ?? store.getVisit(ref),
			getConsent: (contactId, channel, purpose) =>
				(held.get(consentKey(contactId, channel, purpose)) as Promise<ConsentState> | undefined) ?? store.getConsent(contactId, channel, purpose),
		};
		return Object.assign(Object.create(store) as JourneyStore, view);
	}

	private load(chunk: number): void {
		this.chunk = chunk;
		const held = (this.held = new Map());
		const hold = <T>(key: string, read: () => Promise<T>): Promise<T> => {
			const existing = held.get(key) as Promise<T> | undefined;
			if (existing) return existing;
			const promise = read();
			// An item that never asks must not leave an unhandled rejection behind; one that asks gets it.
			promise.catch(() => undefined);
			held.set(key, promise);
			return promise;
		};
		for (let index = chunk * CHUNK; index < Math.min(this.count, (chunk + 1) * CHUNK); index++) {
			let reads: ItemReads;
			try {
				reads = this.readsOf(index);
			} catch {
				continue;
			}
			const { visitId } = reads;
			if (visitId) hold(visitKey(visitId), () => this.store.getVisit({ externalId: visitId }));
			void hold(contactKey(reads.lookup), () => this.store.findContact(reads.lookup)).then(
				(contact) => {
					if (!contact) return;
					for (const [channel, purpose] of reads.consents) hold(consentKey(contact.id, channel, purpose), () => this.store.getConsent(contact.id, channel, purpose));
				},
				() => undefined,
			);
		}
	}
}
