import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, resolveStoreConfig } from '../../lib/store';
import { describeStoreContract } from './contract';
import { sqliteHarness } from './support/sqlite-harness';

describeStoreContract('SQLite', sqliteHarness);

describe('SQLite file', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-sqlite-file-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('is created at the default place, in WAL mode, readable by its owner only', async () => {
		const config = resolveStoreConfig({ env: { N8N_USER_FOLDER: dir } });
		const store = await openStore(config);
		try {
			await store.upsertContact({ externalId: 'x' });
			const path = join(dir, '.n8n', 'journey-store.sqlite');
			expect(config).toEqual({ type: 'sqlite', path });
			expect(statSync(path).mode & 0o777).toBe(0o600);
			expect(statSync(`${path}-wal`).isFile()).toBe(true);
		} finally {
			await store.close();
		}
	});
});
