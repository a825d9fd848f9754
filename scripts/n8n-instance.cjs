// One n8n instance with this package installed as a community package: used by `npm start`
// and by the end-to-end tests. Everything lives in a user folder of the caller's choosing.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { envWithNode24, freePort, node24, root, run, runtimeDir, step } = require('./lib.cjs');

const n8nBin = path.join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** n8n's SQLite driver is a native addon: build it once for the Node 24 that runs n8n. */
function ensureSqlite3Built() {
	const marker = path.join(runtimeDir, 'node_modules', '.cj-sqlite3-built');
	const nodePath = node24();
	const wanted = `${nodePath} ${spawnSync(nodePath, ['-v'], { encoding: 'utf8' }).stdout.trim()}`;
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return;
	step("Building n8n's SQLite driver for Node 24 (about a minute, once)");
	const nodedir = path.resolve(path.dirname(nodePath), '..');
	run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--build-from-source', `--nodedir=${nodedir}`, '--loglevel=error'], {
		cwd: runtimeDir,
		env: envWithNode24(),
	});
	fs.writeFileSync(marker, wanted);
}

/** Packs the built package (what npm would publish) and installs that tarball as n8n would. */
function installPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-pack-'));
	const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
	const [{ filename }] = JSON.parse(packed.stdout);
	step('Installing the package into n8n as a community package');
	// n8n resolves n8n-workflow for community packages from its own node_modules (NODE_PATH),
	// so the peer dependency is not installed again.
	run('npm', ['install', path.join(packDir, filename), '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
	});
	fs.rmSync(packDir, { recursive: true, force: true });
}

function n8nEnv({ userFolder, port, extra = {} }) {
	const env = envWithNode24({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_HOST: 'localhost',
		WEBHOOK_URL: `http://localhost:${port}/`,
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		...extra,
	});
	// Started from jest, NODE_ENV=test would switch n8n into its own test configuration.
	delete env.NODE_ENV;
	delete env.JEST_WORKER_ID;
	return env;
}

function n8nCli(args, env) {
	const result = spawnSync(node24(), [n8nBin, ...args], { env, encoding: 'utf8', cwd: root });
	if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/** Imports every workflow JSON in `dir` and, unless told not to, publishes (activates) them. */
function importWorkflows(dir, env, { publish = true } = {}) {
	const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
	step(`Importing ${files.length} workflows from ${path.relative(root, dir) || dir}`);
	n8nCli(['import:workflow', '--separate', `--input=${dir}`], env);
	const ids = [];
	if (!publish) return ids;
	for (const file of files) {
		const workflow = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		if (!workflow.id) throw new Error(`${file} has no "id": n8n could not publish it after import`);
		if (workflow.meta?.publish === false) continue;
		n8nCli(['publish:workflow', `--id=${workflow.id}`], env);
		ids.push(workflow.id);
	}
	return ids;
}

const started = new Set();
// An n8n left running by a test whose hook timed out must not outlive the test run.
process.on('exit', () => {
	for (const child of started) child.kill('SIGKILL');
});

/**
 * Starts `n8n <args>` (start, worker, webhook) and resolves once `readyUrl` answers 2xx;
 * `stop(signal)` sends the signal and resolves when the process has exited (SIGKILL after 20 s).
 */
async function startN8nProcess({ args, env, readyUrl, logFile, timeoutMs = 180_000 }) {
	const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
	const child = spawn(node24(), [n8nBin, ...args], { env, cwd: root, stdio: ['ignore', out, out] });
	if (typeof out === 'number') fs.closeSync(out);
	started.add(child);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	child.on('exit', () => started.delete(child));
	const what = `n8n ${args[0]}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${what} exited with ${child.exitCode ?? child.signalCode} while starting${logFile ? ` (see ${logFile})` : ''}`);
		}
		const response = await fetch(readyUrl).catch(() => undefined);
		if (response?.ok) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${what} did not answer ${readyUrl} within ${timeoutMs / 1000} s${logFile ? ` (see ${logFile})` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return {
		child,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill(signal);
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/** Starts the main n8n process and resolves once it answers /healthz/readiness. */
async function startN8n({ env, port, logFile, timeoutMs }) {
	// n8n's task broker listens on 5679 unless told otherwise: a second n8n on this machine (npm start,
	// a benchmark, another test) would exit at start with the port taken.
	const brokerPort = env.N8N_RUNNERS_BROKER_PORT ?? String(await freePort());
	return await startN8nProcess({ args: ['start'], env: { ...env, N8N_RUNNERS_BROKER_PORT: brokerPort }, readyUrl: `http://127.0.0.1:${port}/healthz/readiness`, logFile, timeoutMs });
}

module.exports = { ensureSqlite3Built, installPackage, n8nEnv, n8nCli, importWorkflows, startN8n, startN8nProcess };
