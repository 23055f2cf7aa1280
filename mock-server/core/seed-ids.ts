/**
 * The seeds' names and fixed IDs, which docs, tests and the bench rely on.
 * `0f6f2d6e-0000-4000-8000-00000000NNNN` is the demo seed's ID scheme.
 */
export type SeedName = 'demo' | 'empty' | 'large';
export const SEED_NAMES = ['demo', 'empty', 'large'] as const;

export const demoId = (n: number) => `0f6f2d6e-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  org: demoId(1),
  production: demoId(11),
  research: demoId(12),
  rings: {
    production: { dev: demoId(21), staging: demoId(22), prod: demoId(23) },
    research: { dev: demoId(31), staging: demoId(32), prod: demoId(33) },
  },
  users: { admin: demoId(41), developer: demoId(42), viewer: demoId(43) },
  connectors: { ordersDb: demoId(61), documentsBucket: demoId(62) },
  services: { invoiceExtractor: demoId(1001) },
} as const;
