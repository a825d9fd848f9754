import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeStoreConfig, resolveStoreConfig, type StoreConfig } from '../../lib/store';

const pgUrl = 'postgres://app:S3cr%3At-pw@db.internal:6543/journeys';

describe('resolveStoreConfig', () => {
	it('defaults to SQLite in $N8N_USER_FOLDER/.n8n, else ~/.n8n', () => {
		expect(resolveStoreConfig({ env: { N8N_USER_FOLDER: '/srv/n8n' } })).toEqual({
			type: 'sqlite', path: '/srv/n8n/.n8n/journey-store.sqlite',
		});
		expect(resolveStoreConfig({ env: {} })).toEqual({ type: 'sqlite', path: join(homedir(), '.n8n', 'journey-store.sqlite') });
	});

	it('takes process.env as it is', () => {
		const env: NodeJS.ProcessEnv = { ...process.env, EXECUTIONS_MODE: 'regular', JOURNEY_STORE_URL: 'sqlite:/x.sqlite' };
		expect(resolveStoreConfig({ env })).toEqual({ type: 'sqlite', path: '/x.sqlite' });
	});

	it('reads JOURNEY_STORE_URL: postgres URLs', () => {
		expect(resolveStoreConfig({ env: { JOURNEY_STORE_URL: `${pgUrl}?sslmode=require` } })).toEqual({
			type: 'postgres', host: 'db.internal', port: 6543, database: 'journeys', user: 'app', password: 'S3cr:t-pw', ssl: 'require',
		});
		expect(resolveStoreConfig({ env: { JOURNEY_STORE_URL: 'postgresql://bob@localhost' } })).toEqual({
			type: 'postgres', host: 'localhost', port: 5432, database: 'bob', user: 'bob', ssl: 'disable',
		});
		expect(resolveStoreConfig({ env: { JOURNEY_STORE_URL: 'postgres://u@h/d?ssl=true&pool_size=20&prepared_statements=false' } })).toMatchObject({
			ssl: 'verify-full', poolSize: 20, preparedStatements: false,
		});
	});

	it('reads JOURNEY_STORE_URL: sqlite: URLs and plain paths', () => {
		const sqlite = (url: string) => resolveStoreConfig({ env: { JOURNEY_STORE_URL: url } });
		expect(sqlite('sqlite:/data/j.sqlite')).toEqual({ type: 'sqlite', path: '/data/j.sqlite' });
		expect(sqlite('sqlite:///data/j.sqlite')).toEqual({ type: 'sqlite', path: '/data/j.sqlite' });
		expect(sqlite('/data/plain.sqlite')).toEqual({ type: 'sqlite', path: '/data/plain.sqlite' });
		expect(sqlite('rel/j.sqlite')).toEqual({ type: 'sqlite', path: resolve('rel/j.sqlite') });
		expect(() => sqlite('mysql://x@y/z')).toThrow(/postgres:\/\//);
	});

	it('prefers a credential with n8n Postgres field names over the environment', () => {
		const credential = { type: 'postgres' as const, host: 'pg', port: '5433', database: 'n8n', user: 'n8n', password: 'pw', ssl: 'allow' };
		expect(resolveStoreConfig({ credential, env: { JOURNEY_STORE_URL: pgUrl } })).toEqual({
			type: 'postgres', host: 'pg', port: 5433, database: 'n8n', user: 'n8n', password: 'pw', ssl: 'disable',
		});
		expect(resolveStoreConfig({ credential: { ...credential, ssl: 'verify-full', allowUnauthorizedCerts: true }, env: {} })).toMatchObject({ ssl: 'require' });
		expect(resolveStoreConfig({ credential: { host: 'pg', user: 'u' }, env: {} })).toMatchObject({ type: 'postgres', database: 'u' });
		expect(resolveStoreConfig({ credential: { type: 'sqlite', sqlitePath: '/x/y.sqlite' }, env: { JOURNEY_STORE_URL: pgUrl } })).toEqual({
			type: 'sqlite', path: '/x/y.sqlite',
		});
		expect(resolveStoreConfig({ credential: { type: 'sqlite' }, env: { N8N_USER_FOLDER: '/u' } })).toEqual({
			type: 'sqlite', path: '/u/.n8n/journey-store.sqlite',
		});
	});

	it('rejects incomplete Postgres settings', () => {
		expect(() => resolveStoreConfig({ credential: { type: 'postgres', user: 'u' }, env: {} })).toThrow(/host/);
		expect(() => resolveStoreConfig({ credential: { type: 'postgres', host: 'h', user: 'u', port: 99999 }, env: {} })).toThrow(/port/);
		expect(() => resolveStoreConfig({ credential: { type: 'postgres', host: 'h', user: 'u', ssl: 'sometimes' }, env: {} })).toThrow(/SSL/);
	});

	describe('queue mode', () => {
		const queue = { EXECUTIONS_MODE: 'queue' };

		it.each([
			['the default', {}],
			['a sqlite: URL', { JOURNEY_STORE_URL: 'sqlite:/data/j.sqlite' }],
		])('refuses SQLite from %s and explains how to configure PostgreSQL', (_name, env) => {
			expect(() => resolveStoreConfig({ env: { ...queue, ...env } })).toThrow(
				expect.objectContaining({
					code: 'CONFIG',
					message: expect.stringMatching(/queue mode[\s\S]*JOURNEY_STORE_URL=postgres:\/\/[\s\S]*every worker/),
				}),
			);
		});

		it('refuses a SQLite credential and accepts PostgreSQL', () => {
			expect(() => resolveStoreConfig({ credential: { type: 'sqlite' }, env: queue })).toThrow(/queue mode/);
			expect(resolveStoreConfig({ env: { ...queue, JOURNEY_STORE_URL: pgUrl } }).type).toBe('postgres');
		});
	});

	describe('secrets', () => {
		it('never shows a password when the URL is invalid', () => {
			const bad = 'postgres://app:Hunter2Secret@[bad-host:5432/db';
			expect(() => resolveStoreConfig({ env: { JOURNEY_STORE_URL: bad } })).toThrow(/not a valid/);
			try {
				resolveStoreConfig({ env: { JOURNEY_STORE_URL: bad } });
			} catch (error) {
				expect(String(error)).not.toContain('Hunter2Secret');
			}
		});

		it('describes a store without its password', () => {
			const config = resolveStoreConfig({ env: { JOURNEY_STORE_URL: pgUrl } });
			expect(describeStoreConfig(config)).toBe('postgres://app@db.internal:6543/journeys');
			const sqlite: StoreConfig = { type: 'sqlite', path: '/a/b.sqlite' };
			expect(describeStoreConfig(sqlite)).toBe('sqlite:/a/b.sqlite');
		});
	});
});
