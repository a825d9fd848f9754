import type { StoreConfig } from '../../../lib/store';
import { createTestDatabase, dropTestDatabase } from '../../support/postgres';
import type { StoreHarness } from '../contract';

/** Each fresh config is a new database on the server globalSetup found. */
export const postgresHarness: StoreHarness = {
	freshConfig: () => createTestDatabase(),
	dispose: async (config: StoreConfig) => {
		if (config.type === 'postgres') await dropTestDatabase(config);
	},
};
