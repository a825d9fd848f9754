import { newId } from '../ids';
import { CHANNELS, EVENT_TYPES, type Channel, type EngagementEvent, type EventQuery, type RecordEventInput, type RecordEventResult } from '../types';
import { oneOf, requireText, toUtcIso } from '../validate';
import { Params, type SqlExecutor } from './driver';
import { isoOrNull, toEvent } from './rows';

const DEFAULT_LIST_LIMIT = 1000;

export async function recordEvent(db: SqlExecutor, input: RecordEventInput): Promise<RecordEventResult> {
	const now = new Date().toISOString();
	const externalId = input.externalEventId ?? null;
	const inserted = await db.query(
		`INSERT INTO cj_events (id, contact_id, message_id, visit_id, channel, type, intent, payload, external_event_id,
			occurred_at, recorded_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (external_event_id) DO NOTHING RETURNING *`,
		[
			newId(),
			requireText(input.contactId, 'contactId'),
			input.messageId ?? null,
			input.visitId ?? null,
			input.channel === undefined || input.channel === null ? null : oneOf(input.channel, CHANNELS, 'channel'),
			oneOf(input.type, EVENT_TYPES, 'type'),
			input.intent ?? null,
			JSON.stringify(input.payload ?? {}),
			externalId === null ? null : requireText(externalId, 'externalEventId'),
			input.occurredAt === undefined ? now : toUtcIso(input.occurredAt, 'occurredAt'),
			now,
		],
	);
	if (inserted[0]) return { recorded: true, event: toEvent(inserted[0]) };
	const [existing] = await db.query('SELECT * FROM cj_events WHERE external_event_id = $1', [externalId]);
	return { recorded: false, event: toEvent(existing!) };
}

export async function listEvents(db: SqlExecutor, query: EventQuery): Promise<EngagementEvent[]> {
	const p = new Params();
	const where = [`contact_id = ${p.add(requireText(query.contactId, 'contactId'))}`];
	if (query.visitId !== undefined) where.push(`visit_id = ${p.add(query.visitId)}`);
	if (query.messageId !== undefined) where.push(`message_id = ${p.add(query.messageId)}`);
	if (query.types?.length) where.push(`type IN (${p.list(query.types.map((t) => oneOf(t, EVENT_TYPES, 'types')))})`);
	if (query.since !== undefined) where.push(`occurred_at >= ${p.add(toUtcIso(query.since, 'since'))}`);
	const limit = p.add(Math.max(1, Math.min(query.limit ?? DEFAULT_LIST_LIMIT, 100_000)));
	const rows = await db.query(
		`SELECT * FROM cj_events WHERE ${where.join(' AND ')} ORDER BY occurred_at, id LIMIT ${limit}`,
		p.values,
	);
	return rows.map(toEvent);
}

export async function lastInboundAt(db: SqlExecutor, contactId: string, channel: Channel): Promise<string | null> {
	const [row] = await db.query(
		`SELECT MAX(occurred_at) AS at FROM cj_events WHERE contact_id = $1 AND channel = $2 AND type IN ('inbound', 'replied')`,
		[contactId, oneOf(channel, CHANNELS, 'channel')],
	);
	return isoOrNull(row?.at);
}

export async function claimEvent(db: SqlExecutor, source: string, eventId: string): Promise<boolean> {
	const rows = await db.query(
		`INSERT INTO cj_processed_events (source, event_id, processed_at) VALUES ($1, $2, $3)
		ON CONFLICT (source, event_id) DO NOTHING RETURNING event_id`,
		[requireText(source, 'source'), requireText(eventId, 'eventId'), new Date().toISOString()],
	);
	return rows.length > 0;
}
