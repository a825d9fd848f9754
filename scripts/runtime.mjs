#!/usr/bin/env node
// Installs the pinned n8n runtime (runtime/package.json: n8n 2.40.7 and a Node 24 binary) once.
// The engine harness, `npm start` and the end-to-end tests all use this one install.
import lib from './lib.cjs';

const { ensureInstalled, main, node24, runtimeDir } = lib;

await main(() => {
	ensureInstalled(runtimeDir, 'the pinned n8n runtime (n8n 2.40.7, Node 24)');
	console.log(`n8n runtime ready; Node 24 at ${node24()}`);
});
