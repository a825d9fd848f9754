// Shared helpers for the project's scripts and the e2e tests: run commands, pick Node 24, keep
// installs idempotent (a marker holding the hash of what was installed). CommonJS, so jest can
// require it; functions throw, and the command-line scripts turn errors into exit codes.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const runtimeDir = path.join(root, 'runtime');

function step(message) {
	process.stdout.write(`\n▶ ${message}\n`);
}

/** Runs a script body and turns a thrown error into a clear message and exit code 1. */
async function main(body) {
	try {
		await body();
	} catch (error) {
		process.stderr.write(`\n✖ ${error.message}\n`);
		process.exit(1);
	}
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
	if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function hashFiles(files) {
	const hash = createHash('sha256');
	for (const file of files) hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '');
	return hash.digest('hex');
}

/**
 * Installs `dir`'s locked dependencies unless package.json and the lock are unchanged since the
 * last successful install. `npm install` (which follows the lock), not `npm ci`: the registry
 * these machines reach lacks some other platforms' optional binaries, so the lock cannot list
 * them and `npm ci` refuses such a lock.
 */
function ensureInstalled(dir, label) {
	const marker = path.join(dir, 'node_modules', '.cj-installed');
	const wanted = hashFiles([path.join(dir, 'package.json'), path.join(dir, 'package-lock.json')]);
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return false;
	step(`Installing ${label} (the first time takes a few minutes)`);
	// ignore-scripts: no install script is needed (see .npmrc); native parts are built on demand.
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
	fs.writeFileSync(marker, wanted);
	return true;
}

/** Node ≥ 24 for n8n 2.x and node:sqlite: this Node if new enough, else the runtime's Node 24. */
function node24() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	const bundled = path.join(runtimeDir, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
	if (fs.existsSync(bundled)) return bundled;
	throw new Error(
		`Node ${process.versions.node} is too old (n8n 2.x needs Node 24) and no Node 24 binary for ` +
			`${process.platform}-${process.arch} came with the runtime. Install Node 24 and run again.`,
	);
}

/** PATH with Node 24 first, so every tool started below (jest, n8n, npx) runs on it. */
function envWithNode24(extra = {}) {
	const bin = path.dirname(node24());
	return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, ...extra };
}

/**
 * Headless Chromium for the editor test (Playwright drives the system browser; it cannot
 * download its own here). Installed from Debian's packages when missing and apt is available.
 */
function ensureChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
	const found = candidates.find((candidate) => fs.existsSync(candidate));
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(
			'The editor test needs Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) ' +
				'or set CHROMIUM_PATH to a Chromium/Chrome binary, then run again.',
		);
	}
	step("Installing Chromium from Debian's packages for the editor test (once)");
	run('apt-get', ['update', '-qq']);
	run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	return '/usr/bin/chromium';
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function bin(name) {
	return path.join(root, 'node_modules', '.bin', name);
}

module.exports = { root, runtimeDir, step, main, run, ensureInstalled, ensureChromium, node24, envWithNode24, bin, freePort };
