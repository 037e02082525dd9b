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
    'push0-demo': {
      provider: 'push0',
      segments: 'segments/push0',
      apiKeyEnv: 'PUSH0_API_KEY',
      endpoint: 'embedded',
      emulatorSeed: 'segments/emulator-seeds/push0.json',
    },
    'mailglyph-demo': {
      provider: 'mailglyph',
      segments: 'segments/mailglyph',
      apiKeyEnv: 'MAILGLYPH_API_KEY',
      endpoint: 'embedded',
      emulatorSeed: 'segments/emulator-seeds/mailglyph.json',
    },
    'altcraft-demo': {
      provider: 'altcraft',
      segments: 'segments/altcraft',
      // Altcraft is self-hosted: a real workspace names its own origin, e.g. 'https://altcraft.example.com'.
      apiKeyEnv: 'ALTCRAFT_API_TOKEN',
      endpoint: 'embedded',
      emulatorSeed: 'segments/emulator-seeds/altcraft.json',
    },
    'kibamail-demo': {
      provider: 'kibamail',
      segments: 'segments/kibamail',
      // The key needs the read:segments and write:segments scopes (read:topics to check topic ids).
      apiKeyEnv: 'KIBAMAIL_API_KEY',
      endpoint: 'embedded',
      emulatorSeed: 'segments/emulator-seeds/kibamail.json',
    },
  },
  policy: {campaignImpact: 'block', unknownUsage: 'warn'},
})
