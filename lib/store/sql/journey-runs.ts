/**
 * Journey runs: for each n8n execution of a journey, the item as it first reached a Customer
 * Journey node. n8n replaces the data of an execution whose worker died (MaxStalledCountError in
 * queue mode) with the error alone, so this record is what lets Journey Recovery start that
 * journey again. The execution ID stays the same across parks and resumes, so one row per journey.
 */
import type { JourneyRun, RecordJourneyRunInput } from '../types';
import { requireText } from '../validate';
import type { SqlExecutor, SqlRow } from './driver';
import { iso, json, text } from './rows';

const KEEP_DAYS = 90;
const DAY_MS = 86_400_000;

const toJourneyRun = (row: SqlRow): JourneyRun => ({
	executionId: text(row.execution_id),
	workflowId: text(row.workflow_id),
	node: text(row.node),
	item: json(row.item),
	recordedAt: iso(row.recorded_at),
});

export async function recordJourneyRun(db: SqlExecutor, input: RecordJourneyRunInput): Promise<void> {
	const now = Date.now();
	await db.query(
		`INSERT INTO cj_journey_runs (execution_id, workflow_id, node, item, recorded_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (execution_id) DO NOTHING`,
		[
			requireText(input.executionId, 'executionId'),
			requireText(input.workflowId, 'workflowId'),
			requireText(input.node, 'node'),
			JSON.stringify(input.item),
			new Date(now).toISOString(),
		],
	);
	await db.query('DELETE FROM cj_journey_runs WHERE recorded_at < $1', [new Date(now - KEEP_DAYS * DAY_MS).toISOString()]);
}

export async function getJourneyRun(db: SqlExecutor, executionId: string): Promise<JourneyRun | null> {
	const [row] = await db.query('SELECT * FROM cj_journey_runs WHERE execution_id = $1', [requireText(executionId, 'executionId')]);
	return row ? toJourneyRun(row) : null;
}
