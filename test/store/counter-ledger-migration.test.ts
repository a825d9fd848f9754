import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../lib/store';
import { migrate } from '../../lib/store/sql/migrate';
import { MIGRATIONS } from '../../lib/store/sql/schema';
import { SqlJourneyStore } from '../../lib/store/sql/sql-journey-store';
import { SqliteDriver } from '../../lib/store/sqlite/sqlite-driver';

describe('migration 3 (counter entries) on a store with counters', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-ledger-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('treats an existing counter as one addition dated at the migration, not at its last update', async () => {
		const path = join(dir, 'journey-store.sqlite');
		const old = await SqliteDriver.open(path);
		await migrate(old, MIGRATIONS.filter((migration) => migration.version < 3));
		const { contact } = await new SqlJourneyStore(old, 'old').upsertContact({ externalId: 'p-1' });
		await old.query(`INSERT INTO cj_counters (contact_id, name, value, previous_value, updated_at) VALUES ($1, 'points', 120, 0, '2020-01-01T00:00:00.000Z')`, [contact.id]);
		await old.close();

		const store = await openStore({ type: 'sqlite', path });
		try {
			expect(await store.expireCounter(contact.id, 'points', '2020-06-01T00:00:00Z')).toEqual({ expired: 0, value: 120 });
			await store.addToCounter(contact.id, 'points', -20);
			expect(await store.expireCounter(contact.id, 'points', '2999-01-01T00:00:00Z')).toEqual({ expired: 100, value: 0 });
		} finally {
			await store.close();
		}
	});
});
