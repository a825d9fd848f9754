/** n8n's executions, read straight from its PostgreSQL database (table execution_entity). */
import path from 'node:path';
import { Pool } from 'pg';

/** n8n saves run data with flatted; the runtime n8n has it. */
const flatted = require(path.resolve(__dirname, '..', '..', '..', 'runtime', 'node_modules', 'flatted')) as { parse(text: string): unknown };

export interface ExecutionCounts {
	total: number;
	success: number;
	failed: number;
	waiting: number;
	running: number;
}

const FAILED = ['error', 'crashed', 'canceled'];

export class Executions {
	readonly pool: Pool;

	constructor(databaseUrl: string) {
		this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
		this.pool.on('error', () => undefined);
	}

	async counts(workflowId: string): Promise<ExecutionCounts> {
		const { rows } = await this.pool.query(
			`SELECT count(*)::int AS total,
				count(*) FILTER (WHERE status = 'success')::int AS success,
				count(*) FILTER (WHERE status = ANY($2))::int AS failed,
				count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
				count(*) FILTER (WHERE status IN ('new', 'running'))::int AS running
			FROM execution_entity WHERE "workflowId" = $1 AND "deletedAt" IS NULL`,
			[workflowId, FAILED],
		);
		return rows[0] as ExecutionCounts;
	}

	/**
	 * Polls until `expected` executions of the workflow have ended (success or failure); resolves
	 * with performance.now() of the poll that saw it, so a measured time includes n8n's saving.
	 * Throws on a failed execution (with its error; unless `failuresEnd`, where failed ones count as
	 * ended) or after `timeoutMs` without progress.
	 */
	async waitForEnded(
		workflowId: string,
		expected: number,
		{ timeoutMs = 120_000, intervalMs = 100, failuresEnd = false } = {},
	): Promise<{ at: number; counts: ExecutionCounts }> {
		let last = -1;
		let progressAt = Date.now();
		for (;;) {
			const counts = await this.counts(workflowId);
			const at = performance.now();
			if (counts.failed && !failuresEnd) throw new Error(`${counts.failed} execution(s) of ${workflowId} failed: ${await this.firstError(workflowId)}`);
			const ended = counts.success + (failuresEnd ? counts.failed : 0);
			if (ended >= expected) return { at, counts };
			if (ended !== last) {
				last = ended;
				progressAt = Date.now();
			} else if (Date.now() - progressAt > timeoutMs) {
				throw new Error(`only ${ended} of ${expected} executions of ${workflowId} finished; none for ${timeoutMs / 1000} s (${JSON.stringify(counts)})`);
			}
			await new Promise((resolve) => setTimeout(resolve, intervalMs));
		}
	}

	/** The saved run data of one execution (n8n's IRunExecutionData). */
	async runData(executionId: string): Promise<any> {
		const { rows } = await this.pool.query('SELECT data FROM execution_data WHERE "executionId" = $1', [executionId]);
		return rows[0] ? flatted.parse(String(rows[0].data)) : undefined;
	}

	/** The first failed execution's error message. */
	async firstError(workflowId: string): Promise<string> {
		const { rows } = await this.pool.query(
			`SELECT id, status FROM execution_entity WHERE "workflowId" = $1 AND status = ANY($2) ORDER BY id LIMIT 1`,
			[workflowId, FAILED],
		);
		if (!rows[0]) return 'none';
		const data = await this.runData(String(rows[0].id)).catch(() => undefined);
		const error = data?.resultData?.error;
		const where = error?.node?.name ? ` in node "${error.node.name}"` : ' (no node: n8n itself)';
		return `execution ${rows[0].id} (${rows[0].status}): ${error ? `${error.message ?? ''}${error.description ? ` (${error.description})` : ''}${where}` : 'no error saved'}`;
	}

	async close(): Promise<void> {
		await this.pool.end().catch(() => undefined);
	}
}
