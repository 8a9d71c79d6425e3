// Lint: typescript-eslint with type information, and the direction of imports between the
// layers of src/ (core is pure and imports nothing above it; only action/ speaks to the runner).
import tseslint from 'typescript-eslint'

const above = layers => ({
  patterns: layers.map(layer => ({
    group: [`**/${layer}/*`, `../${layer}/*`, `./${layer}/*`],
    message: `this layer may not import ${layer}/ (imports point down: action, cli -> pipeline -> core)`
  }))
})

// pipeline/ is grouped by what each room talks to. A room imports the rooms below it only:
// host (the runner, docker, HTTP) <- github, registry <- builder, report <- the run itself
// (pipeline/*.ts, which may import every room).
const ROOMS = { host: [], github: ['host'], registry: ['host'], builder: ['host', 'registry', 'github'], report: ['host', 'github'] }
const room = (name, allowed) => ({
  files: [`src/pipeline/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...above(['action', 'cli']).patterns,
          ...Object.keys(ROOMS)
            .filter(other => other !== name && !allowed.includes(other))
            .map(other => ({
              group: [`../${other}/*`],
              message: `pipeline/${name}/ may import ${allowed.join(', ') || 'no other room'} only`
            })),
          { group: ['../*.js'], message: `pipeline/${name}/ may not import the run's own files (pipeline/*.ts): they import it` }
        ]
      }
    ]
  }
})

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['pipeline', 'action', 'cli'])] } },
  { files: ['src/pipeline/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['action', 'cli'])] } },
  ...Object.entries(ROOMS).map(([name, allowed]) => room(name, allowed)),
  { files: ['src/action/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['cli'])] } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['action'])] } }
)
