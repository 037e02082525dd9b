import {defineConfig, globalIgnores} from 'eslint/config'
import tseslint from 'typescript-eslint'

// The folders outside src/core that core must not depend on (docs/architecture.md: core is the
// pipeline; providers, emulators, config, commands, renderers, GitHub and HTTP sit around it).
const OUTER = 'providers|emulators|config|commands|render|github|http|connect|cli'
// A relative specifier that climbs out of src/core into one of them, e.g. '../../providers/provider.js'.
const OUTER_IMPORT = `^(\\./)?(\\.\\./)+(${OUTER})(/|$)`
// The same inside an AST selector, whose /regex/ cannot contain a slash.
const OUTER_IMPORT_SELECTOR = OUTER_IMPORT.replaceAll('/', '\\x2F')
const LAYERING = `src/core must not import from src/{${OUTER.replaceAll('|', ',')}}: core defines the port, the outer folder implements it.`

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'coverage/', 'src/generated/']),

  {
    files: ['{src,test,scripts,bench,bin}/**/*.{ts,mts,cts,js,mjs,cjs}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      // `const {id: _id, ...rest} = x` omits a field on purpose, and `_name` marks a parameter a
      // signature requires but this implementation does not need (as tsc's noUnusedParameters does).
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', ignoreRestSiblings: true}],
      // Off: `async` marks functions that fulfil a Promise contract (provider clients, fake clocks) with nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    // scripts/, bench/ and bin/ are plain JS that tsconfig.json does not include: no type information.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read emulator responses and CLI stdout as JSON (`any`) and check their shape with expect.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  {
    // Layering: core must not import outer folders, types included (`import type`, `import('…')`).
    files: ['src/core/**/*.{ts,mts,cts,js,mjs,cjs}'],
    rules: {
      // Static imports and re-exports, `import type` included.
      'no-restricted-imports': ['error', {patterns: [{regex: OUTER_IMPORT, message: LAYERING}]}],
      // no-restricted-imports does not see `import('…')` expressions or `import('…').T` types.
      'no-restricted-syntax': [
        'error',
        {selector: `ImportExpression[source.value=/${OUTER_IMPORT_SELECTOR}/]`, message: LAYERING},
        {selector: `ImportExpression[source.quasis.0.value.raw=/${OUTER_IMPORT_SELECTOR}/]`, message: LAYERING},
        {selector: `TSImportType[source.value=/${OUTER_IMPORT_SELECTOR}/]`, message: LAYERING},
      ],
    },
  },
)
