#!/usr/bin/env node
// The test command (npm test): installs what is missing, builds, lints, type-checks and runs
// every jest suite on Node 24 (unit, store, engine and end-to-end against a real n8n).
// PostgreSQL for the store tests: see test/support/postgres.ts.
import lib from './lib.cjs';
import instance from './n8n-instance.cjs';

const { bin, ensureChromium, ensureInstalled, envWithNode24, main, root, run, runtimeDir, step } = lib;

await main(async () => {
	const jestArgs = process.argv.slice(2);
	ensureInstalled(root, 'the package dependencies');
	ensureInstalled(runtimeDir, 'the pinned n8n runtime (n8n 2.40.7, Node 24)');
	instance.ensureSqlite3Built();
	const env = envWithNode24({ CHROMIUM_PATH: ensureChromium() });

	step('Build (tsc + gulp)');
	run('npm', ['run', '--silent', 'build'], { env });

	step('Lint (eslint-plugin-n8n-nodes-base + @n8n/eslint-plugin-community-nodes, zero warnings)');
	run('npm', ['run', '--silent', 'lint'], { env });

	step('Type-check (sources, tests, benchmarks)');
	run('npm', ['run', '--silent', 'typecheck'], { env });

	step('Tests (jest on Node 24)');
	// --forceExit: an n8n whose start outlived a timed-out hook would otherwise keep jest (and CI)
	// waiting after the last test; n8n-instance.cjs kills such processes when jest exits.
	run(bin('jest'), ['--ci', '--forceExit', ...jestArgs], { env });
});
