// Shared helpers for the project's scripts: run commands with progress, pick Node 24, keep
// installs idempotent (a marker holding the hash of what was installed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const runtimeDir = path.join(root, 'runtime');

export function step(message) {
	process.stdout.write(`\n▶ ${message}\n`);
}

export function fail(message) {
	process.stderr.write(`\n✖ ${message}\n`);
	process.exit(1);
}

export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
	if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
	if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function hashFiles(files) {
	const hash = createHash('sha256');
	for (const file of files) hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '');
	return hash.digest('hex');
}

/** Runs `npm ci` in `dir` unless the lockfile is unchanged since the last successful install. */
export function ensureInstalled(dir, label) {
	const marker = path.join(dir, 'node_modules', '.cj-installed');
	const wanted = hashFiles([path.join(dir, 'package.json'), path.join(dir, 'package-lock.json')]);
	if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) return false;
	step(`Installing ${label} (npm ci; the first time takes a few minutes)`);
	// ignore-scripts: no install script is needed (see .npmrc); native parts are built on demand.
	run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });
	fs.writeFileSync(marker, wanted);
	return true;
}

/** Node ≥ 24 for n8n 2.x and node:sqlite: this Node if new enough, else the runtime's Node 24. */
export function node24() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	const bundled = path.join(runtimeDir, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
	if (fs.existsSync(bundled)) return bundled;
	fail(
		`Node ${process.versions.node} is too old (n8n 2.x needs Node 24) and no Node 24 binary for ` +
			`${process.platform}-${process.arch} came with the runtime. Install Node 24 and run again.`,
	);
}

/** PATH with Node 24 first, so every tool started below (jest, n8n, npx) runs on it. */
export function envWithNode24(extra = {}) {
	const bin = path.dirname(node24());
	return { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, ...extra };
}

export function bin(name) {
	return path.join(root, 'node_modules', '.bin', name);
}
