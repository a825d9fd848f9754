import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StoreConfig } from '../../../lib/store';
import type { StoreHarness } from '../contract';

/** Each fresh config is a new file in its own temp folder. */
export const sqliteHarness: StoreHarness = {
	freshConfig: async () => ({ type: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'cj-store-')), 'journey-store.sqlite') }),
	dispose: async (config: StoreConfig) => {
		if (config.type === 'sqlite') rmSync(dirname(config.path), { recursive: true, force: true });
	},
};
