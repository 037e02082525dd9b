import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // oclif and the e2e helpers write to the real stdout.
    disableConsoleIntercept: true,
  },
})
