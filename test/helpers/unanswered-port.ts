/**
 * A loopback port where a connection never completes: a server whose accept queue is full and
 * whose thread never accepts, so the kernel drops every further SYN. What a firewall that
 * swallows packets looks like to a client, without any network.
 */
import {connect, type Socket} from 'node:net'
import {Worker} from 'node:worker_threads'
import {onTestFinished} from 'vitest'

export async function unansweredPort(): Promise<number> {
  const wake = new Int32Array(new SharedArrayBuffer(4))
  // The listener lives on a worker whose thread sleeps: nothing accepts while it does.
  const worker = new Worker(
    `const {workerData, parentPort} = require('node:worker_threads')
     const server = require('node:net').createServer()
     server.listen({port: 0, host: '127.0.0.1', backlog: 1}, () => {
       parentPort.postMessage(server.address().port)
       Atomics.wait(workerData, 0, 0, 60000)
       server.close()
     })`,
    {eval: true, workerData: wake},
  )
  const port = await new Promise<number>((resolve, reject) => worker.once('message', resolve).once('error', reject))
  // A backlog of 1 queues two connections; each must be queued before the next SYN is sent.
  const fillers: Socket[] = []
  for (let i = 0; i < 2; i++) {
    const socket = connect(port, '127.0.0.1')
    fillers.push(socket)
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  }
  onTestFinished(async () => {
    for (const s of fillers) s.destroy()
    Atomics.store(wake, 0, 1)
    Atomics.notify(wake, 0)
    await worker.terminate()
  })
  return port
}
