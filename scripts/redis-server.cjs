// Redis for the queue-mode cluster: the server on 127.0.0.1:6379 when it answers PING, else a
// redis-server started here on a free port (installed from Debian's packages when missing and
// apt-get is available as root). A tiny RESP client is enough for PING and the clean-up.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { freePort, run, step } = require('./lib.cjs');

/** Sends one command and resolves with its reply (simple string, integer or bulk string). */
function redisCommand({ host, port }, args, timeoutMs = 3000) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host, port });
		let buffer = '';
		const fail = (error) => {
			socket.destroy();
			reject(error);
		};
		socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from Redis at ${host}:${port}`)));
		socket.on('error', fail);
		socket.on('connect', () => socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`).join('')}`));
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			const end = buffer.indexOf('\r\n');
			if (end < 0) return;
			const [type, line] = [buffer[0], buffer.slice(1, end)];
			if (type === '$') {
				const length = Number(line);
				if (length >= 0 && buffer.length < end + 2 + length + 2) return;
				socket.end();
				return resolve(length < 0 ? null : buffer.slice(end + 2, end + 2 + length));
			}
			socket.end();
			if (type === '-') reject(new Error(`Redis: ${line}`));
			else resolve(type === ':' ? Number(line) : line);
		});
	});
}

const ping = async (server) => (await redisCommand(server, ['PING'])) === 'PONG';

/** Deletes every key that starts with `prefix` (a cluster's Bull queue and pub/sub keys). */
async function deleteKeys(server, prefix) {
	const script =
		"local keys = redis.call('KEYS', ARGV[1]) for i = 1, #keys, 1000 do redis.call('DEL', unpack(keys, i, math.min(i + 999, #keys))) end return #keys";
	return await redisCommand(server, ['EVAL', script, '0', `${prefix}*`], 30_000);
}

function findRedisServer() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
	if (found) return found;
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(candidate)) return candidate;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) return undefined;
	step("Installing redis-server from Debian's packages for queue mode (once)");
	run('apt-get', ['update', '-qq']);
	run('apt-get', ['install', '-y', '-qq', 'redis-server'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	return fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined;
}

async function startRedisServer(binary, logFile) {
	const port = await freePort();
	const out = fs.openSync(logFile, 'a');
	const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const server = { host: '127.0.0.1', port };
	for (let attempt = 0; !(await ping(server).catch(() => false)); attempt++) {
		if (child.exitCode !== null || attempt > 50) {
			child.kill('SIGKILL');
			throw new Error(`redis-server did not start on port ${port} (see ${logFile})`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	return {
		...server,
		source: 'started',
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			await exited;
		},
	};
}

/**
 * `{ host, port }` if given, else 127.0.0.1:6379 when it answers PING, else a redis-server
 * started here (its log in `logDir`). `stop()` stops only a server started here.
 */
async function findOrStartRedis({ host, port, logDir }) {
	if (host || port) {
		const given = { host: host || '127.0.0.1', port: Number(port || 6379) };
		if (!(await ping(given).catch(() => false))) throw new Error(`Redis at ${given.host}:${given.port} does not answer PING`);
		return { ...given, source: 'given', stop: async () => undefined };
	}
	const local = { host: '127.0.0.1', port: 6379 };
	if (await ping(local).catch(() => false)) return { ...local, source: 'local', stop: async () => undefined };
	const binary = findRedisServer();
	if (!binary) {
		throw new Error(
			'Queue mode needs Redis: nothing answers on 127.0.0.1:6379 and redis-server is not installed. ' +
				'Install it (Debian/Ubuntu: sudo apt-get install redis-server) or pass QUEUE_REDIS_HOST/QUEUE_REDIS_PORT.',
		);
	}
	return await startRedisServer(binary, path.join(logDir, 'redis.log'));
}

module.exports = { findOrStartRedis, deleteKeys, redisCommand };
