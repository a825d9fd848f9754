/**
 * Read batching, the read-side twin of group-commit.ts: the hot single-row reads of a send run
 * (contact, visit, consent, frequency-cap count), made at about the same time by its parallel
 * items, go to the database as one `IN (…)` query instead of one round trip each.
 *
 * A call joins the batch that is still being collected; it never joins a query already sent, so
 * it sees everything committed before it was made (a cap count after its claim's commit counts
 * that claim). At most one query per kind is in flight; calls made meanwhile form the next batch,
 * so batches grow with load and a lone call waits for nothing but the end of its event-loop turn.
 */
import { Params, type SqlExecutor, type SqlParam, type SqlRow } from './driver';

export const MAX_BATCH = 128;

interface Pending<K, V> {
	key: K;
	resolve(value: V): void;
	reject(error: unknown): void;
}

export class ReadBatch<K, V> {
	private queue: Array<Pending<K, V>> = [];
	private scheduled = false;
	private inFlight = false;

	/** `load` answers every key of a batch, in order. */
	constructor(private readonly load: (keys: K[]) => Promise<V[]>) {}

	get(key: K): Promise<V> {
		return new Promise<V>((resolve, reject) => {
			this.queue.push({ key, resolve, reject });
			this.schedule();
		});
	}

	private schedule(): void {
		if (this.scheduled || this.inFlight) return;
		this.scheduled = true;
		setImmediate(() => void this.flush());
	}

	private async flush(): Promise<void> {
		this.scheduled = false;
		const batch = this.queue.splice(0, MAX_BATCH);
		this.inFlight = true;
		try {
			const values = await this.load(batch.map((entry) => entry.key));
			batch.forEach((entry, index) => entry.resolve(values[index]!));
		} catch (error) {
			for (const entry of batch) entry.reject(error);
		} finally {
			this.inFlight = false;
			if (this.queue.length) this.schedule();
		}
	}
}

/**
 * The distinct values of a batch, padded to a power of two with the first one, so a batched
 * statement has few distinct texts (PostgreSQL prepares each text once per connection).
 */
export function inList(values: readonly SqlParam[]): SqlParam[] {
	const distinct = [...new Set(values)];
	let size = 1;
	while (size < distinct.length) size *= 2;
	while (distinct.length < size) distinct.push(distinct[0]!);
	return distinct;
}

/**
 * For a batch of [column, value] lookups on `table`: the first row (in `orderBy` order) whose
 * column equals the value, per lookup; one `IN (…)` query per column.
 */
export async function firstRowsBy(db: SqlExecutor, table: string, orderBy: string, lookups: ReadonlyArray<[string, string]>): Promise<Array<SqlRow | undefined>> {
	const found = new Map<string, SqlRow>();
	for (const column of new Set(lookups.map(([name]) => name))) {
		const p = new Params();
		const values = p.list(inList(lookups.filter(([name]) => name === column).map(([, value]) => value)));
		for (const row of await db.query(`SELECT * FROM ${table} WHERE ${column} IN (${values})${orderBy}`, p.values)) {
			const key = `${column}\u0000${String(row[column])}`;
			if (!found.has(key)) found.set(key, row);
		}
	}
	return lookups.map(([column, value]) => found.get(`${column}\u0000${value}`));
}
