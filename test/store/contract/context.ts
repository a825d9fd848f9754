import { randomBytes } from 'node:crypto';
import type { Contact, JourneyStore, StoreConfig } from '../../../lib/store';

/** What every contract section gets: one store per test file, on a fresh location. */
export interface ContractContext {
	store: JourneyStore;
	config: StoreConfig;
}

export interface StoreHarness {
	/** A fresh, empty location (temp file, new database). */
	freshConfig(): Promise<StoreConfig>;
	dispose(config: StoreConfig): Promise<void>;
}

/** Tests share a store, so every name they create is made unique. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export async function newContact(store: JourneyStore, extra: Partial<Parameters<JourneyStore['upsertContact']>[0]> = {}): Promise<Contact> {
	const { contact } = await store.upsertContact({ externalId: unique('contact'), ...extra });
	return contact;
}

export const errorCode = (code: string) => expect.objectContaining({ code });
