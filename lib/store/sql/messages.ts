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
import { Params, type SqlExecutor, type SqlParam, type SqlRow } from './driver';
import { inList } from './read-batch';
import { iso, num, text, toMessage } from './rows';

/** Statuses that count towards frequency caps: in flight or delivered to the provider. */
const COUNTED_STATUSES = ['claimed', 'sent'];

const CLAIM_COLUMNS = 'id, idempotency_key, contact_id, visit_id, visit_version, channel, purpose, provider, status, body, created_at, updated_at';

/** A claim's row (validated), created and updated now. */
function claimRow(input: ClaimMessageInput, now: string): SqlParam[] {
	return [
		newId(),
		requireText(input.idempotencyKey, 'idempotencyKey'),
		requireText(input.contactId, 'contactId'),
		input.visitId ?? null,
		input.visitVersion ?? null,
		oneOf(input.channel, CHANNELS, 'channel'),
		oneOf(input.purpose, PURPOSES, 'purpose'),
		input.provider ?? null,
		oneOf(input.status ?? 'claimed', ['claimed', 'suppressed', 'deferred'], 'status'),
		input.body ?? null,
		now,
		now,
	];
}

export async function claimMessage(db: SqlExecutor, input: ClaimMessageInput): Promise<ClaimMessageResult> {
	return (await claimMessages(db, [input]))[0]!;
}

/**
 * Claims a batch in one INSERT (see group-commit.ts); each input gets what claimMessage would give
 * it. Of two inputs with the same key the first wins and the second gets its message.
 */
export async function claimMessages(db: SqlExecutor, inputs: readonly ClaimMessageInput[]): Promise<ClaimMessageResult[]> {
	const now = new Date().toISOString();
	const rows = inputs.map((input) => claimRow(input, now));
	const p = new Params();
	const values = rows.map((row) => `(${p.list(row)})`).join(', ');
	const inserted = await db.query(`INSERT INTO cj_messages (${CLAIM_COLUMNS}) VALUES ${values} ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`, p.values);
	const byId = new Map(inserted.map((row) => [text(row.id), row]));
	const lost = rows.filter(([id]) => !byId.has(String(id))).map(([, key]) => key!);
	// The winners have committed by now (ON CONFLICT waited for them), or are this statement's own rows.
	const existing = new Map<string, SqlRow>();
	if (lost.length) {
		const q = new Params();
		for (const row of await db.query(`SELECT * FROM cj_messages WHERE idempotency_key IN (${q.list([...new Set(lost)])})`, q.values)) existing.set(text(row.idempotency_key), row);
	}
	return rows.map(([id, key]) => {
		const won = byId.get(String(id));
		return won ? { claimed: true, message: toMessage(won) } : { claimed: false, message: toMessage(existing.get(String(key))!) };
	});
}

export type PatchColumns = Array<[column: string, value: SqlParam]>;

/** The validated columns a patch sets, with sent_at (a "sent" without one) and updated_at as of now. */
export function patchColumns(patch: MessagePatch): PatchColumns {
	const now = new Date().toISOString();
	const columns: PatchColumns = [];
	const set = (column: string, value: SqlParam | undefined) => {
		if (value !== undefined) columns.push([column, value]);
	};
	const sentAt = patch.status === 'sent' && patch.sentAt === undefined ? now : patch.sentAt;
	set('status', patch.status === undefined ? undefined : oneOf(patch.status, MESSAGE_STATUSES, 'status'));
	set('provider', patch.provider);
	set('provider_message_id', patch.providerMessageId);
	set('error', patch.error);
	set('body', patch.body);
	set('sent_at', optionalUtcIso(sentAt, 'sentAt'));
	set('updated_at', now);
	return columns;
}

export async function updateMessage(db: SqlExecutor, id: string, patch: MessagePatch): Promise<Message> {
	return (await updateMessages(db, [{ id, columns: patchColumns(patch) }]))[0]!;
}

/**
 * Applies a batch of patches that set the same columns in one UPDATE (see group-commit.ts), each
 * row its own values; throws NOT_FOUND if any message is missing (the batch then reruns alone).
 */
export async function updateMessages(db: SqlExecutor, updates: ReadonlyArray<{ id: string; columns: PatchColumns }>): Promise<Message[]> {
	if (new Set(updates.map(({ id }) => id)).size < updates.length) {
		// Two patches of one message: one after the other, as they were made.
		const results: Message[] = [];
		for (const update of updates) results.push(...(await updateMessages(db, [update])));
		return results;
	}
	const p = new Params();
	const names = updates[0]!.columns.map(([column]) => column);
	const sets =
		updates.length === 1
			? updates[0]!.columns.map(([column, value]) => `${column} = ${p.add(value)}`)
			: names.map((column, index) => `${column} = CASE id ${updates.map((update) => `WHEN ${p.add(update.id)} THEN ${p.add(update.columns[index]![1])}`).join(' ')} ELSE ${column} END`);
	const rows = await db.query(`UPDATE cj_messages SET ${sets.join(', ')} WHERE id IN (${p.list(updates.map((update) => update.id))}) RETURNING *`, p.values);
	const byId = new Map(rows.map((row) => [text(row.id), row]));
	return updates.map(({ id }) => {
		const row = byId.get(id);
		if (!row) throw notFoundError(`no message with id ${JSON.stringify(id)}`);
		return toMessage(row);
	});
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
