import type { CounterAddResult, CounterSetResult } from '../types';
import { finiteNumber, normaliseName, requireText, sortStrings } from '../validate';
import type { SqlDriver, SqlExecutor } from './driver';
import { num, text } from './rows';

/** One statement: the row lock of the upsert makes concurrent adds exact; previous_value returns the old value. */
const UPSERT_ADD = `INSERT INTO cj_counters (contact_id, name, value, previous_value, updated_at) VALUES ($1, $2, $3, 0, $4)
	ON CONFLICT (contact_id, name) DO UPDATE SET previous_value = cj_counters.value,
		value = cj_counters.value + excluded.value, updated_at = excluded.updated_at
	RETURNING previous_value, value`;

const UPSERT_SET = `INSERT INTO cj_counters (contact_id, name, value, previous_value, updated_at) VALUES ($1, $2, $3, 0, $4)
	ON CONFLICT (contact_id, name) DO UPDATE SET previous_value = cj_counters.value,
		value = excluded.value, updated_at = excluded.updated_at
	RETURNING previous_value, value`;

export async function getCounter(db: SqlExecutor, contactId: string, name: string): Promise<number> {
	const [row] = await db.query('SELECT value FROM cj_counters WHERE contact_id = $1 AND name = $2', [
		contactId,
		normaliseName(name, 'counter name'),
	]);
	return row ? num(row.value) : 0;
}

export async function addToCounter(
	db: SqlDriver,
	contactId: string,
	rawName: string,
	rawDelta: number,
	dedupKey?: string,
): Promise<CounterAddResult> {
	const name = normaliseName(rawName, 'counter name');
	const delta = finiteNumber(rawDelta, 'delta');
	const now = new Date().toISOString();
	if (dedupKey === undefined) {
		const [row] = await db.query(UPSERT_ADD, [contactId, name, delta, now]);
		return { previous: num(row!.previous_value), value: num(row!.value), applied: true };
	}
	const key = requireText(dedupKey, 'dedupKey');
	return db.transaction(async (tx) => {
		// The first transaction to insert the key wins; a concurrent one waits for it, then finds the key taken.
		const fresh = await tx.query(
			`INSERT INTO cj_counter_dedup (contact_id, counter, dedup_key, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (contact_id, counter, dedup_key) DO NOTHING RETURNING dedup_key`,
			[contactId, name, key, now],
		);
		if (fresh.length === 0) {
			const value = await getCounter(tx, contactId, name);
			return { previous: value, value, applied: false };
		}
		const [row] = await tx.query(UPSERT_ADD, [contactId, name, delta, now]);
		return { previous: num(row!.previous_value), value: num(row!.value), applied: true };
	});
}

export async function setCounter(db: SqlExecutor, contactId: string, rawName: string, rawValue: number): Promise<CounterSetResult> {
	const name = normaliseName(rawName, 'counter name');
	const value = finiteNumber(rawValue, 'value');
	const [row] = await db.query(UPSERT_SET, [contactId, name, value, new Date().toISOString()]);
	return { previous: num(row!.previous_value), value: num(row!.value) };
}

export async function listCounterNames(db: SqlExecutor): Promise<string[]> {
	const rows = await db.query('SELECT DISTINCT name FROM cj_counters');
	return sortStrings(rows.map((row) => text(row.name)));
}
