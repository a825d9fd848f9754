import { getTestPostgres, publishTestPostgres, type TestPostgres } from './postgres';

declare global {
	var __journeyTestPostgres: TestPostgres | undefined;
}

/**
 * Finds (or starts) PostgreSQL once per run for the Journey Store tests. A failure does not
 * abort other suites: the Postgres store tests fail with the reason instead (never skip).
 */
export default async function globalSetup(): Promise<void> {
	try {
		const server = await getTestPostgres();
		globalThis.__journeyTestPostgres = server;
		publishTestPostgres({ url: server.url });
	} catch (error) {
		publishTestPostgres({ error: error instanceof Error ? error.message : String(error) });
	}
}
