/**
 * A driver bound to an open transaction, for JourneyStore.atomically: every store operation run
 * through it joins that transaction (nested transactions flatten into it), so they all commit or
 * roll back together. Rerunning on deadlocks is left to the outer transaction.
 */
import type { Dialect, SqlDriver, SqlParam, SqlRow, SqlTransaction } from './driver';

export class TransactionDriver implements SqlDriver {
	constructor(
		readonly dialect: Dialect,
		private readonly tx: SqlTransaction,
	) {}

	query(sql: string, params?: readonly SqlParam[]): Promise<SqlRow[]> {
		return this.tx.query(sql, params);
	}

	transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
		return fn(this.tx);
	}

	async close(): Promise<void> {
		// The outer store owns the connection.
	}
}
