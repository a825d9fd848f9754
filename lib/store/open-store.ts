import { describeStoreConfig, type PostgresStoreConfig, type StoreConfig } from './config';
import { redact, unavailableError } from './errors';
import type { JourneyStore } from './journey-store';
import { PostgresDriver } from './postgres/postgres-driver';
import type { SqlDriver } from './sql/driver';
import { migrate } from './sql/migrate';
import { SqlJourneyStore } from './sql/sql-journey-store';
import { SqliteDriver } from './sqlite/sqlite-driver';

const DEFAULT_POOL_SIZE = 10;

export interface OpenStoreOptions {
	/** Called once when the store is closed (the registry uses it to forget the store). */
	onClose?: () => void;
}

function postgresDriver(config: PostgresStoreConfig): PostgresDriver {
	return new PostgresDriver({
		host: config.host,
		port: config.port,
		database: config.database,
		user: config.user,
		password: config.password,
		ssl: config.ssl === 'disable' ? false : { rejectUnauthorized: config.ssl === 'verify-full' },
		max: config.poolSize ?? DEFAULT_POOL_SIZE,
		connectionTimeoutMillis: 10_000,
		application_name: 'n8n-journey-store',
	}, config.preparedStatements ?? true);
}

/** Opens a new, uncached store and brings its schema up to date. Prefer getStore(). */
export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<JourneyStore> {
	const location = describeStoreConfig(config);
	let driver: SqlDriver | undefined;
	try {
		driver = config.type === 'sqlite' ? await SqliteDriver.open(config.path) : postgresDriver(config);
		await migrate(driver);
	} catch (error) {
		await driver?.close().catch(() => undefined);
		const reason = error instanceof Error ? error.message : String(error);
		const password = config.type === 'postgres' ? config.password : undefined;
		throw unavailableError(redact(`cannot open ${location}: ${reason}`, [password]));
	}
	return new SqlJourneyStore(driver, location, options.onClose);
}
