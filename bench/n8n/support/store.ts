/** The target's Journey Store, opened from this process through lib/store (as n8n's nodes open it). */
import { closeAllStores, getStore, resolveStoreConfig, type JourneyStore } from '../../../lib/store';

export async function openTargetStore(databaseUrl: string): Promise<JourneyStore> {
	const config = resolveStoreConfig({ env: { JOURNEY_STORE_URL: databaseUrl } });
	return await getStore(config.type === 'postgres' ? { ...config, poolSize: 20 } : config);
}

export const closeStores = closeAllStores;

/** Runs `task(i)` for i in [from, to) with `concurrency` in flight, then logs the count and time. */
export async function forEachIndex(from: number, to: number, concurrency: number, label: string, task: (i: number) => Promise<unknown>): Promise<void> {
	let next = from;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			for (let i = next++; i < to; i = next++) {
				await task(i);
			}
		}),
	);
	console.log(`  ${label}: ${to - from} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
