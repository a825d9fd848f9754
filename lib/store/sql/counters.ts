import type { CounterAddResult, CounterExpireResult, CounterSetResult } from '../types';
import { finiteNumber, normaliseName, requireText, sortStrings, toUtcIso } from '../validate';
import { recordAdd, recordSet, removeEntriesBefore } from './counter-entries';
import { forUpdate, type SqlDriver, type SqlExecutor } from './driver';
import { num, text } from './rows';

/**
 * The row lock of the upsert makes concurrent adds exact and serialises the ledger writes that
 * follow in the same transaction; previous_value returns the old value.
 */
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
	const key = dedupKey === undefined ? undefined : requireText(dedupKey, 'dedupKey');
	return db.transaction(async (tx) => {
		if (key === undefined) return applyAdd(tx, contactId, name, delta, now);
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
		return applyAdd(tx, contactId, name, delta, now);
	});
}

async function applyAdd(tx: SqlExecutor, contactId: string, name: string, delta: number, now: string): Promise<CounterAddResult> {
	const [row] = await tx.query(UPSERT_ADD, [contactId, name, delta, now]);
	const previous = num(row!.previous_value);
	const value = num(row!.value);
	await recordAdd(tx, contactId, name, previous, value, now);
	return { previous, value, applied: true };
}

export async function setCounter(db: SqlDriver, contactId: string, rawName: string, rawValue: number): Promise<CounterSetResult> {
	const name = normaliseName(rawName, 'counter name');
	const value = finiteNumber(rawValue, 'value');
	const now = new Date().toISOString();
	return db.transaction(async (tx) => {
		const [row] = await tx.query(UPSERT_SET, [contactId, name, value, now]);
		await recordSet(tx, contactId, name, value, now);
		return { previous: num(row!.previous_value), value: num(row!.value) };
	});
}

/** Removes what was added before `olderThan` and still counts; the counter never drops below 0 by it. */
export async function expireCounter(db: SqlDriver, contactId: string, rawName: string, rawOlderThan: string): Promise<CounterExpireResult> {
	const name = normaliseName(rawName, 'counter name');
	const olderThan = toUtcIso(rawOlderThan, 'olderThan');
	return db.transaction(async (tx) => {
		const [row] = await tx.query(`SELECT value FROM cj_counters WHERE contact_id = $1 AND name = $2${forUpdate(db.dialect)}`, [
			contactId,
			name,
		]);
		if (!row) return { expired: 0, value: 0 };
		const expired = await removeEntriesBefore(tx, contactId, name, olderThan);
		const current = num(row.value);
		if (expired === 0) return { expired, value: current };
		const value = Math.max(0, current - expired);
		await tx.query('UPDATE cj_counters SET previous_value = value, value = $1, updated_at = $2 WHERE contact_id = $3 AND name = $4', [
			value,
			new Date().toISOString(),
			contactId,
			name,
		]);
		return { expired, value };
	});
}

export async function listCounterNames(db: SqlExecutor): Promise<string[]> {
	const rows = await db.query('SELECT DISTINCT name FROM cj_counters');
	return sortStrings(rows.map((row) => text(row.name)));
}
