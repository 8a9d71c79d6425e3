import { hitRate, stepStats } from '../../src/progress'

// Shaped like buildx's plain progress for a two-platform, two-stage build after a registry-cache restore.
const progress = `#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 DONE 0.0s

#5 [linux/arm64 build 1/3] FROM localhost:5000/test/busybox:latest@sha256:e18c
#5 DONE 0.1s

#8 [linux/arm64 build 2/3] RUN echo "built on $(uname -m)" > /arch.txt
#8 CACHED

#9 [linux/amd64 build 2/3] RUN echo "built on $(uname -m)" > /arch.txt
#9 CACHED

#10 [linux/amd64 build 3/3] COPY . /src
#10 DONE 0.0s

#12 [linux/amd64 stage-1 2/3] COPY --from=build /arch.txt /arch.txt
#12 CACHED

#12 [linux/amd64 stage-1 2/3] COPY --from=build /arch.txt /arch.txt
#12 DONE 0.1s

#13 [2/2] RUN true
#13 CACHED

#16 exporting to image
#16 CACHED
`

test('counts Dockerfile steps once each, FROM and internal vertices excluded', () => {
  expect(stepStats(progress)).toEqual({ steps: 5, cached: 4 })
})

test('hit rate: percent with one decimal at most, 0 when nothing was built', () => {
  expect(hitRate({ steps: 5, cached: 4 })).toBe(80)
  expect(hitRate({ steps: 3, cached: 1 })).toBe(33.3)
  expect(hitRate({ steps: 0, cached: 0 })).toBe(0)
})
