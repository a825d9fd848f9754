import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { unavailableError } from '../errors';
import { settle } from '../settle';
import type { SqlDriver, SqlParam, SqlRow, SqlTransaction } from '../sql/driver';

/**
 * node:sqlite is synchronous: SQLite's own busy wait blocks the whole event loop (and
 * deadlocks against a second connection in the same process). So SQLite waits only briefly
 * and longer waits happen as async retries, up to the deadline.
 */
const BUSY_TIMEOUT_MS = 20;
const BUSY_DEADLINE_MS = 30_000;
const STATEMENT_CACHE_SIZE = 200;

/** SQLITE_BUSY and its extended codes (BUSY_RECOVERY, BUSY_SNAPSHOT, BUSY_TIMEOUT). */
export const isBusy = (error: unknown) =>
	typeof error === 'object' && error !== null && ((error as { errcode?: number }).errcode ?? 0) % 256 === 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.min(50, 2 ** attempt) * (0.5 + Math.random());

/** Some errors (e.g. SQLITE_FULL) already ended the transaction; then ROLLBACK itself fails. */
function rollbackQuietly(db: DatabaseSync): void {
	try {
		db.exec('ROLLBACK');
	} catch {
		// no transaction left to roll back
	}
}

function loadSqlite(): typeof import('node:sqlite') {
	const sqlite = process.getBuiltinModule?.('node:sqlite');
	if (!sqlite) {
		throw unavailableError(
			`the SQLite store needs Node.js 22.13 or newer (node:sqlite); this is ${process.version}. Upgrade Node.js or configure the PostgreSQL store.`,
		);
	}
	return sqlite;
}

/**
 * One DatabaseSync connection in WAL mode. Its calls are synchronous, so an in-process queue
 * keeps one transaction at a time on the connection; other connections and processes are kept
 * out by SQLite's write lock (BEGIN IMMEDIATE), waited for as described at BUSY_TIMEOUT_MS.
 */
export class SqliteDriver implements SqlDriver {
	readonly dialect = 'sqlite' as const;
	private tail: Promise<unknown> = Promise.resolve();
	private closed = false;
	private readonly statements = new Map<string, StatementSync>();

	private constructor(private readonly db: DatabaseSync) {}

	static async open(path: string): Promise<SqliteDriver> {
		if (path !== ':memory:') {
			mkdirSync(dirname(path), { recursive: true });
			// Patient data: a new file is readable by its owner only (SQLite gives -wal/-shm the same mode).
			writeFileSync(path, '', { flag: 'a', mode: 0o600 });
		}
		const { DatabaseSync } = loadSqlite();
		const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
		const driver = new SqliteDriver(db);
		const configured = await settle(
			driver.retryBusy(() => {
				db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;`);
				// FULL: a commit survives power loss; a lost message claim would mean a double message.
				db.exec('PRAGMA synchronous = FULL');
			}),
		);
		if (!configured.ok) {
			await driver.close();
			throw configured.error;
		}
		return driver;
	}

	query(sql: string, params: readonly SqlParam[] = []): Promise<SqlRow[]> {
		return this.exclusive(() => this.retryBusy(() => this.run(sql, params)));
	}

	transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
		const tx: SqlTransaction = {
			query: async (sql, params = []) => this.run(sql, params),
			lock: async () => undefined,
		};
		return this.exclusive(() =>
			this.retryBusy(async () => {
				this.db.exec('BEGIN IMMEDIATE');
				const outcome = await settle(
					fn(tx).then((value) => {
						this.db.exec('COMMIT');
						return value;
					}),
				);
				if (!outcome.ok) {
					rollbackQuietly(this.db);
					throw outcome.error;
				}
				return outcome.value;
			}),
		);
	}

	async close(): Promise<void> {
		await this.exclusive(async () => {
			this.statements.clear();
			if (!this.closed) this.db.close();
			this.closed = true;
		});
	}

	private run(sql: string, params: readonly SqlParam[]): SqlRow[] {
		return this.prepare(sql).all(...params) as SqlRow[];
	}

	private prepare(sql: string): StatementSync {
		let statement = this.statements.get(sql);
		if (!statement) {
			// $1 → ?1: SQLite's numbered parameters bind like Postgres's.
			statement = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
			if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
			this.statements.set(sql, statement);
		}
		return statement;
	}

	private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
		const result = this.tail.then(fn);
		this.tail = result.catch(() => undefined);
		return result;
	}

	private async retryBusy<T>(fn: () => Promise<T> | T): Promise<T> {
		const deadline = Date.now() + BUSY_DEADLINE_MS;
		for (let attempt = 0; ; attempt++) {
			const outcome = await settle(Promise.resolve().then(fn));
			if (outcome.ok) return outcome.value;
			if (!isBusy(outcome.error) || Date.now() > deadline) throw outcome.error;
			await sleep(backoff(attempt));
		}
	}
}
