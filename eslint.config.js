// Lint: typescript-eslint with type information, and the direction of imports between the
// layers of src/ (core is pure and imports nothing above it; only action/ speaks to the runner).
import tseslint from 'typescript-eslint'

const above = layers => ({
  patterns: layers.map(layer => ({
    group: [`**/${layer}/*`, `../${layer}/*`, `./${layer}/*`],
    message: `this layer may not import ${layer}/ (imports point down: action, cli -> pipeline -> core)`
  }))
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
  { files: ['src/action/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['cli'])] } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', above(['action'])] } }
)
