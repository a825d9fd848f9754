import { createHash } from 'node:crypto';
import type { StoreConfig } from './config';
import type { JourneyStore } from './journey-store';
import { openStore } from './open-store';

/** Open stores of this process, one per distinct config: a cache of connections, not state. */
const stores = new Map<string, Promise<JourneyStore>>();

/** Hashed so the cache never holds a password in its keys. */
const keyOf = (config: StoreConfig) =>
	createHash('sha256')
		.update(JSON.stringify(Object.entries(config).sort(([a], [b]) => (a < b ? -1 : 1))))
		.digest('hex');

/** The shared open store for this config; opened and migrated on first use. Don't close it: use closeAllStores(). */
export function getStore(config: StoreConfig): Promise<JourneyStore> {
	const key = keyOf(config);
	let store = stores.get(key);
	if (!store) {
		const opening: Promise<JourneyStore> = openStore(config, {
			onClose: () => {
				if (stores.get(key) === opening) stores.delete(key);
			},
		});
		opening.catch(() => stores.get(key) === opening && stores.delete(key));
		stores.set(key, opening);
		store = opening;
	}
	return store;
}

export async function closeAllStores(): Promise<void> {
	const open = [...stores.values()];
	stores.clear();
	await Promise.allSettled(open.map(async (store) => (await store).close()));
}
