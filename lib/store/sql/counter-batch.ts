/**
 * addToCounters: many adds in a few statements per chunk, with the results addToCounter would
 * give applying them one by one in input order. Per chunk, one transaction:
 *   1. the dedup keys, one multi-row insert (ON CONFLICT DO NOTHING RETURNING the fresh ones);
 *   2. the adds summed per counter, one multi-row upsert RETURNING each counter's value before;
 *   3. the ledger: one multi-row insert of the new entries (plus a consume per counter that went down).
 * Rows are written in one fixed order (contact, name, key), so two workers' chunks take their row
 * locks in the same order; the driver reruns a chunk that deadlocks anyway.
 */
import { inputError } from '../errors';
import type { CounterAdd, CounterAddResult } from '../types';
import { finiteNumber, normaliseName, requireText } from '../validate';
import { consume, planLedger } from './counter-entries';
import type { Dialect, SqlDriver, SqlTransaction } from './driver';
import { jsonRows } from './json-rows';
import { num, text } from './rows';

/** Adds per transaction: short enough to keep row locks briefly, long enough to share the commit. */
export const COUNTER_BATCH_LIMIT = 500;

interface Entry {
	contactId: string;
	name: string;
	delta: number;
	key: string | undefined;
	/** contact and name: the counter. */
	counter: string;
}

interface Counter {
	contactId: string;
	name: string;
	/** Input positions of the entries on this counter, in order. */
	entries: number[];
	sum: number;
}

const SEP = '\u0000';
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function normalise(add: CounterAdd, index: number): Entry {
	const field = (name: string) => `adds[${index}].${name}`;
	if (typeof add?.contactId !== 'string' || add.contactId === '') throw inputError(`${field('contactId')} must be a non-empty string`);
	const name = normaliseName(add.name, field('name'));
	const delta = finiteNumber(add.delta, field('delta'));
	const key = add.dedupKey === undefined ? undefined : requireText(add.dedupKey, field('dedupKey'));
	return { contactId: add.contactId, name, delta, key, counter: `${add.contactId}${SEP}${name}` };
}

export async function addToCounters(db: SqlDriver, adds: readonly CounterAdd[]): Promise<CounterAddResult[]> {
	const entries = adds.map(normalise);
	const results: CounterAddResult[] = [];
	for (let start = 0; start < entries.length; start += COUNTER_BATCH_LIMIT) {
		const chunk = entries.slice(start, start + COUNTER_BATCH_LIMIT);
		results.push(...(await db.transaction((tx) => applyChunk(tx, db.dialect, chunk))));
	}
	return results;
}

async function applyChunk(tx: SqlTransaction, dialect: Dialect, entries: Entry[]): Promise<CounterAddResult[]> {
	const now = new Date().toISOString();
	const applied = await claimKeys(tx, dialect, entries, now);
	const counters = new Map<string, Counter>();
	entries.forEach((entry, index) => {
		let counter = counters.get(entry.counter);
		if (!counter) counters.set(entry.counter, (counter = { contactId: entry.contactId, name: entry.name, entries: [], sum: 0 }));
		counter.entries.push(index);
		if (applied[index]) counter.sum += entry.delta;
	});
	const ordered = [...counters.entries()].sort(([a], [b]) => byText(a, b)).map(([, counter]) => counter);
	const written = ordered.filter((counter) => counter.entries.some((index) => applied[index]));
	const before = await upsertSums(tx, dialect, written, now);
	const unwritten = ordered.filter((counter) => !before.has(`${counter.contactId}${SEP}${counter.name}`));
	for (const [counter, value] of await currentValues(tx, dialect, unwritten)) before.set(counter, value);

	const results: CounterAddResult[] = new Array(entries.length);
	const ledger: { counter: Counter; previous: number; values: number[] }[] = [];
	for (const counter of ordered) {
		const previous = before.get(`${counter.contactId}${SEP}${counter.name}`) ?? 0;
		let value = previous;
		const values: number[] = [];
		for (const index of counter.entries) {
			if (!applied[index]) {
				results[index] = { previous: value, value, applied: false };
				continue;
			}
			const next = value + entries[index]!.delta;
			results[index] = { previous: value, value: next, applied: true };
			values.push((value = next));
		}
		if (values.length === 0) continue;
		ledger.push({ counter, previous, values });
		// The database added the sum at once; floating point can round that differently from one by one.
		if (value !== previous + counter.sum) {
			await tx.query('UPDATE cj_counters SET value = $1 WHERE contact_id = $2 AND name = $3', [value, counter.contactId, counter.name]);
		}
	}
	await recordLedger(tx, dialect, ledger, now);
	return results;
}

/** Whether each entry applies: no key, or the first in the chunk with a key the store did not have. */
async function claimKeys(tx: SqlTransaction, dialect: Dialect, entries: Entry[], now: string): Promise<boolean[]> {
	const first = new Map<string, number>();
	entries.forEach((entry, index) => {
		const id = `${entry.counter}${SEP}${entry.key}`;
		if (entry.key !== undefined && !first.has(id)) first.set(id, index);
	});
	if (first.size === 0) return entries.map(() => true);
	const rows = [...first.keys()].sort(byText).map((id) => {
		const entry = entries[first.get(id)!]!;
		return { contact_id: entry.contactId, counter: entry.name, dedup_key: entry.key, created_at: now };
	});
	// The first transaction to insert a key wins; a concurrent one waits for it, then finds the key taken.
	const fresh = await tx.query(
		`INSERT INTO cj_counter_dedup (contact_id, counter, dedup_key, created_at)
		SELECT r.contact_id, r.counter, r.dedup_key, r.created_at
		FROM ${jsonRows(dialect, '$1', 'r', { contact_id: 'text', counter: 'text', dedup_key: 'text', created_at: 'time' })} WHERE true
		ON CONFLICT (contact_id, counter, dedup_key) DO NOTHING RETURNING contact_id, counter, dedup_key`,
		[JSON.stringify(rows)],
	);
	const claimed = new Set(fresh.map((row) => `${text(row.contact_id)}${SEP}${text(row.counter)}${SEP}${text(row.dedup_key)}`));
	return entries.map((entry, index) => {
		if (entry.key === undefined) return true;
		const id = `${entry.counter}${SEP}${entry.key}`;
		return first.get(id) === index && claimed.has(id);
	});
}

/** Adds each counter's sum in one statement, in the given (lock) order; returns each counter's value before. */
async function upsertSums(tx: SqlTransaction, dialect: Dialect, counters: Counter[], now: string): Promise<Map<string, number>> {
	const before = new Map<string, number>();
	if (counters.length === 0) return before;
	const rows = counters.map((counter, position) => ({
		position,
		contact_id: counter.contactId,
		name: counter.name,
		delta: counter.sum,
		updated_at: now,
	}));
	const returned = await tx.query(
		`INSERT INTO cj_counters (contact_id, name, value, previous_value, updated_at)
		SELECT r.contact_id, r.name, r.delta, 0, r.updated_at
		FROM ${jsonRows(dialect, '$1', 'r', { position: 'real', contact_id: 'text', name: 'text', delta: 'real', updated_at: 'time' })}
		WHERE true ORDER BY r.position
		ON CONFLICT (contact_id, name) DO UPDATE SET previous_value = cj_counters.value,
			value = cj_counters.value + excluded.value, updated_at = excluded.updated_at
		RETURNING contact_id, name, previous_value`,
		[JSON.stringify(rows)],
	);
	for (const row of returned) before.set(`${text(row.contact_id)}${SEP}${text(row.name)}`, num(row.previous_value));
	return before;
}

/** Counters whose every add was a duplicate: their current value (0 when never written), unchanged. */
async function currentValues(tx: SqlTransaction, dialect: Dialect, counters: Counter[]): Promise<Map<string, number>> {
	const values = new Map<string, number>();
	if (counters.length === 0) return values;
	const rows = await tx.query(
		`SELECT c.contact_id, c.name, c.value FROM cj_counters c
		JOIN ${jsonRows(dialect, '$1', 'r', { contact_id: 'text', name: 'text' })} ON c.contact_id = r.contact_id AND c.name = r.name`,
		[JSON.stringify(counters.map((counter) => ({ contact_id: counter.contactId, name: counter.name })))],
	);
	for (const row of rows) values.set(`${text(row.contact_id)}${SEP}${text(row.name)}`, num(row.value));
	return values;
}

/** What recordAdd would have written for each add, as one entry per counter (see planLedger). */
async function recordLedger(
	tx: SqlTransaction,
	dialect: Dialect,
	runs: { counter: Counter; previous: number; values: number[] }[],
	now: string,
): Promise<void> {
	const additions: { contact_id: string; name: string; amount: number; added_at: string }[] = [];
	for (const { counter, previous, values } of runs) {
		const { spendOld, addNew } = planLedger(previous, values);
		if (spendOld > 0) await consume(tx, counter.contactId, counter.name, spendOld);
		if (addNew > 0) additions.push({ contact_id: counter.contactId, name: counter.name, amount: addNew, added_at: now });
	}
	if (additions.length === 0) return;
	await tx.query(
		`INSERT INTO cj_counter_entries (contact_id, name, amount, added_at)
		SELECT r.contact_id, r.name, r.amount, r.added_at
		FROM ${jsonRows(dialect, '$1', 'r', { contact_id: 'text', name: 'text', amount: 'real', added_at: 'time' })} WHERE true`,
		[JSON.stringify(additions)],
	);
}
