import nx from '@nx/eslint-plugin';

/** Architecture rules: apps never import each other; each lib type may only depend on the types below it. */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:runtime', 'type:domain', 'type:contracts', 'type:data-access', 'type:messaging', 'type:security', 'type:util'] },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:data-access', 'type:messaging', 'type:security', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  // Sign-in, access policy and personal-data protection: stands on utilities only, so every layer above may use it.
  { sourceTag: 'type:security', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:data-access', 'type:messaging', 'type:util'] },
  { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:data-access', 'type:messaging', 'type:testing', 'type:security', 'type:util'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:households', onlyDependOnLibsWithTags: ['scope:shared', 'scope:households'] },
  { sourceTag: 'scope:pairings', onlyDependOnLibsWithTags: ['scope:shared', 'scope:pairings'] },
  { sourceTag: 'scope:welfare-payments', onlyDependOnLibsWithTags: ['scope:shared', 'scope:welfare-payments'] },
  { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:shared', 'scope:reporting'] },
  // The demo province drives the services over HTTP only; its spec checks its plans against the households' own rules.
  { sourceTag: 'scope:demo-province', onlyDependOnLibsWithTags: ['scope:shared', 'scope:households'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '.infra/**', '.nx/**'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
  {
    // Specs may also use the shared test machinery, whatever the type of the project they test.
    files: ['**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          depConstraints: depConstraints.map((constraint) =>
            constraint.sourceTag.startsWith('type:')
              ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
              : constraint,
          ),
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
];
