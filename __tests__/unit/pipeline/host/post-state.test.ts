import { POST_STATE_KEY, PostStateRecorder, parsePostState } from '../../../../src/pipeline/host/post-state'

describe('the record main hands to post', () => {
  test('saved whole at each addition under one key, read back as it was', () => {
    const saved: [string, string][] = []
    const recorder = new PostStateRecorder((key, value) => saved.push([key, value]))
    recorder.remember({})
    recorder.remember({ builder: 'b1', buildx: '/tc/docker-buildx' })
    recorder.remember({ localCache: { dir: '/c', nextDir: '/c-next', key: 'k', restoreKeys: ['k-'] } })
    expect(saved.map(([key]) => key)).toEqual([POST_STATE_KEY, POST_STATE_KEY, POST_STATE_KEY])
    expect(parsePostState(saved[0][1])).toEqual({})
    expect(parsePostState(saved[2][1])).toEqual({
      builder: 'b1',
      buildx: '/tc/docker-buildx',
      localCache: { dir: '/c', nextDir: '/c-next', key: 'k', restoreKeys: ['k-'] }
    })
  })

  test('no record: not the post step', () => expect(parsePostState('')).toBeUndefined())

  test.each([
    ['{"builder": 3}', 'builder is not a string'],
    ['{"localCache": {"dir": "/c", "nextDir": "/n", "key": "k"}}', 'localCache.restoreKeys is not a string[]'],
    ['{"binfmtCache": "x"}', 'binfmtCache is not a record'],
    ['[]', 'post state is not a record']
  ])('a record of the wrong shape names the field: %s', (text, message) => {
    expect(() => parsePostState(text)).toThrow(message)
  })
})
