/**
 * A real n8n 2.40.7 in queue mode (scripts/queue-cluster.cjs) for the queue tests: main, workers
 * and a webhook process on the PostgreSQL server jest's globalSetup found (or started), Redis
 * found or started by the script, the packed package installed as a community package.
 */
import { Pool } from 'pg';

import { restClient, type RestClient } from '../../e2e/support/instance';

export interface ClusterProcess {
	name: string;
	logFile: string;
	readonly pid: number | undefined;
	/** `env` overrides this start only (a variable set to undefined is removed). */
	start(env?: Record<string, string | undefined>): Promise<void>;
	/** Sends the signal (default SIGKILL) and resolves once the process has exited. */
	kill(signal?: NodeJS.Signals): Promise<void>;
	restart(env?: Record<string, string | undefined>): Promise<void>;
	stop(): Promise<void>;
}

interface ClusterHandle {
	dir: string;
	logDir: string;
	env: NodeJS.ProcessEnv;
	mainUrl: string;
	webhookUrl: string;
	database: string;
	redis: { host: string; port: number; prefix: string; source: string };
	main: ClusterProcess;
	webhook: ClusterProcess;
	workers: ClusterProcess[];
	stop(options?: { keepDir?: boolean }): Promise<void>;
}

export interface QueueCluster extends ClusterHandle, RestClient {
	/** n8n's database, which holds the Journey Store's cj_* tables too. */
	db: Pool;
}

export interface ClusterOptions {
	workflows?: object[];
	credentials?: object[];
	workers?: number;
	concurrency?: number;
	/** PostgreSQL connections per n8n process for n8n and for its Journey Store (scripts/queue-cluster.cjs). */
	poolSize?: number;
	storePoolSize?: number;
	env?: Record<string, string>;
}

const { startQueueCluster } = require('../../../scripts/queue-cluster.cjs') as {
	startQueueCluster(options: ClusterOptions & { postgresUrl: string }): Promise<ClusterHandle>;
};

/** The server globalSetup published (test/support/postgres.ts), or the reason it has none. */
function testPostgresServer(): string {
	const error = process.env.JOURNEY_TEST_PG_ERROR;
	if (error) throw new Error(`PostgreSQL is unavailable for the queue-mode tests: ${error}`);
	const url = process.env.JOURNEY_TEST_PG_SERVER;
	if (!url) throw new Error('JOURNEY_TEST_PG_SERVER is not set: run the tests through jest.config.js (its globalSetup finds PostgreSQL)');
	return url;
}

export async function startCluster(options: ClusterOptions): Promise<QueueCluster> {
	const handle = await startQueueCluster({ ...options, postgresUrl: testPostgresServer() });
	const db = new Pool({ connectionString: handle.database, max: 2 });
	db.on('error', () => undefined);
	const stop = handle.stop.bind(handle);
	return Object.assign(handle, restClient(handle.mainUrl), {
		db,
		async stop(stopOptions?: { keepDir?: boolean }) {
			await db.end().catch(() => undefined);
			await stop(stopOptions);
		},
	});
}

/** Execution counts by status for one workflow, from n8n's own table. */
export async function executionStatuses(cluster: QueueCluster, workflowId: string): Promise<Record<string, number>> {
	const { rows } = await cluster.db.query<{ status: string; count: string }>(
		'SELECT status, count(*) AS count FROM execution_entity WHERE "workflowId" = $1 GROUP BY status',
		[workflowId],
	);
	return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

/** Runs `task` for every item with at most `limit` at a time. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async () => {
		for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index], index);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
	return results;
}
