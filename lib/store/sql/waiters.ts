import { newId } from '../ids';
import { EVENT_TYPES, type EventType, type RegisterWaiterInput, type TakeWaitersInput, type Waiter } from '../types';
import { oneOf, requireText, toUtcIso } from '../validate';
import type { SqlExecutor, SqlRow } from './driver';
import { iso, text, textOrNull } from './rows';

const toWaiter = (row: SqlRow): Waiter => ({
	id: text(row.id),
	contactId: text(row.contact_id),
	visitId: textOrNull(row.visit_id),
	eventTypes: text(row.event_types).split(',').filter(Boolean) as EventType[],
	resumeUrl: text(row.resume_url),
	executionId: textOrNull(row.execution_id),
	createdAt: iso(row.created_at),
	expiresAt: iso(row.expires_at),
});

export async function registerWaiter(db: SqlExecutor, input: RegisterWaiterInput): Promise<Waiter> {
	const types = input.eventTypes.map((type) => oneOf(type, EVENT_TYPES, 'eventTypes'));
	if (!types.length) throw new Error('registerWaiter: eventTypes is empty');
	const now = new Date().toISOString();
	// Housekeeping: expired registrations can never be taken.
	await db.query('DELETE FROM cj_waiters WHERE expires_at <= $1', [now]);
	const [row] = await db.query(
		`INSERT INTO cj_waiters (id, contact_id, visit_id, event_types, resume_url, execution_id, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
		[
			newId(),
			requireText(input.contactId, 'contactId'),
			input.visitId ?? null,
			types.join(','),
			requireText(input.resumeUrl, 'resumeUrl'),
			input.executionId ?? null,
			now,
			toUtcIso(input.expiresAt, 'expiresAt'),
		],
	);
	return toWaiter(row!);
}

export async function takeWaiters(db: SqlExecutor, input: TakeWaitersInput): Promise<Waiter[]> {
	const rows = await db.query(
		`DELETE FROM cj_waiters
		WHERE contact_id = $1 AND expires_at > $2
			AND (',' || event_types || ',') LIKE $3
			AND (visit_id IS NULL OR CAST($4 AS TEXT) IS NULL OR visit_id = CAST($4 AS TEXT))
		RETURNING *`,
		[
			requireText(input.contactId, 'contactId'),
			input.now === undefined ? new Date().toISOString() : toUtcIso(input.now, 'now'),
			`%,${oneOf(input.eventType, EVENT_TYPES, 'eventType')},%`,
			input.visitId ?? null,
		],
	);
	return rows.map(toWaiter).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
