// Writes oclif.manifest.json (research/ecosystem.md §1): with it, oclif imports only the command
// being run, so `segsync --version` and `--help` stay fast. No `oclif` dev dependency needed.
import {writeFileSync} from 'node:fs'
import {Plugin} from '@oclif/core'

const plugin = new Plugin({root: process.cwd(), type: 'core', ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true})
await plugin.load()
writeFileSync('oclif.manifest.json', JSON.stringify(plugin.manifest, null, 2) + '\n')
