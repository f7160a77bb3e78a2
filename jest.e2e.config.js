/**
 * End-to-end tests: the packed package in real n8n (2.40.7 on Node 24, 1.123.81 on Node 20), provisioned by
 * scripts/runtime.ts into .runtime/. Run with `npm run test:e2e` (builds first). `E2E_LINES=2.x` (or 1.x)
 * limits the run to one n8n line. See test/e2e/README.md.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
	},
	// packs the package and makes sure both n8n runtimes are installed (the first run installs them: minutes)
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	// each suite boots n8n a few times (3-10 s per boot on 2 cores)
	testTimeout: 5 * 60_000,
	maxWorkers: 2,
	verbose: true,
};
