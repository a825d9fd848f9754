import { notFoundError } from '../errors';
import type { TagChange } from '../types';
import { normaliseName, normaliseNames, sortStrings } from '../validate';
import { Params, type SqlDriver, type SqlExecutor } from './driver';
import { text } from './rows';

const tagsOf = (rows: Record<string, unknown>[]) => sortStrings(rows.map((row) => text(row.tag)));

export async function getTags(db: SqlExecutor, contactId: string): Promise<string[]> {
	return tagsOf(await db.query('SELECT tag FROM cj_tags WHERE contact_id = $1', [contactId]));
}

export async function hasTag(db: SqlExecutor, contactId: string, tag: string): Promise<boolean> {
	const rows = await db.query('SELECT 1 AS hit FROM cj_tags WHERE contact_id = $1 AND tag = $2', [contactId, normaliseName(tag, 'tag')]);
	return rows.length > 0;
}

export async function listTagNames(db: SqlExecutor): Promise<string[]> {
	return tagsOf(await db.query('SELECT DISTINCT tag FROM cj_tags'));
}

async function insertTags(db: SqlExecutor, contactId: string, tags: string[]): Promise<string[]> {
	if (tags.length === 0) return [];
	const p = new Params();
	const contact = p.add(contactId);
	const now = p.add(new Date().toISOString());
	const values = tags.map((tag) => `(${contact}, ${p.add(tag)}, ${now})`).join(', ');
	const rows = await db.query(
		`INSERT INTO cj_tags (contact_id, tag, created_at) VALUES ${values} ON CONFLICT (contact_id, tag) DO NOTHING RETURNING tag`,
		p.values,
	);
	return tagsOf(rows);
}

async function deleteTags(db: SqlExecutor, contactId: string, tags: string[], keep: boolean): Promise<string[]> {
	if (tags.length === 0 && !keep) return [];
	const p = new Params();
	const contact = p.add(contactId);
	const filter = tags.length === 0 ? '' : ` AND tag ${keep ? 'NOT IN' : 'IN'} (${p.list(tags)})`;
	return tagsOf(await db.query(`DELETE FROM cj_tags WHERE contact_id = ${contact}${filter} RETURNING tag`, p.values));
}

export async function addTags(db: SqlExecutor, contactId: string, raw: readonly string[]): Promise<TagChange> {
	const added = await insertTags(db, contactId, normaliseNames(raw, 'tag'));
	return { added, removed: [], tags: await getTags(db, contactId) };
}

export async function removeTags(db: SqlExecutor, contactId: string, raw: readonly string[]): Promise<TagChange> {
	const removed = await deleteTags(db, contactId, normaliseNames(raw, 'tag'), false);
	return { added: [], removed, tags: await getTags(db, contactId) };
}

/** Locks the contact row so two replacements cannot interleave into a union of both sets. */
export async function replaceTags(db: SqlDriver, contactId: string, raw: readonly string[]): Promise<TagChange> {
	const tags = normaliseNames(raw, 'tag');
	return db.transaction(async (tx) => {
		const lock = db.dialect === 'postgres' ? ' FOR NO KEY UPDATE' : '';
		const contact = await tx.query(`SELECT id FROM cj_contacts WHERE id = $1${lock}`, [contactId]);
		if (contact.length === 0) throw notFoundError(`no contact with id ${JSON.stringify(contactId)}`);
		const removed = await deleteTags(tx, contactId, tags, true);
		const added = await insertTags(tx, contactId, tags);
		return { added, removed, tags: await getTags(tx, contactId) };
	});
}
