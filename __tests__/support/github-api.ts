// The three REST calls the PR comment uses, answered the way GitHub documents them:
// list issue comments (paginated), create one, update one. In memory, on loopback.
import { createServer, type Server } from 'node:http'
import { closeServer, listenOnLoopback } from './close-server'

export interface Comment {
  id: number
  body: string
  html_url: string
  /** Who wrote it: a person ('User') or the workflow's token ('Bot'). */
  user?: { login: string; type: 'User' | 'Bot' }
}

export interface FakeGitHub {
  url: string
  comments: Comment[]
  requests: string[]
  /** Answer every call with 403, as GitHub does for a read-only token. */
  forbid: boolean
  close(): Promise<void>
}

export async function startGitHubApi(repository: string, issue: number, token: string): Promise<FakeGitHub> {
  const state = { comments: [] as Comment[], requests: [] as string[], forbid: false }
  let nextId = 1000
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    state.requests.push(`${req.method} ${url.pathname}${url.search}`)
    const send = (status: number, body?: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body))
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { message: 'Bad credentials' })
    if (state.forbid) return send(403, { message: 'Resource not accessible by integration' })
    let text = ''
    for await (const chunk of req) text += chunk
    const list = `/repos/${repository}/issues/${issue}/comments`
    if (req.method === 'GET' && url.pathname === list) {
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      return send(200, state.comments.slice((page - 1) * perPage, page * perPage))
    }
    if (req.method === 'POST' && url.pathname === list) {
      // Comments made with the workflow's token are the Actions bot's.
      const comment: Comment = {
        id: nextId++,
        body: JSON.parse(text).body,
        html_url: `https://github.com/${repository}/pull/${issue}#issuecomment-${nextId}`,
        user: { login: 'github-actions[bot]', type: 'Bot' }
      }
      state.comments.push(comment)
      return send(201, comment)
    }
    const edit = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`).exec(url.pathname)
    if (req.method === 'PATCH' && edit) {
      const comment = state.comments.find(c => c.id === Number(edit[1]))
      if (!comment) return send(404, { message: 'Not Found' })
      comment.body = JSON.parse(text).body
      return send(200, comment)
    }
    send(404, { message: 'Not Found' })
  })
  return Object.assign(state, {
    url: await listenOnLoopback(server),
    close: () => closeServer(server)
  }) as FakeGitHub
}
