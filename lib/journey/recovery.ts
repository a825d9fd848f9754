/**
 * Journey Recovery's decision for one failed execution (pure). A journey is started again only
 * when n8n lost the run with the process running it — in queue mode a worker that died
 * (MaxStalledCountError), in regular mode n8n itself (WorkflowCrashedError) — because a run that
 * failed in a node would fail the same way again. Starting again from the recorded start is safe:
 * the delays recompute their instants, the conditions read the store, and the sends are claimed
 * by idempotency keys that do not name the execution, so nothing already sent goes out twice.
 */
import type { JourneyRun, JsonObject } from '../store';

/** The messages n8n 2.x stores for a run lost with its process. */
const LOST_RUN = [/failed to be processed too many times/i, /did not finish, possible out-of-memory/i];

export const isLostRun = (message: string): boolean => LOST_RUN.some((pattern) => pattern.test(message));

export interface RecoveryInput {
	failedExecutionId: string;
	errorMessage: string;
	/** The workflow Journey Recovery runs in: a journey is started again only in its own workflow. */
	workflowId: string;
	run: JourneyRun | null;
	onlyLostRuns: boolean;
	maxAttempts: number;
	now: string;
}

export type RecoveryPlan = { kind: 'restart'; item: JsonObject; attempt: number } | { kind: 'skip'; reason: string };

export function planRecovery(input: RecoveryInput): RecoveryPlan {
	const { failedExecutionId: id, run } = input;
	if (input.onlyLostRuns && !isLostRun(input.errorMessage)) {
		return { kind: 'skip', reason: `execution ${id} failed in a node, not with its process: starting it again would fail the same way` };
	}
	if (!run) {
		return { kind: 'skip', reason: `no journey start is recorded for execution ${id} (it failed before any Customer Journey node ran, held several items, or is over 90 days old)` };
	}
	if (run.workflowId !== input.workflowId) {
		return { kind: 'skip', reason: `execution ${id} belongs to workflow ${run.workflowId}: put the Error Trigger and Journey Recovery into that workflow` };
	}
	const previous = (run.item.recovery as { attempt?: unknown } | undefined)?.attempt;
	const attempt = (typeof previous === 'number' ? previous : 0) + 1;
	if (attempt > input.maxAttempts) {
		return { kind: 'skip', reason: `execution ${id}: the journey was lost ${attempt} times, more than the ${input.maxAttempts} allowed` };
	}
	const recovery = { failedExecutionId: id, attempt, error: input.errorMessage, startedAgainAt: input.now, recordedBy: run.node };
	return { kind: 'restart', item: { ...run.item, recovery }, attempt };
}
