// ESM all the way: the @actions packages ship only ESM.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // Tests that change the whole machine (the QEMU registration) run where nothing else builds:
  // scripts/test.sh runs them with E2E_MACHINE_WIDE set (npm run test:machine-wide), before every
  // other end-to-end file, beside the unit tests.
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.E2E_MACHINE_WIDE ? [] : ['/__tests__/e2e/qemu-registration\\.test\\.ts$'])],
  testTimeout: 300000,
  testSequencer: '<rootDir>/__tests__/support/sequencer.js'
}
