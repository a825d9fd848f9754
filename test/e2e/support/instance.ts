/**
 * A real n8n 2.40.7 (the pinned runtime, on SQLite) with this package installed from its packed
 * tarball as a community package — the same path a user takes — for the end-to-end tests.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const scripts = path.resolve(__dirname, '..', '..', '..', 'scripts');
const instance = require(path.join(scripts, 'n8n-instance.cjs')) as {
	ensureSqlite3Built(): void;
	installPackage(userFolder: string): void;
	n8nEnv(options: { userFolder: string; port: number; extra?: Record<string, string> }): NodeJS.ProcessEnv;
	n8nCli(args: string[], env: NodeJS.ProcessEnv): string;
	importWorkflows(dir: string, env: NodeJS.ProcessEnv, options?: { publish?: boolean }): string[];
	startN8n(options: { env: NodeJS.ProcessEnv; port: number; logFile?: string }): Promise<{
		child: { pid?: number; exitCode: number | null };
		stop(signal?: NodeJS.Signals): Promise<void>;
	}>;
};

export const OWNER = { email: 'owner@clinic.test', password: 'Journey-Test-2027', firstName: 'Ola', lastName: 'Owner' };

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface RestClient {
	/** Logs in as the owner (created on first call) and returns the session cookie. */
	login(): Promise<string>;
	/** n8n's internal REST API (`/rest…`) as the owner; returns the response's `data`. */
	rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
}

export interface N8nInstance extends RestClient {
	baseUrl: string;
	port: number;
	userFolder: string;
	logFile: string;
	env: NodeJS.ProcessEnv;
	/** The Journey Store's SQLite file (the default location inside the user folder). */
	storePath: string;
	restart(): Promise<void>;
	stop(): Promise<void>;
}

export interface InstanceOptions {
	/** Workflow JSON objects to import and publish before n8n starts. */
	workflows?: object[];
	/** Import without publishing (activating) them. */
	publish?: boolean;
	/** Credentials to import (decrypted `data`; n8n encrypts them on import). */
	credentials?: object[];
	env?: Record<string, string>;
}

/** The owner's session on n8n's REST API at `baseUrl` (the main process in queue mode). */
export function restClient(baseUrl: string): RestClient {
	let cookie: string | undefined;
	const client: RestClient = {
		async login() {
			if (cookie) return cookie;
			let response = await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			if (!response.ok) {
				response = await fetch(`${baseUrl}/rest/login`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
				});
			}
			if (!response.ok) throw new Error(`n8n login failed: ${response.status} ${await response.text()}`);
			cookie = response.headers.get('set-cookie')?.split(';')[0];
			if (!cookie) throw new Error('n8n login returned no session cookie');
			return cookie;
		},
		async rest<T>(method: string, route: string, body?: unknown): Promise<T> {
			const session = await client.login();
			const response = await fetch(`${baseUrl}/rest${route}`, {
				method,
				headers: { cookie: session, 'content-type': 'application/json', 'browser-id': 'cj-e2e' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${method} /rest${route}: ${response.status} ${text.slice(0, 500)}`);
			const parsed = JSON.parse(text) as { data?: T };
			return (parsed.data ?? parsed) as T;
		},
	};
	return client;
}

export async function startInstance(options: InstanceOptions = {}): Promise<N8nInstance> {
	instance.ensureSqlite3Built();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-e2e-n8n-'));
	const port = await freePort();
	const env = instance.n8nEnv({ userFolder, port, extra: { N8N_LISTEN_ADDRESS: '127.0.0.1', ...options.env } });
	instance.installPackage(userFolder);
	if (options.credentials?.length) {
		const file = path.join(userFolder, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(options.credentials));
		instance.n8nCli(['import:credentials', `--input=${file}`], env);
	}
	if (options.workflows?.length) {
		const dir = fs.mkdtempSync(path.join(userFolder, 'workflows-'));
		options.workflows.forEach((workflow, index) => fs.writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)));
		instance.importWorkflows(dir, env, { publish: options.publish ?? true });
	}
	const logFile = path.join(userFolder, 'n8n.log');
	let process = await instance.startN8n({ env, port, logFile });
	const baseUrl = `http://127.0.0.1:${port}`;
	const client = restClient(baseUrl);

	const n8n: N8nInstance = {
		baseUrl,
		port,
		userFolder,
		logFile,
		env,
		storePath: path.join(userFolder, '.n8n', 'journey-store.sqlite'),
		async restart() {
			await process.stop();
			process = await instance.startN8n({ env, port, logFile });
		},
		async stop() {
			await process.stop();
		},
		...client,
	};
	return n8n;
}
