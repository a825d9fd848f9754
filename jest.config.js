/** Jest runs on the Node 24 that scripts/test.mjs picks (node:sqlite needs it). */
module.exports = {
	testEnvironment: '<rootDir>/test/support/n8n-environment.js',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// One n8n-workflow for the engine and for our nodes, as inside n8n itself (see the shim).
	moduleNameMapper: {
		'^n8n-workflow$': '<rootDir>/test/support/n8n-workflow.js',
	},
	testTimeout: 60000,
	// Journey Store tests: find or start PostgreSQL once per run (test/support/postgres.ts).
	globalSetup: '<rootDir>/test/support/global-setup.ts',
	globalTeardown: '<rootDir>/test/support/global-teardown.ts',
	reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
