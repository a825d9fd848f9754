import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { configError } from './errors';

export type SslMode = 'disable' | 'require' | 'verify-full';

export interface SqliteStoreConfig {
	type: 'sqlite';
	/** A file path, or ':memory:' (tests only: nothing is shared or kept). */
	path: string;
}

export interface PostgresStoreConfig {
	type: 'postgres';
	host: string;
	port: number;
	database: string;
	user: string;
	password?: string;
	ssl: SslMode;
	/** Connections per process; defaults to 10. */
	poolSize?: number;
	/** Named prepared statements (default true); turn off behind PgBouncer transaction pooling before 1.21. */
	preparedStatements?: boolean;
}

export type StoreConfig = SqliteStoreConfig | PostgresStoreConfig;

/** Field names follow n8n's Postgres credential, plus `type` and `sqlitePath`. */
export interface StoreCredential {
	type?: 'sqlite' | 'postgres';
	sqlitePath?: string;
	host?: string;
	port?: number | string;
	database?: string;
	user?: string;
	password?: string;
	/** n8n offers 'disable' | 'allow' | 'require'; booleans and 'verify-full' are accepted too. */
	ssl?: boolean | string;
	allowUnauthorizedCerts?: boolean;
	poolSize?: number;
	preparedStatements?: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_SQLITE_FILE = 'journey-store.sqlite';

const QUEUE_MODE_MESSAGE =
	'n8n runs in queue mode (EXECUTIONS_MODE=queue), where the main instance and each worker are separate ' +
	'processes, often on separate machines, so they cannot share a SQLite file: counters, message claims and ' +
	'dedup would silently diverge. Use the shared PostgreSQL store: set JOURNEY_STORE_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE ' +
	'in the environment of the main instance and of every worker, or select a Journey Store credential of type PostgreSQL ' +
	"(n8n's own PostgreSQL database works; the store's tables are prefixed cj_).";

/**
 * Picks the store: the credential if given, else JOURNEY_STORE_URL, else SQLite at
 * $N8N_USER_FOLDER/.n8n/journey-store.sqlite (or ~/.n8n/…). Queue mode refuses SQLite.
 */
export function resolveStoreConfig(options: { credential?: StoreCredential | null; env: Env }): StoreConfig {
	const { credential, env } = options;
	const config = credential
		? fromCredential(credential, env)
		: env.JOURNEY_STORE_URL?.trim()
			? fromUrl(env.JOURNEY_STORE_URL.trim())
			: { type: 'sqlite' as const, path: defaultSqlitePath(env) };
	if (config.type === 'sqlite' && env.EXECUTIONS_MODE?.trim().toLowerCase() === 'queue') {
		throw configError(QUEUE_MODE_MESSAGE);
	}
	return config;
}

export function defaultSqlitePath(env: Env): string {
	const userFolder = env.N8N_USER_FOLDER?.trim() || homedir();
	return join(userFolder, '.n8n', DEFAULT_SQLITE_FILE);
}

function fromCredential(credential: StoreCredential, env: Env): StoreConfig {
	const type = credential.type ?? (credential.host ? 'postgres' : 'sqlite');
	if (type === 'sqlite') {
		const path = credential.sqlitePath?.trim();
		return { type, path: path ? resolve(path) : defaultSqlitePath(env) };
	}
	if (type !== 'postgres') throw configError(`unknown store type ${JSON.stringify(type)}; use 'sqlite' or 'postgres'`);
	const ssl = sslMode(credential.ssl, 'the credential');
	return postgresConfig({
		host: credential.host,
		port: credential.port,
		database: credential.database,
		user: credential.user,
		password: credential.password,
		ssl: ssl === 'verify-full' && credential.allowUnauthorizedCerts ? 'require' : ssl,
		poolSize: credential.poolSize,
		preparedStatements: credential.preparedStatements,
	});
}

function fromUrl(raw: string): StoreConfig {
	if (/^postgres(ql)?:\/\//i.test(raw)) return fromPostgresUrl(raw);
	if (/^sqlite:/i.test(raw)) {
		const path = raw.replace(/^sqlite:(\/\/(?=\/))?/i, '');
		if (!path) throw configError('JOURNEY_STORE_URL sqlite: needs a path, e.g. sqlite:/data/journey-store.sqlite');
		return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
	}
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
		throw configError('JOURNEY_STORE_URL must start with postgres://, postgresql:// or sqlite:, or be a file path');
	}
	return { type: 'sqlite', path: resolve(raw) };
}

function fromPostgresUrl(raw: string): StoreConfig {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		// The value may hold a password, so it is never echoed.
		throw configError('JOURNEY_STORE_URL is not a valid postgres:// URL (value not shown because it may contain a password)');
	}
	const sslmode = url.searchParams.get('sslmode') ?? url.searchParams.get('ssl');
	return postgresConfig({
		host: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1'),
		port: url.port || undefined,
		database: decodeURIComponent(url.pathname.replace(/^\//, '')),
		user: decodeURIComponent(url.username),
		password: url.password ? decodeURIComponent(url.password) : undefined,
		ssl: sslMode(sslmode, 'JOURNEY_STORE_URL'),
		poolSize: url.searchParams.has('pool_size') ? Number(url.searchParams.get('pool_size')) : undefined,
		preparedStatements: url.searchParams.get('prepared_statements') === 'false' ? false : undefined,
	});
}

interface PostgresParts {
	host?: string;
	port?: number | string;
	database?: string;
	user?: string;
	password?: string;
	ssl: SslMode;
	poolSize?: number;
	preparedStatements?: boolean;
}

function postgresConfig(parts: PostgresParts): PostgresStoreConfig {
	const host = parts.host?.trim();
	const user = parts.user?.trim();
	if (!host) throw configError('the PostgreSQL store needs a host');
	if (!user) throw configError('the PostgreSQL store needs a user');
	const port = parts.port === undefined || parts.port === '' ? 5432 : Number(parts.port);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw configError('the PostgreSQL port must be 1-65535');
	const poolSize = parts.poolSize;
	if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1)) {
		throw configError('the PostgreSQL pool size must be a positive integer');
	}
	return {
		type: 'postgres',
		host,
		port,
		database: parts.database?.trim() || user,
		user,
		...(parts.password ? { password: parts.password } : {}),
		ssl: parts.ssl,
		...(poolSize !== undefined ? { poolSize } : {}),
		...(parts.preparedStatements === false ? { preparedStatements: false } : {}),
	};
}

function sslMode(value: boolean | string | null | undefined, where: string): SslMode {
	if (value === undefined || value === null || value === false || value === '') return 'disable';
	if (value === true) return 'verify-full';
	const mode = value.trim().toLowerCase();
	if (['disable', 'allow', 'prefer', 'false'].includes(mode)) return 'disable';
	if (mode === 'require' || mode === 'no-verify') return 'require';
	if (['verify', 'verify-ca', 'verify-full', 'true'].includes(mode)) return 'verify-full';
	throw configError(`${where} has an unknown SSL mode ${JSON.stringify(value)}; use disable, require or verify-full`);
}

/** A printable location, never including the password. */
export function describeStoreConfig(config: StoreConfig): string {
	if (config.type === 'sqlite') return `sqlite:${config.path}`;
	const host = config.host.includes(':') ? `[${config.host}]` : config.host;
	return `postgres://${encodeURIComponent(config.user)}@${host}:${config.port}/${encodeURIComponent(config.database)}`;
}
