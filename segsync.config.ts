import {defineConfig} from 'segsync'

// The repo's own example: every workspace runs against segsync's built-in emulator of its vendor
// (endpoint: 'embedded', state in .segsync/), so `npm run demo` works with no key and no network.
// For a real account, drop `endpoint` (or set the vendor's origin) and export the API key env var.
export default defineConfig({
  workspaces: {
    'sequenzy-demo': {
      provider: 'sequenzy',
      segments: 'segments/sequenzy',
      apiKeyEnv: 'SEQUENZY_API_KEY',
      endpoint: 'embedded',
      emulatorSeed: 'segments/emulator-seeds/sequenzy.json',
    },
  },
  policy: {campaignImpact: 'block', unknownUsage: 'warn'},
})
