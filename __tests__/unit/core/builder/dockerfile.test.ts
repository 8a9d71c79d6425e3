import { baseImages } from '../../../../src/core/builder/dockerfile'

describe('the images a Dockerfile builds FROM', () => {
  test('global ARG defaults and build-args are substituted; stages and scratch are not images', () => {
    const dockerfile = [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=localhost:5000/test/base:latest',
      'ARG TOOLS="127.0.0.1:5001/tools"',
      'ARG TAG',
      'FROM --platform=$BUILDPLATFORM ${BASE} AS build',
      'ARG BASE=ignored-after-from',
      'FROM $TOOLS:${TAG:-1} as tools',
      'FROM build',
      'FROM scratch',
      'FROM \\',
      '  [::1]:5000/other',
      'COPY --from=tools / /'
    ].join('\n')
    expect(baseImages(dockerfile, [])).toEqual(['localhost:5000/test/base:latest', '127.0.0.1:5001/tools:1', '[::1]:5000/other'])
    expect(baseImages(dockerfile, ['BASE=ghcr.io/x/y:2', 'TAG=3'])).toEqual(['ghcr.io/x/y:2', '127.0.0.1:5001/tools:3', '[::1]:5000/other'])
  })

  test('no FROM, no images', () => expect(baseImages('', [])).toEqual([]))
})
