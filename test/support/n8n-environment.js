/**
 * Jest environment for tests that run the real n8n engine. Jest runs test code in a vm context
 * with its own module registry; n8n-core and n8n-nodes-base must instead load through Node's own
 * require (they need require(esm) and load once per worker, as in n8n). This environment hands
 * the test context that native require, rooted in the pinned runtime, and the outer global, whose
 * Date the virtual clock must also fake because the engine's code lives in the outer realm.
 */
const { TestEnvironment } = require('jest-environment-node');
const { createRequire } = require('node:module');
const path = require('node:path');

const runtimeRequire = createRequire(
	path.join(__dirname, '..', '..', 'runtime', 'node_modules', 'n8n-core', 'package.json'),
);

class N8nEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		this.global.__cjRuntimeRequire = runtimeRequire;
		this.global.__cjOuterGlobal = globalThis;
	}
}

module.exports = N8nEnvironment;
