// Loaded with `node --import` into the measured process: writes its peak RSS (KB) on exit.
import {writeFileSync} from 'node:fs'

process.on('exit', () => {
  if (process.env.SEGSYNC_BENCH_RSS_FILE) writeFileSync(process.env.SEGSYNC_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS))
})
