import { newId } from '../ids';
import {
	CHANNELS,
	PURPOSES,
	type Channel,
	type ConsentAuditEntry,
	type ConsentState,
	type ConsentStatus,
	type Purpose,
	type SetConsentInput,
	type SetConsentResult,
} from '../types';
import { oneOf, requireText, toUtcIso } from '../validate';
import { forUpdate, Params, type SqlDriver, type SqlExecutor, type SqlRow } from './driver';
import { inList } from './read-batch';
import { iso, text, toConsentAudit } from './rows';

const toState = (contactId: string, channel: Channel, purpose: Purpose, row: SqlRow | undefined): ConsentState => ({
	contactId,
	channel,
	purpose,
	status: row ? (text(row.status) as ConsentStatus) : 'unknown',
	source: row ? text(row.source) : null,
	updatedAt: row ? iso(row.updated_at) : null,
});

/**
 * Every statement is appended to the audit trail. The current status follows the statement
 * with the latest `at`, so a late-arriving older statement (e.g. a scanned paper form) is
 * audited without overriding a newer opt-out.
 */
export async function setConsent(db: SqlDriver, input: SetConsentInput): Promise<SetConsentResult> {
	const contactId = requireText(input.contactId, 'contactId');
	const channel = oneOf(input.channel, CHANNELS, 'channel');
	const purpose = oneOf(input.purpose, PURPOSES, 'purpose');
	const status = oneOf(input.status, ['granted', 'revoked'] as const, 'status');
	const source = requireText(input.source, 'source');
	const now = new Date().toISOString();
	const at = input.at === undefined ? now : toUtcIso(input.at, 'at');
	const key = [contactId, channel, purpose];
	return db.transaction(async (tx) => {
		await tx.lock(`cj:consent:${key.join(':')}`);
		const [row] = await tx.query(
			`SELECT * FROM cj_consents WHERE contact_id = $1 AND channel = $2 AND purpose = $3${forUpdate(db.dialect)}`,
			key,
		);
		await tx.query(
			`INSERT INTO cj_consent_audit (id, contact_id, channel, purpose, status, source, actor, reason, occurred_at, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			[newId(), ...key, status, source, input.actor ?? null, input.reason ?? null, at, now],
		);
		const previous = toState(contactId, channel, purpose, row);
		if (previous.updatedAt !== null && at < previous.updatedAt) return { consent: previous, changed: false };
		const [saved] = await tx.query(
			`INSERT INTO cj_consents (contact_id, channel, purpose, status, source, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (contact_id, channel, purpose) DO UPDATE SET status = excluded.status, source = excluded.source,
				updated_at = excluded.updated_at
			RETURNING *`,
			[...key, status, source, at],
		);
		return { consent: toState(contactId, channel, purpose, saved), changed: previous.status !== status };
	});
}

export async function getConsent(db: SqlExecutor, contactId: string, channel: Channel, purpose: Purpose): Promise<ConsentState> {
	const [row] = await db.query('SELECT * FROM cj_consents WHERE contact_id = $1 AND channel = $2 AND purpose = $3', [
		contactId,
		oneOf(channel, CHANNELS, 'channel'),
		oneOf(purpose, PURPOSES, 'purpose'),
	]);
	return toState(contactId, channel, purpose, row);
}

export type ConsentKey = [contactId: string, channel: Channel, purpose: Purpose];

/** getConsent for a batch of validated keys (see read-batch.ts): one query for all their contacts. */
export async function getConsents(db: SqlExecutor, keys: readonly ConsentKey[]): Promise<ConsentState[]> {
	const p = new Params();
	const rows = await db.query(`SELECT * FROM cj_consents WHERE contact_id IN (${p.list(inList(keys.map(([contactId]) => contactId)))})`, p.values);
	const byKey = new Map(rows.map((row) => [`${text(row.contact_id)}\u0000${text(row.channel)}\u0000${text(row.purpose)}`, row]));
	return keys.map(([contactId, channel, purpose]) => toState(contactId, channel, purpose, byKey.get(`${contactId}\u0000${channel}\u0000${purpose}`)));
}

export async function listConsentAudit(
	db: SqlExecutor,
	contactId: string,
	filter: { channel?: Channel; purpose?: Purpose } = {},
): Promise<ConsentAuditEntry[]> {
	const p = new Params();
	const where = [`contact_id = ${p.add(contactId)}`];
	if (filter.channel !== undefined) where.push(`channel = ${p.add(oneOf(filter.channel, CHANNELS, 'channel'))}`);
	if (filter.purpose !== undefined) where.push(`purpose = ${p.add(oneOf(filter.purpose, PURPOSES, 'purpose'))}`);
	const rows = await db.query(`SELECT * FROM cj_consent_audit WHERE ${where.join(' AND ')} ORDER BY recorded_at, id`, p.values);
	return rows.map(toConsentAudit);
}
