import type { SqlDriver } from './driver';
import { MIGRATIONS, type Migration } from './schema';
import { num } from './rows';

const MIGRATIONS_TABLE = 'cj_schema_migrations';

/**
 * Applies missing migrations in one transaction. Two processes starting at once are
 * serialised by an advisory lock (Postgres) or BEGIN IMMEDIATE (SQLite); the second sees
 * the versions the first recorded and applies nothing.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
	return driver.transaction(async (tx) => {
		await tx.lock('cj:migrations');
		await tx.query(
			`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		);
		const rows = await tx.query(`SELECT version FROM ${MIGRATIONS_TABLE}`);
		const applied = new Set(rows.map((row) => num(row.version)));
		for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
			if (applied.has(migration.version)) continue;
			for (const statement of migration.statements(driver.dialect)) await tx.query(statement);
			await tx.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, $3)`, [
				migration.version,
				migration.name,
				new Date().toISOString(),
			]);
		}
		return readSchemaVersion(tx);
	});
}

export async function readSchemaVersion(db: { query: SqlDriver['query'] }): Promise<number> {
	const [row] = await db.query(`SELECT MAX(version) AS version FROM ${MIGRATIONS_TABLE}`);
	return num(row?.version ?? 0);
}
