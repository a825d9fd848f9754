export type { JourneyStore, StoreBackend } from './journey-store';
export * from './types';
export {
	resolveStoreConfig,
	describeStoreConfig,
	defaultSqlitePath,
	DEFAULT_SQLITE_FILE,
	type Env,
	type PostgresStoreConfig,
	type SqliteStoreConfig,
	type SslMode,
	type StoreConfig,
	type StoreCredential,
} from './config';
export { JourneyStoreError, type JourneyStoreErrorCode } from './errors';
export { openStore } from './open-store';
export { getStore, closeAllStores } from './registry';
export { COUNTER_BATCH_LIMIT } from './sql/counter-batch';
