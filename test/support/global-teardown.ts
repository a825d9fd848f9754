import { dropRunDatabases } from './postgres';

/** Drops this run's leftover test databases and stops an embedded server if globalSetup started one. */
export default async function globalTeardown(): Promise<void> {
	const server = globalThis.__journeyTestPostgres;
	globalThis.__journeyTestPostgres = undefined;
	try {
		await dropRunDatabases();
	} finally {
		await server?.stop();
	}
}
