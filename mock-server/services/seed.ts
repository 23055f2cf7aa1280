/**
 * The demo seed's services (a dozen in Production, three in Research, in
 * every state the console shows) with their versions, and the generated
 * services of the `large` seed.
 */
import { PERSISTENT_DEFAULTS, slugify } from '../../src/contract/services';
import type { ServiceRecord } from './records';
import type { EndpointRecord, VersionRecord } from '../versions/records';
import { demoId, IDS } from '../core/seed-ids';
import { iso } from '../core/time';
import { demoVersions, type VersionPlan } from '../versions/seed';

const DAY = 86_400_000;
const largeId = (n: number) => `0f6f2d6e-0000-4000-9000-${String(n).padStart(12, '0')}`;
/** Whether a service is one the `large` seed generated (the demo's story, activity/seed.ts, leaves them out). */
export const isGeneratedService = (id: string) => id.startsWith('0f6f2d6e-0000-4000-9000-');

interface ServicePlan {
  n: number;
  ws: 'production' | 'research';
  name: string;
  slug: string;
  description: string | null;
  mode: 'invocation' | 'persistent';
  ring: 'dev' | 'staging' | 'prod' | null;
  status: ServiceRecord['status'];
  ageDays: number;
  deployment_state?: ServiceRecord['deployment_state'];
  persistent?: Partial<
    Pick<
      ServiceRecord,
      | 'min_replicas'
      | 'max_replicas'
      | 'concurrency_per_replica'
      | 'scale_threshold'
      | 'startup_timeout_seconds'
      | 'base_image'
      | 'system_packages'
    >
  >;
  versions: VersionPlan[];
  endpoints: [string, string, string][];
  /**
   * Endpoint IDs numbered from here rather than from the shared sequence, for
   * endpoints added to the seed later: the shared IDs that `endpoints` took
   * are skipped, so the IDs of the services after this one stay as they were.
   */
  endpointIdsFrom?: number;
}

const P = (status: VersionRecord['status'], traffic: number, ageDays: number): VersionPlan => ({ status, traffic, ageDays });

const DEMO_SERVICES: ServicePlan[] = [
  {
    n: 1001,
    ws: 'production',
    name: 'Invoice Extractor',
    slug: 'invoice-extractor',
    description: 'Extracts line items, totals and due dates from supplier invoices',
    mode: 'invocation',
    ring: 'prod',
    status: 'active',
    ageDays: 34,
    versions: [P('active', 100, 30)],
    endpoints: [
      ['POST', '/extract', 'Extract fields from an invoice PDF'],
      ['GET', '/health', 'Health check'],
    ],
  },
  {
    n: 1002,
    ws: 'production',
    name: 'ML Inference Service',
    slug: 'ml-inference',
    description: 'Serves the gradient-boosted risk model behind the underwriting flow',
    mode: 'persistent',
    ring: 'prod',
    status: 'active',
    ageDays: 31,
    deployment_state: 'active',
    persistent: { min_replicas: 1, max_replicas: 5, startup_timeout_seconds: 120, system_packages: ['libgomp1'] },
    versions: [P('active', 100, 28)],
    endpoints: [
      ['POST', '/predict', 'Score a single application'],
      ['POST', '/predict/batch', 'Score a batch of applications'],
    ],
  },
  {
    n: 1003,
    ws: 'production',
    name: 'Embedding Service',
    slug: 'embedding-service',
    description: 'Generates text embeddings for semantic search (canary on v2)',
    mode: 'persistent',
    ring: 'prod',
    status: 'active',
    ageDays: 29,
    deployment_state: 'active',
    persistent: { min_replicas: 2, max_replicas: 8, concurrency_per_replica: 40, scale_threshold: 70 },
    versions: [P('draining', 80, 27), P('active', 20, 2)],
    endpoints: [['POST', '/embed', 'Embed a list of texts']],
  },
  {
    n: 1004,
    ws: 'production',
    name: 'Fraud Scorer',
    slug: 'fraud-scorer',
    description: 'Real-time fraud risk scoring for card transactions',
    mode: 'invocation',
    ring: 'prod',
    status: 'active',
    ageDays: 26,
    versions: [P('active', 100, 20), P('draft', 0, 1)],
    endpoints: [['POST', '/score', 'Score a transaction']],
  },
  {
    n: 1005,
    ws: 'production',
    name: 'Sentiment Analyzer',
    slug: 'sentiment-analyzer',
    description: 'Classifies customer feedback as positive, neutral or negative',
    mode: 'invocation',
    ring: 'staging',
    status: 'active',
    ageDays: 24,
    versions: [P('archived', 0, 22), P('active', 100, 9)],
    // Its endpoints are seed 004's examples (versions/seed.ts: /health, /process, /analyze, and /status in
    // version 2), numbered from 3901; the shared IDs this one endpoint per version took are left unused.
    endpoints: [['POST', '/analyze', 'Analyze the sentiment of a text']],
    endpointIdsFrom: 3901,
  },
  {
    n: 1006,
    ws: 'production',
    name: 'Image Classifier',
    slug: 'image-classifier',
    description: 'Labels product photos by category; last deploy failed on a missing system package',
    mode: 'persistent',
    ring: 'staging',
    status: 'active',
    ageDays: 21,
    deployment_state: 'failed',
    persistent: {
      min_replicas: 0,
      max_replicas: 4,
      base_image: 'python:3.12-slim',
      system_packages: ['libvips42', 'nonexistent-libheif1'],
    },
    versions: [P('active', 100, 6)],
    endpoints: [['POST', '/classify', 'Classify an image']],
  },
  {
    n: 1007,
    ws: 'production',
    name: 'Report Generator',
    slug: 'report-generator',
    description: 'Builds the monthly PDF reports for account managers',
    mode: 'persistent',
    ring: 'prod',
    status: 'active',
    ageDays: 18,
    deployment_state: 'building',
    persistent: { min_replicas: 0, max_replicas: 2, system_packages: ['fonts-dejavu', 'wkhtmltopdf'] },
    versions: [P('active', 100, 0)],
    endpoints: [['POST', '/reports', 'Generate a report']],
  },
  {
    n: 1008,
    ws: 'production',
    name: 'Translation Gateway',
    slug: 'translation-gateway',
    description: 'Routes translation requests to the best model per language pair',
    mode: 'invocation',
    ring: 'staging',
    status: 'active',
    ageDays: 15,
    versions: [P('active', 100, 12), P('draft', 0, 3)],
    endpoints: [['POST', '/translate', 'Translate a text']],
  },
  {
    n: 1009,
    ws: 'production',
    name: 'PDF Renderer',
    slug: 'pdf-renderer',
    description: 'Renders HTML templates to PDF',
    mode: 'persistent',
    ring: 'dev',
    status: 'active',
    ageDays: 12,
    deployment_state: 'built',
    persistent: { min_replicas: 0, max_replicas: 3 },
    versions: [P('active', 100, 10)],
    endpoints: [['POST', '/render', 'Render a template']],
  },
  {
    n: 1010,
    ws: 'production',
    name: 'Contract Summarizer',
    slug: 'contract-summarizer',
    description: 'Summarizes legal contracts and flags unusual clauses',
    mode: 'invocation',
    ring: 'dev',
    status: 'draft',
    ageDays: 7,
    versions: [P('draft', 0, 7)],
    endpoints: [],
  },
  {
    n: 1011,
    ws: 'production',
    name: 'Email Triage',
    slug: 'email-triage',
    description: null,
    mode: 'invocation',
    ring: 'dev',
    status: 'draft',
    ageDays: 4,
    versions: [P('draft', 0, 4)],
    endpoints: [],
  },
  {
    n: 1012,
    ws: 'production',
    name: 'Vector Indexer',
    slug: 'vector-indexer',
    description: 'Keeps the pgvector indexes in sync with the document store',
    mode: 'persistent',
    ring: null,
    status: 'draft',
    ageDays: 2,
    persistent: { min_replicas: 1, max_replicas: 3 },
    versions: [P('draft', 0, 2)],
    endpoints: [],
  },
  {
    n: 1013,
    ws: 'production',
    name: 'Legacy OCR',
    slug: 'legacy-ocr',
    description: 'Retired OCR pipeline, replaced by invoice-extractor',
    mode: 'invocation',
    ring: 'prod',
    status: 'archived',
    ageDays: 40,
    versions: [P('archived', 0, 39)],
    endpoints: [['POST', '/ocr', 'Run OCR on a scanned page']],
  },
  {
    n: 1101,
    ws: 'research',
    name: 'Prompt Evaluator',
    slug: 'prompt-evaluator',
    description: 'Runs prompt variants against the evaluation set and scores them',
    mode: 'invocation',
    ring: 'dev',
    status: 'active',
    ageDays: 20,
    versions: [P('active', 100, 16)],
    endpoints: [['POST', '/evaluate', 'Evaluate a prompt variant']],
  },
  {
    n: 1102,
    ws: 'research',
    name: 'Experiment Runner',
    slug: 'experiment-runner',
    description: 'Long-running training experiments on GPU replicas',
    mode: 'persistent',
    ring: null,
    status: 'draft',
    ageDays: 10,
    persistent: { min_replicas: 0, max_replicas: 1, startup_timeout_seconds: 600 },
    versions: [P('draft', 0, 10)],
    endpoints: [],
  },
  {
    n: 1103,
    ws: 'research',
    name: 'Dataset Labeler',
    slug: 'dataset-labeler',
    description: 'Suggests labels for unlabeled training examples',
    mode: 'invocation',
    ring: 'dev',
    status: 'draft',
    ageDays: 5,
    versions: [P('draft', 0, 5)],
    endpoints: [],
  },
];

function baseService(
  id: string,
  orgId: string,
  wsId: string,
  createdAt: string,
): Omit<ServiceRecord, 'name' | 'slug' | 'description' | 'execution_mode' | 'status' | 'ring_id'> {
  return {
    id,
    org_id: orgId,
    workspace_id: wsId,
    environment_id: null,
    connector_bindings: {},
    ...PERSISTENT_DEFAULTS,
    system_packages: [],
    deployment_state: null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** The demo services, their versions and endpoints; `ago(days, hours)` is on the seed's clock. */
export function demoServices(ago: (days: number, hours?: number) => string): {
  services: ServiceRecord[];
  versions: VersionRecord[];
  endpoints: EndpointRecord[];
} {
  const services: ServiceRecord[] = [];
  const versions: VersionRecord[] = [];
  const endpoints: EndpointRecord[] = [];
  let vn = 2001;
  let en = 3001;
  for (const p of DEMO_SERVICES) {
    const createdAt = ago(p.ageDays, 3);
    let own = p.endpointIdsFrom;
    if (own !== undefined) en += p.endpoints.length * p.versions.length;
    const made = demoVersions({
      serviceId: demoId(p.n),
      slug: p.slug,
      plans: p.versions,
      endpoints: p.endpoints,
      createdAt,
      ago,
      nextVersionId: () => demoId(vn++),
      nextEndpointId: () => demoId(own !== undefined ? own++ : en++),
    });
    versions.push(...made.versions);
    endpoints.push(...made.endpoints);
    // Last changed when its newest version was created or published.
    const updated = made.versions.reduce((t, v) => [v.created_at, v.published_at ?? ''].reduce((a, b) => (b > a ? b : a), t), createdAt);
    services.push({
      ...baseService(demoId(p.n), IDS.org, p.ws === 'production' ? IDS.production : IDS.research, createdAt),
      ...p.persistent,
      name: p.name,
      slug: p.slug,
      description: p.description,
      execution_mode: p.mode,
      status: p.status,
      ring_id: p.ring ? IDS.rings[p.ws][p.ring] : null,
      deployment_state: p.deployment_state ?? null,
      updated_at: updated,
    });
  }
  return { services, versions, endpoints };
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJ = [
  'Invoice',
  'Document',
  'Customer',
  'Payment',
  'Inventory',
  'Shipping',
  'Claims',
  'Risk',
  'Audio',
  'Video',
  'Search',
  'Pricing',
  'Support',
  'Catalog',
  'Ledger',
  'Identity',
];
const NOUN = [
  'Extractor',
  'Classifier',
  'Summarizer',
  'Router',
  'Scorer',
  'Indexer',
  'Validator',
  'Enricher',
  'Transcriber',
  'Forecaster',
  'Matcher',
  'Renderer',
];
const WHAT = [
  'PDF invoices',
  'support tickets',
  'product images',
  'call recordings',
  'bank transactions',
  'shipping manifests',
  'insurance claims',
  'contracts',
  'catalog entries',
  'user profiles',
];

/** `count` generated services in Production (the bench's `large` seed), each with a version 1. */
export function largeServices(count: number, base: number): { services: ServiceRecord[]; versions: VersionRecord[] } {
  const services: ServiceRecord[] = [];
  const versions: VersionRecord[] = [];
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rings = IDS.rings.production;
  for (let i = 1; i <= count; i++) {
    const name = `${pick(ADJ)} ${pick(NOUN)} ${i}`;
    const persistent = rnd() < 0.3;
    const r = rnd();
    const status: ServiceRecord['status'] = r < 0.55 ? 'active' : r < 0.93 ? 'draft' : 'archived';
    const created = iso(base - Math.floor(rnd() * 90 * DAY));
    const id = largeId(i);
    services.push({
      ...baseService(id, IDS.org, IDS.production, created),
      name,
      slug: slugify(name),
      description: `${pick(NOUN)} for ${pick(WHAT)} (${pick(['batch', 'real-time', 'nightly', 'on-demand'])})`,
      execution_mode: persistent ? 'persistent' : 'invocation',
      status,
      ring_id: persistent ? null : pick([rings.dev, rings.staging, rings.prod]),
      deployment_state:
        persistent && status === 'active' ? pick(['active', 'active', 'active', 'failed', 'building', 'built'] as const) : null,
    });
    const published = status !== 'draft';
    versions.push({
      id: largeId(count + i),
      service_id: id,
      version: 1,
      status: status === 'active' ? 'active' : status === 'archived' ? 'archived' : 'draft',
      traffic_percent: status === 'active' ? 100 : 0,
      endpoint_snapshot: published ? [] : null,
      skill_snapshot: published ? { tools: [] } : null,
      created_at: created,
      published_at: published ? created : null,
    });
  }
  return { services, versions };
}

/**
 * The demo services seeded mid-canary (a draining version still taking
 * traffic beside a newer active one), and the canary's version number: the
 * demo's synthetic traffic makes that version visibly worse (requests/synthetic.ts).
 */
export const DEMO_CANARIES: readonly { serviceId: string; version: number }[] = DEMO_SERVICES.flatMap((p) => {
  const active = p.versions.findIndex((v) => v.status === 'active');
  const draining = p.versions.some((v) => v.status === 'draining' && v.traffic > 0);
  return active >= 0 && draining && p.versions[active]!.traffic < 100 ? [{ serviceId: demoId(p.n), version: active + 1 }] : [];
});
