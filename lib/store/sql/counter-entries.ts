/**
 * The ledger of a counter (cj_counter_entries): its positive additions that still count, oldest
 * first. It always holds max(0, value) in total. Callers hold the counter row's lock (an upsert or
 * SELECT … FOR UPDATE in the same transaction), so writers of one counter never interleave.
 */
import type { SqlExecutor } from './driver';
import { num } from './rows';

const ledgerOf = (value: number) => Math.max(0, value);

async function addEntry(db: SqlExecutor, contactId: string, name: string, amount: number, at: string): Promise<void> {
	await db.query('INSERT INTO cj_counter_entries (contact_id, name, amount, added_at) VALUES ($1, $2, $3, $4)', [
		contactId,
		name,
		amount,
		at,
	]);
}

/** Takes `amount` from the oldest entries. */
export async function consume(db: SqlExecutor, contactId: string, name: string, amount: number): Promise<void> {
	const entries = await db.query(
		'SELECT seq, amount FROM cj_counter_entries WHERE contact_id = $1 AND name = $2 ORDER BY added_at, seq',
		[contactId, name],
	);
	let left = amount;
	for (const entry of entries) {
		if (left <= 0) break;
		const have = num(entry.amount);
		if (have <= left) {
			await db.query('DELETE FROM cj_counter_entries WHERE seq = $1', [num(entry.seq)]);
			left -= have;
		} else {
			await db.query('UPDATE cj_counter_entries SET amount = $1 WHERE seq = $2', [have - left, num(entry.seq)]);
			left = 0;
		}
	}
}

/** Brings the ledger from max(0, previous) to max(0, value) after an add: a new entry, or spending oldest first. */
export async function recordAdd(db: SqlExecutor, contactId: string, name: string, previous: number, value: number, at: string): Promise<void> {
	const change = ledgerOf(value) - ledgerOf(previous);
	if (change > 0) await addEntry(db, contactId, name, change, at);
	else if (change < 0) await consume(db, contactId, name, -change);
}

/** After a set: one entry of the new value dated now (none for 0 or less). */
export async function recordSet(db: SqlExecutor, contactId: string, name: string, value: number, at: string): Promise<void> {
	await db.query('DELETE FROM cj_counter_entries WHERE contact_id = $1 AND name = $2', [contactId, name]);
	if (value > 0) await addEntry(db, contactId, name, value, at);
}

/** Deletes the entries added before `olderThan` and returns their total. */
export async function removeEntriesBefore(db: SqlExecutor, contactId: string, name: string, olderThan: string): Promise<number> {
	const rows = await db.query(
		'DELETE FROM cj_counter_entries WHERE contact_id = $1 AND name = $2 AND added_at < $3 RETURNING amount',
		[contactId, name, olderThan],
	);
	return rows.reduce((sum, row) => sum + num(row.amount), 0);
}

/**
 * What a run of adds to one counter, all dated the same instant, does to its ledger when recorded
 * one by one with recordAdd: spending takes the entries from before the run first (they are
 * older), then the run's own additions. So the run comes down to spending `spendOld` from the old
 * entries and one new entry of `addNew` (several entries of one instant expire together).
 */
export function planLedger(previous: number, values: readonly number[]): { spendOld: number; addNew: number } {
	const oldTotal = ledgerOf(previous);
	let oldLeft = oldTotal;
	const fresh: number[] = [];
	let last = previous;
	for (const value of values) {
		const change = ledgerOf(value) - ledgerOf(last);
		last = value;
		if (change > 0) fresh.push(change);
		if (change >= 0) continue;
		let spend = Math.min(oldLeft, -change);
		oldLeft -= spend;
		spend = -change - spend;
		while (spend > 0 && fresh.length > 0) {
			const take = Math.min(fresh[0]!, spend);
			fresh[0]! -= take;
			spend -= take;
			if (fresh[0] === 0) fresh.shift();
		}
	}
	return { spendOld: oldTotal - oldLeft, addNew: fresh.reduce((sum, amount) => sum + amount, 0) };
}
