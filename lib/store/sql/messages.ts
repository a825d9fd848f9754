import { inputError, notFoundError } from '../errors';
import { newId } from '../ids';
import {
	CHANNELS,
	MESSAGE_STATUSES,
	PURPOSES,
	type ClaimMessageInput,
	type ClaimMessageResult,
	type LatestMessageQuery,
	type Message,
	type MessagePatch,
	type Purpose,
} from '../types';
import { oneOf, optionalUtcIso, requireText, toUtcIso } from '../validate';
import { Params, type SqlExecutor, type SqlParam } from './driver';
import { inList } from './read-batch';
import { iso, num, text, toMessage } from './rows';

/** Statuses that count towards frequency caps: in flight or delivered to the provider. */
const COUNTED_STATUSES = ['claimed', 'sent'];

export async function claimMessage(db: SqlExecutor, input: ClaimMessageInput): Promise<ClaimMessageResult> {
	const key = requireText(input.idempotencyKey, 'idempotencyKey');
	const now = new Date().toISOString();
	const inserted = await db.query(
		`INSERT INTO cj_messages (id, idempotency_key, contact_id, visit_id, visit_version, channel, purpose, provider,
			status, body, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
		ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
		[
			newId(),
			key,
			requireText(input.contactId, 'contactId'),
			input.visitId ?? null,
			input.visitVersion ?? null,
			oneOf(input.channel, CHANNELS, 'channel'),
			oneOf(input.purpose, PURPOSES, 'purpose'),
			input.provider ?? null,
			oneOf(input.status ?? 'claimed', ['claimed', 'suppressed', 'deferred'], 'status'),
			input.body ?? null,
			now,
		],
	);
	if (inserted[0]) return { claimed: true, message: toMessage(inserted[0]) };
	// The winner has committed by now: ON CONFLICT waited for it.
	const [existing] = await db.query('SELECT * FROM cj_messages WHERE idempotency_key = $1', [key]);
	return { claimed: false, message: toMessage(existing!) };
}

export async function updateMessage(db: SqlExecutor, id: string, patch: MessagePatch): Promise<Message> {
	const p = new Params();
	const where = p.add(id);
	const sets: string[] = [];
	const set = (column: string, value: SqlParam | undefined) => {
		if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
	};
	const sentAt = patch.status === 'sent' && patch.sentAt === undefined ? new Date().toISOString() : patch.sentAt;
	set('status', patch.status === undefined ? undefined : oneOf(patch.status, MESSAGE_STATUSES, 'status'));
	set('provider', patch.provider);
	set('provider_message_id', patch.providerMessageId);
	set('error', patch.error);
	set('body', patch.body);
	set('sent_at', optionalUtcIso(sentAt, 'sentAt'));
	set('updated_at', new Date().toISOString());
	const [row] = await db.query(`UPDATE cj_messages SET ${sets.join(', ')} WHERE id = ${where} RETURNING *`, p.values);
	if (!row) throw notFoundError(`no message with id ${JSON.stringify(id)}`);
	return toMessage(row);
}

export async function getMessage(db: SqlExecutor, id: string): Promise<Message | null> {
	const [row] = await db.query('SELECT * FROM cj_messages WHERE id = $1', [id]);
	return row ? toMessage(row) : null;
}

export async function findMessageByProviderId(db: SqlExecutor, providerMessageId: string, provider?: string): Promise<Message | null> {
	const p = new Params();
	const byProvider = provider === undefined ? '' : ` AND provider = ${p.add(provider)}`;
	const [row] = await db.query(
		`SELECT * FROM cj_messages WHERE provider_message_id = ${p.add(providerMessageId)}${byProvider}
		ORDER BY created_at DESC, id DESC LIMIT 1`,
		p.values,
	);
	return row ? toMessage(row) : null;
}

export async function findLatestMessage(db: SqlExecutor, query: LatestMessageQuery): Promise<Message | null> {
	const p = new Params();
	const where = [`contact_id = ${p.add(requireText(query.contactId, 'contactId'))}`];
	if (query.channel !== undefined) where.push(`channel = ${p.add(oneOf(query.channel, CHANNELS, 'channel'))}`);
	if (query.purpose !== undefined) where.push(`purpose = ${p.add(oneOf(query.purpose, PURPOSES, 'purpose'))}`);
	if (query.statuses !== undefined) {
		if (query.statuses.length === 0) throw inputError('statuses must not be empty');
		where.push(`status IN (${p.list(query.statuses.map((s) => oneOf(s, MESSAGE_STATUSES, 'statuses')))})`);
	}
	const [row] = await db.query(
		`SELECT * FROM cj_messages WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT 1`,
		p.values,
	);
	return row ? toMessage(row) : null;
}

export type CountKey = [contactId: string, purpose: Purpose, since: string];

/**
 * countMessagesSince for a batch of validated keys (see read-batch.ts): the counted messages of
 * all their contacts since the earliest `since`, counted per key here.
 */
export async function countMessagesSinceMany(db: SqlExecutor, keys: readonly CountKey[]): Promise<number[]> {
	const times = new Map<string, number[]>();
	for (const purpose of new Set(keys.map(([, which]) => which))) {
		const forPurpose = keys.filter(([, which]) => which === purpose);
		const p = new Params();
		const rows = await db.query(
			`SELECT contact_id, created_at FROM cj_messages WHERE contact_id IN (${p.list(inList(forPurpose.map(([contactId]) => contactId)))})
			AND purpose = ${p.add(purpose)} AND created_at >= ${p.add(forPurpose.map(([, , since]) => since).sort()[0]!)}
			AND status IN (${p.list(COUNTED_STATUSES)})`,
			p.values,
		);
		for (const row of rows) {
			const key = `${text(row.contact_id)}\u0000${purpose}`;
			times.set(key, [...(times.get(key) ?? []), Date.parse(iso(row.created_at))]);
		}
	}
	return keys.map(([contactId, purpose, since]) => {
		const from = Date.parse(since);
		return (times.get(`${contactId}\u0000${purpose}`) ?? []).filter((at) => at >= from).length;
	});
}

export async function countMessagesSince(db: SqlExecutor, contactId: string, purpose: Purpose, since: string): Promise<number> {
	const p = new Params();
	const [row] = await db.query(
		`SELECT COUNT(*) AS n FROM cj_messages WHERE contact_id = ${p.add(contactId)}
		AND purpose = ${p.add(oneOf(purpose, PURPOSES, 'purpose'))} AND created_at >= ${p.add(toUtcIso(since, 'since'))}
		AND status IN (${p.list(COUNTED_STATUSES)})`,
		p.values,
	);
	return num(row?.n ?? 0);
}
