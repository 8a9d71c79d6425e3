// A build plan with nothing but its inputs: no builder, tags, labels, caches or push, for tests
// that look at what one input turns into.
import type { BuildInputs, BuildPlan } from '../../src/core/builder/args'

export const bareBuildPlan = (inputs: BuildInputs, extra: Partial<BuildPlan> = {}): BuildPlan => ({
  inputs,
  builder: '',
  tags: [],
  labels: [],
  annotations: [],
  cacheFrom: [],
  cacheTo: [],
  cacheToAfter: [],
  inlineCache: false,
  metadataFile: '/tmp/m.json',
  ociDir: '/tmp/oci',
  pushTo: [],
  frontTo: [],
  loadTags: [],
  sourceDateEpoch: 1732000000,
  ...extra
})
