import { inputError } from '../errors';
import { newId } from '../ids';
import type { Contact, ContactInput, ContactLookup, UpsertContactResult } from '../types';
import { normaliseEmail, normalisePhone } from '../validate';
import { mergeContact, normaliseContactInput } from './contact-merge';
import { forUpdate, type SqlDriver, type SqlExecutor, type SqlTransaction } from './driver';
import { firstRowsBy } from './read-batch';
import { toContact } from './rows';

const COLUMNS = 'id, external_id, name, email, phone, time_zone, locale, custom_fields, created_at, updated_at';

export async function upsertContact(db: SqlDriver, raw: ContactInput): Promise<UpsertContactResult> {
	const input = normaliseContactInput(raw);
	const keys = { externalId: input.externalId, email: input.email, phone: input.phone };
	if (!keys.externalId && !keys.email && !keys.phone) {
		throw inputError('upsertContact needs an externalId, email or phone to identify the contact');
	}
	return db.transaction(async (tx) => {
		// Same identifying key ⇒ same lock, so two executions cannot both create the contact.
		const lockKeys = Object.entries(keys).filter(([, v]) => v).map(([k, v]) => `cj:contact:${k}:${v}`);
		for (const key of lockKeys.sort()) await tx.lock(key);
		const existing = await findForUpsert(tx, db, input);
		const now = new Date().toISOString();
		const { fields, changed } = mergeContact(existing, input);
		if (!existing) {
			const rows = await tx.query(
				`INSERT INTO cj_contacts (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING *`,
				[newId(), fields.externalId, fields.name, fields.email, fields.phone, fields.timeZone, fields.locale,
					JSON.stringify(fields.customFields), now],
			);
			return { contact: toContact(rows[0]!), created: true, changed: true };
		}
		if (!changed) return { contact: existing, created: false, changed: false };
		const rows = await tx.query(
			`UPDATE cj_contacts SET external_id = $2, name = $3, email = $4, phone = $5, time_zone = $6, locale = $7,
				custom_fields = $8, updated_at = $9 WHERE id = $1 RETURNING *`,
			[existing.id, fields.externalId, fields.name, fields.email, fields.phone, fields.timeZone, fields.locale,
				JSON.stringify(fields.customFields), now],
		);
		return { contact: toContact(rows[0]!), created: false, changed: true };
	});
}

/** By externalId; else the oldest contact with the email, then the phone (only unowned ones when an externalId is given). */
async function findForUpsert(tx: SqlTransaction, db: SqlDriver, input: ContactInput): Promise<Contact | null> {
	const lock = forUpdate(db.dialect);
	if (input.externalId) {
		const [row] = await tx.query(`SELECT * FROM cj_contacts WHERE external_id = $1${lock}`, [input.externalId]);
		if (row) return toContact(row);
	}
	const unowned = input.externalId ? ' AND external_id IS NULL' : '';
	for (const column of ['email', 'phone'] as const) {
		const value = input[column];
		if (!value) continue;
		const [row] = await tx.query(
			`SELECT * FROM cj_contacts WHERE ${column} = $1${unowned} ORDER BY created_at, id LIMIT 1${lock}`,
			[value],
		);
		if (row) return toContact(row);
	}
	return null;
}

export function lookupColumn(lookup: ContactLookup): [string, string] {
	if (lookup.id !== undefined) return ['id', lookup.id];
	if (lookup.externalId !== undefined) return ['external_id', lookup.externalId];
	if (lookup.email !== undefined) return ['email', normaliseEmail(lookup.email)];
	if (lookup.phone !== undefined) return ['phone', normalisePhone(lookup.phone)];
	throw inputError('findContact needs an id, externalId, email or phone');
}

export async function findContact(db: SqlDriver, lookup: ContactLookup): Promise<Contact | null> {
	const [column, value] = lookupColumn(lookup);
	const [row] = await db.query(`SELECT * FROM cj_contacts WHERE ${column} = $1 ORDER BY created_at, id LIMIT 1`, [value]);
	return row ? toContact(row) : null;
}

/** findContact for many lookups at once: one query per kind of lookup, the same first match each. */
export async function findContacts(db: SqlExecutor, lookups: readonly ContactLookup[]): Promise<(Contact | null)[]> {
	return await findContactsByColumn(db, lookups.map(lookupColumn));
}

/** findContact for a batch of lookupColumn() answers (see read-batch.ts): the same first match per lookup. */
export async function findContactsByColumn(db: SqlExecutor, lookups: ReadonlyArray<[string, string]>): Promise<Array<Contact | null>> {
	const rows = await firstRowsBy(db, 'cj_contacts', ' ORDER BY created_at, id', lookups);
	return rows.map((row) => (row ? toContact(row) : null));
}
