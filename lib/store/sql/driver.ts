/** The small SQL surface the store needs; each backend adapts its client to it. */

export type Dialect = 'sqlite' | 'postgres';
export type SqlParam = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
	/** Runs one statement with $1…$n placeholders and returns its rows (RETURNING rows for writes). */
	query(sql: string, params?: readonly SqlParam[]): Promise<SqlRow[]>;
}

export interface SqlTransaction extends SqlExecutor {
	/** Serialises transactions that take the same key until commit (SQLite: BEGIN IMMEDIATE already does). */
	lock(key: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
	readonly dialect: Dialect;
	/** Runs fn in one transaction; retried as a whole on lock timeouts, deadlocks and serialisation failures. */
	transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

/** Builds numbered placeholders while collecting their values. */
export class Params {
	readonly values: SqlParam[] = [];

	add(value: SqlParam): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}

	list(values: readonly SqlParam[]): string {
		return values.map((value) => this.add(value)).join(', ');
	}
}

/** Row lock for a SELECT inside a transaction; SQLite's BEGIN IMMEDIATE already holds the write lock. */
export const forUpdate = (dialect: Dialect) => (dialect === 'postgres' ? ' FOR UPDATE' : '');
