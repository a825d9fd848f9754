import { openStore } from '../../../lib/store';
import { MIGRATIONS } from '../../../lib/store/sql/schema';
import type { ContractContext, StoreHarness } from './context';
import { newContact } from './context';

const latest = Math.max(...MIGRATIONS.map((m) => m.version));

export function lifecycleContract(ctx: ContractContext, harness: StoreHarness): void {
	describe('lifecycle', () => {
		it('migrates a new location to the latest version', async () => {
			expect(await ctx.store.schemaVersion()).toBe(latest);
		});

		it('reopening applies nothing again and keeps the data', async () => {
			const contact = await newContact(ctx.store);
			const again = await openStore(ctx.config);
			try {
				expect(await again.schemaVersion()).toBe(latest);
				expect(await again.findContact({ id: contact.id })).toEqual(contact);
			} finally {
				await again.close();
			}
		});

		it('two stores opening one fresh location at once both succeed', async () => {
			const config = await harness.freshConfig();
			const stores = await Promise.all([openStore(config), openStore(config), openStore(config)]);
			try {
				for (const store of stores) expect(await store.schemaVersion()).toBe(latest);
			} finally {
				await Promise.all(stores.map((store) => store.close()));
				await harness.dispose(config);
			}
		});

		it('names the backend and location, and close is idempotent', async () => {
			const config = await harness.freshConfig();
			const store = await openStore(config);
			expect(store.backend).toBe(config.type);
			expect(String(store)).toMatch(/^JourneyStore\((sqlite:|postgres:\/\/)/);
			await store.close();
			await store.close();
			await harness.dispose(config);
		});
	});
}
