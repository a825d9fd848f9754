import { inputError, notFoundError } from '../errors';
import { newId } from '../ids';
import { VISIT_STATUSES, type UpsertVisitResult, type Visit, type VisitInput, type VisitListItem, type VisitQuery, type VisitRef, type VisitStatus } from '../types';
import { oneOf, sortStrings, toUtcIso } from '../validate';
import { forUpdate, Params, type SqlDriver, type SqlExecutor } from './driver';
import { firstRowsBy } from './read-batch';
import { text, toVisit, toVisitListItem } from './rows';
import { normaliseVisitInput, planVisitChange } from './visit-change';

const DEFAULT_LIST_LIMIT = 1000;

export async function upsertVisit(db: SqlDriver, raw: VisitInput): Promise<UpsertVisitResult> {
	const input = normaliseVisitInput(raw);
	return db.transaction(async (tx) => {
		const now = new Date().toISOString();
		// A new visit costs one statement. On an existing external_id the insert does nothing (after
		// waiting for a concurrent creator to commit), and the row lock below serialises the update.
		const n = planVisitChange(null, input).fields;
		const [inserted] = await tx.query(
			`INSERT INTO cj_visits (id, external_id, contact_id, service, location, staff, start_at, end_at, status, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $10) ON CONFLICT (external_id) DO NOTHING RETURNING *`,
			[newId(), input.externalId, n.contactId, n.service, n.location, n.staff, n.startAt, n.endAt, n.status, now],
		);
		if (inserted) return { visit: toVisit(inserted), created: true, changed: true, versionBumped: false };
		const [row] = await tx.query(`SELECT * FROM cj_visits WHERE external_id = $1${forUpdate(db.dialect)}`, [input.externalId]);
		const existing = toVisit(row!);
		const plan = planVisitChange(existing, input);
		const f = plan.fields;
		if (!plan.changed) return { visit: existing, created: false, changed: false, versionBumped: false };
		const rows = await tx.query(
			`UPDATE cj_visits SET contact_id = $2, service = $3, location = $4, staff = $5, start_at = $6, end_at = $7,
				status = $8, version = $9, updated_at = $10 WHERE id = $1 RETURNING *`,
			[existing.id, f.contactId, f.service, f.location, f.staff, f.startAt, f.endAt, f.status,
				existing.version + (plan.versionBumped ? 1 : 0), now],
		);
		return { visit: toVisit(rows[0]!), created: false, changed: true, versionBumped: plan.versionBumped };
	});
}

export function refWhere(ref: VisitRef): [string, string] {
	if ('id' in ref && typeof ref.id === 'string') return ['id', ref.id];
	if ('externalId' in ref && typeof ref.externalId === 'string') return ['external_id', ref.externalId];
	throw inputError('a visit reference needs an id or an externalId');
}

export async function getVisit(db: SqlExecutor, ref: VisitRef): Promise<Visit | null> {
	const [column, value] = refWhere(ref);
	const [row] = await db.query(`SELECT * FROM cj_visits WHERE ${column} = $1`, [value]);
	return row ? toVisit(row) : null;
}

/** getVisit for a batch of refWhere() answers (see read-batch.ts). */
export async function getVisits(db: SqlExecutor, refs: ReadonlyArray<[string, string]>): Promise<Array<Visit | null>> {
	const rows = await firstRowsBy(db, 'cj_visits', '', refs);
	return rows.map((row) => (row ? toVisit(row) : null));
}

/** Status is not part of the slot: the version never changes here. */
export async function setVisitStatus(db: SqlDriver, ref: VisitRef, rawStatus: VisitStatus): Promise<{ visit: Visit; changed: boolean }> {
	const status = oneOf(rawStatus, VISIT_STATUSES, 'status');
	const [column, value] = refWhere(ref);
	const [updated] = await db.query(
		`UPDATE cj_visits SET status = $2, updated_at = $3 WHERE ${column} = $1 AND status <> $2 RETURNING *`,
		[value, status, new Date().toISOString()],
	);
	if (updated) return { visit: toVisit(updated), changed: true };
	const visit = await getVisit(db, ref);
	if (!visit) throw notFoundError(`no visit with ${column} ${JSON.stringify(value)}`);
	return { visit, changed: false };
}

export async function listVisits(db: SqlExecutor, query: VisitQuery): Promise<VisitListItem[]> {
	const p = new Params();
	const where: string[] = [];
	const ended = 'COALESCE(v.end_at, v.start_at)';
	if (query.contactId !== undefined) where.push(`v.contact_id = ${p.add(query.contactId)}`);
	if (query.services?.length) where.push(`v.service IN (${p.list(query.services)})`);
	if (query.statuses?.length) where.push(`v.status IN (${p.list(query.statuses.map((s) => oneOf(s, VISIT_STATUSES, 'statuses')))})`);
	if (query.endedAfter) where.push(`${ended} >= ${p.add(toUtcIso(query.endedAfter, 'endedAfter'))}`);
	if (query.endedBefore) where.push(`${ended} < ${p.add(toUtcIso(query.endedBefore, 'endedBefore'))}`);
	if (query.startsAfter) where.push(`v.start_at >= ${p.add(toUtcIso(query.startsAfter, 'startsAfter'))}`);
	if (query.startsBefore) where.push(`v.start_at < ${p.add(toUtcIso(query.startsBefore, 'startsBefore'))}`);
	if (query.notClaimedFor) {
		where.push(`NOT EXISTS (SELECT 1 FROM cj_processed_events e WHERE e.source = ${p.add(query.notClaimedFor)} AND e.event_id = v.id)`);
	}
	if (query.after) {
		const startAt = p.add(toUtcIso(query.after.startAt, 'after.startAt'));
		where.push(`(v.start_at > ${startAt} OR (v.start_at = ${startAt} AND v.id > ${p.add(query.after.id)}))`);
	}
	const future = p.add(query.futureAfter ? toUtcIso(query.futureAfter, 'futureAfter') : new Date().toISOString());
	const limit = p.add(Math.max(1, Math.min(query.limit ?? DEFAULT_LIST_LIMIT, 100_000)));
	const rows = await db.query(
		`SELECT v.*, EXISTS (
			SELECT 1 FROM cj_visits f WHERE f.contact_id = v.contact_id AND f.id <> v.id
				AND f.start_at > ${future} AND f.status IN ('scheduled', 'rescheduled')
		) AS has_future_visit
		FROM cj_visits v ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
		ORDER BY v.start_at, v.id LIMIT ${limit}`,
		p.values,
	);
	return rows.map(toVisitListItem);
}

export async function listServices(db: SqlExecutor): Promise<string[]> {
	const rows = await db.query('SELECT DISTINCT service FROM cj_visits WHERE service IS NOT NULL');
	return sortStrings(rows.map((row) => text(row.service)));
}
