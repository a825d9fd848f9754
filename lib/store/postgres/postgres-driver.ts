import { createHash } from 'node:crypto';
import { Pool, type PoolClient, type PoolConfig, type QueryConfig } from 'pg';
import { settle } from '../settle';
import type { SqlDriver, SqlParam, SqlRow, SqlTransaction } from '../sql/driver';

/** deadlock_detected, serialization_failure, lock_not_available: safe to rerun the whole transaction. */
const RETRYABLE_CODES = new Set(['40P01', '40001', '55P03']);
const MAX_TRANSACTION_ATTEMPTS = 5;
/** Namespace of our advisory locks (two-key form), so they never collide with n8n's or others'. */
const LOCK_NAMESPACE = 0x434a0001;

const sqlState = (error: unknown) => (typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined);
const isRetryable = (error: unknown) => RETRYABLE_CODES.has(String(sqlState(error)));
/** Errors the server reported leave the connection usable; others (socket, timeout) may not. */
const isServerError = (error: unknown) => /^[0-9A-Z]{5}$/.test(String(sqlState(error)));

/**
 * Statements with parameters run as named prepared statements: each connection parses and
 * plans them once (≈1.7× the throughput on 2 cores). The name is a hash of the text.
 */
const statementNames = new Map<string, string>();
function prepared(text: string, params: readonly SqlParam[], named: boolean): QueryConfig {
	if (params.length === 0) return { text };
	if (!named) return { text, values: [...params] };
	let name = statementNames.get(text);
	if (!name) {
		name = `cj_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
		if (statementNames.size < 1000) statementNames.set(text, name);
	}
	return { name, text, values: [...params] };
}

export class PostgresDriver implements SqlDriver {
	readonly dialect = 'postgres' as const;
	private readonly pool: Pool;

	/** preparedStatements=false for PgBouncer in transaction mode before 1.21, which cannot keep them. */
	constructor(
		config: PoolConfig,
		private readonly preparedStatements = true,
	) {
		this.pool = new Pool(config);
		// An idle client losing its connection must not crash n8n; the pool replaces it.
		this.pool.on('error', () => undefined);
	}

	async query(sql: string, params: readonly SqlParam[] = []): Promise<SqlRow[]> {
		const result = await this.pool.query(prepared(sql, params, this.preparedStatements));
		return result.rows as SqlRow[];
	}

	async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			const client = await this.pool.connect();
			let broken = false;
			const outcome = await settle(this.runOnce(client, fn, () => (broken = true)));
			client.release(broken);
			if (outcome.ok) return outcome.value;
			if (!isRetryable(outcome.error) || attempt >= MAX_TRANSACTION_ATTEMPTS) throw outcome.error;
		}
	}

	async close(): Promise<void> {
		if (!this.pool.ended) await this.pool.end();
	}

	private async runOnce<T>(
		client: PoolClient,
		fn: (tx: SqlTransaction) => Promise<T>,
		markBroken: () => void,
	): Promise<T> {
		const tx: SqlTransaction = {
			query: async (sql, params = []) => (await client.query(prepared(sql, params, this.preparedStatements))).rows as SqlRow[],
			lock: async (key) => {
				await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, key]);
			},
		};
		const control = (sql: string) =>
			client.query(sql).catch((error: unknown) => {
				if (!isServerError(error)) markBroken();
				return Promise.reject(error);
			});
		await control('BEGIN');
		const outcome = await settle(fn(tx));
		if (!outcome.ok) {
			// A client that cannot even roll back is discarded instead of returned to the pool.
			await client.query('ROLLBACK').catch(markBroken);
			throw outcome.error;
		}
		await control('COMMIT');
		return outcome.value;
	}
}
