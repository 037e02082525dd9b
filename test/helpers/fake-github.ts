/**
 * A local fake of the GitHub REST API's issue-comment endpoints, as documented
 * (https://docs.github.com/en/rest/issues/comments): list with per_page/page and a Link header whose
 * URLs use /repositories/{id}/… (as github.com's do), create, update, a read-only token (403
 * "Resource not accessible by integration", what a fork's pull request gets), the 65,536-character
 * body limit, and 401 for a wrong token. Loopback, ephemeral port, closed when the test ends.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {onTestFinished} from 'vitest'

export const GITHUB_TOKEN = 'ghs_fake_token_0123456789abcdefghij'

export interface FakeComment {
  id: number
  body: string
  user: {login: string; type: string}
  html_url: string
}

export interface FakeRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingMessage['headers']
  body?: {body?: string}
}

export interface FakeGitHub {
  url: string
  requests: FakeRequest[]
  /** Comments by pull request number. */
  comments: Map<number, FakeComment[]>
  /** Seed comments on a pull request (ids are assigned in order). */
  seed(pr: number, bodies: string[], user?: FakeComment['user']): FakeComment[]
  /** Answer the next N requests with this status (e.g. 502), then behave again. */
  failNext(status: number, count?: number): void
  writes(): FakeRequest[]
}

const OWNER = 'acme'
const REPO = 'segments'
const REPO_ID = 4242
const BOT = {login: 'github-actions[bot]', type: 'Bot'}

export async function fakeGitHub(options: {readOnly?: boolean} = {}): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>()
  const requests: FakeRequest[] = []
  let nextId = 1000
  let failures: number[] = []
  let base = ''

  const server = createServer((req, res) => {
    // A fault in the fake itself answers 500 with its message instead of leaving the request hanging.
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, {'content-type': 'text/plain'}).end(String(error))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base)
    const raw = await readBody(req)
    const body = raw ? (JSON.parse(raw) as {body?: string}) : undefined
    requests.push({method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, ...(body ? {body} : {})})
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {'content-type': 'application/json; charset=utf-8', ...headers})
      res.end(JSON.stringify(data))
    }
    const error = (status: number, message: string, extra: object = {}) => send(status, {message, documentation_url: 'https://docs.github.com/rest/issues/comments', status: String(status), ...extra})

    const failure = failures.shift()
    if (failure) return error(failure, 'Server Error')
    if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`) return error(401, 'Bad credentials')

    const list = matchPath(url.pathname, [`/repos/${OWNER}/${REPO}/issues/:n/comments`, `/repositories/${REPO_ID}/issues/:n/comments`])
    if (list && req.method === 'GET') {
      const all = comments.get(list) ?? []
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
      const page = Number(url.searchParams.get('page') ?? 1)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const link = (p: number) => `<${base}/repositories/${REPO_ID}/issues/${list}/comments?per_page=${perPage}&page=${p}>`
      const rels = [page < last ? `${link(page + 1)}; rel="next"` : '', page < last ? `${link(last)}; rel="last"` : '', page > 1 ? `${link(1)}; rel="first"` : '', page > 1 ? `${link(page - 1)}; rel="prev"` : '']
      const header = rels.filter(Boolean).join(', ')
      return send(200, all.slice((page - 1) * perPage, page * perPage), header ? {link: header} : {})
    }
    if (list && req.method === 'POST') {
      if (options.readOnly) return error(403, 'Resource not accessible by integration')
      const invalid = validateBody(body)
      if (invalid) return error(422, 'Validation Failed', {errors: [invalid]})
      const comment = newComment(list, body!.body!)
      comments.set(list, [...(comments.get(list) ?? []), comment])
      return send(201, comment)
    }
    const one = matchPath(url.pathname, [`/repos/${OWNER}/${REPO}/issues/comments/:n`])
    if (one && req.method === 'PATCH') {
      if (options.readOnly) return error(403, 'Resource not accessible by integration')
      const comment = [...comments.values()].flat().find((c) => c.id === one)
      if (!comment) return error(404, 'Not Found')
      const invalid = validateBody(body)
      if (invalid) return error(422, 'Validation Failed', {errors: [invalid]})
      comment.body = body!.body!
      return send(200, comment)
    }
    return error(404, 'Not Found')
  }

  function newComment(pr: number, body: string, user = BOT): FakeComment {
    const id = nextId++
    return {id, body, user, html_url: `https://github.com/${OWNER}/${REPO}/pull/${pr}#issuecomment-${id}`}
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))

  return {
    url: base,
    requests,
    comments,
    seed(pr, bodies, user = {login: 'octocat', type: 'User'}) {
      const seeded = bodies.map((b) => newComment(pr, b, user))
      comments.set(pr, [...(comments.get(pr) ?? []), ...seeded])
      return seeded
    },
    failNext(status, count = 1) {
      failures = [...failures, ...Array<number>(count).fill(status)]
    },
    writes: () => requests.filter((r) => r.method !== 'GET'),
  }
}

export const FAKE_REPOSITORY = `${OWNER}/${REPO}`

function matchPath(path: string, patterns: string[]): number | undefined {
  for (const pattern of patterns) {
    const re = new RegExp(`^${pattern.replace(/[[\]]/g, '\\$&').replace(':n', '(\\d+)')}$`)
    const m = re.exec(path)
    if (m) return Number(m[1])
  }
  return undefined
}

function validateBody(body: {body?: unknown} | undefined): object | undefined {
  if (typeof body?.body !== 'string') return {resource: 'IssueComment', code: 'missing_field', field: 'body'}
  if (body.body.length > 65_536) return {resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)'}
  return undefined
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (data += chunk))
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
}
