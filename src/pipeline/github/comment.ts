// One PR comment with the report, created once and updated on later pushes: found again by a
// hidden marker. GitHub's REST API through fetch; the token never leaves the headers.

import { COMMENT_LIMIT, fitMarkdown } from '../../core/report/report.js'
import { retryAfterMs } from '../../core/host/http-headers.js'

interface CommentTarget {
  apiUrl: string
  repository: string
  issue: number
  token: string
}

export class CommentPermissionError extends Error {}

export const commentMarker = (key: string) => `<!-- ci-base-action report: ${key} -->`

export async function upsertComment(
  target: CommentTarget,
  marker: string,
  markdown: string,
  request: typeof fetch = fetch,
  sleep = (ms: number) => new Promise(r => setTimeout(r, ms))
): Promise<{ action: 'created' | 'updated'; url: string }> {
  const api = target.apiUrl.replace(/\/+$/, '')
  // GitHub's API answers 5xx and secondary rate limits (429, or 403 with Retry-After) now and then: three tries.
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    for (let attempt = 1; ; attempt++) {
      const res = await send(method, path, body)
      const wait = retryAfterMs(res.headers.get('retry-after'))
      const passing = res.status >= 500 || res.status === 429 || (res.status === 403 && wait !== undefined)
      if (!passing || attempt === 3) return answer(res, method, path)
      await sleep(Math.min(wait ?? 1000 * attempt, 30_000))
    }
  }
  const send = (method: string, path: string, body?: unknown) =>
    request(`${api}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${target.token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'ci-base-action',
        ...(body ? { 'Content-Type': 'application/json' } : {})
      },
      body: body ? JSON.stringify(body) : undefined
    })
  const answer = async (res: Response, method: string, path: string) => {
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      throw new CommentPermissionError(`${method} ${path}: ${res.status} ${res.statusText}`)
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${res.statusText} ${await res.text()}`)
    return res.json() as Promise<unknown>
  }

  const body = fitMarkdown(`${marker}\n${markdown}`, text => text.length <= COMMENT_LIMIT, "GitHub's 65,536-character comment limit")
  const issuePath = `/repos/${target.repository}/issues/${target.issue}/comments`
  for (let page = 1; ; page++) {
    const comments = (await call('GET', `${issuePath}?per_page=100&page=${page}`)) as {
      id: number
      body?: string
      user?: { type?: string }
    }[]
    // Ours: written by a bot (the workflow's token) and opening with this job's marker. A person's
    // comment, even one that quotes or copies the marker, is never edited.
    const mine = comments.find(c => c.body?.startsWith(marker) && c.user?.type === 'Bot')
    if (mine) {
      const updated = (await call('PATCH', `/repos/${target.repository}/issues/comments/${mine.id}`, { body })) as { html_url: string }
      return { action: 'updated', url: updated.html_url }
    }
    if (comments.length < 100) break
  }
  const created = (await call('POST', issuePath, { body })) as { html_url: string }
  return { action: 'created', url: created.html_url }
}
