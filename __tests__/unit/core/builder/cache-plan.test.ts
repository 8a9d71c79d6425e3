// Which caches a run reads and writes.
import { inputsWithoutGha } from '../../../../src/core/builder/cache-plan'

// Boundaries a mutation pass found untested (a `>` that could be `>=`, one half of an `||`, a default).
describe('boundaries', () => {
  test('without gha: the derived cache and every gha spec of cache-from and cache-to left out, the rest kept', () => {
    const without = inputsWithoutGha({
      cache: ['gha', 'registry'] as ('gha' | 'registry')[],
      cacheFrom: ['type=gha,scope=a', 'type=registry,ref=r/x:c'],
      cacheTo: ['type=gha,mode=max', 'type=local,dest=/c']
    })
    expect(without).toStrictEqual({ cache: ['registry'], cacheFrom: ['type=registry,ref=r/x:c'], cacheTo: ['type=local,dest=/c'] })
  })
})
