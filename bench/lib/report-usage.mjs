// Loaded with `node --import` into the measured process: on exit, writes what it used to
// SEGSYNC_BENCH_USAGE_FILE as JSON: its peak RSS (KB) and its CPU time (ms, user + system, every
// thread: V8's compiler and GC threads work for the process as well).
import {writeFileSync} from 'node:fs'

process.on('exit', () => {
  if (!process.env.SEGSYNC_BENCH_USAGE_FILE) return
  const cpu = process.cpuUsage()
  writeFileSync(process.env.SEGSYNC_BENCH_USAGE_FILE, JSON.stringify({maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000}))
})
