/**
 * Seeds: `demo` (deterministic IDs that docs and tests rely on), `empty`
 * (org, workspaces, rings, users; no services) and `large` (demo plus N
 * generated services, for the bench).
 */
import { randomBytes } from 'node:crypto';
import { slugify } from '../src/contract/services';
import type { EndpointSnapshot } from '../src/contract/versions';
import { endpointSnapshot, skillSnapshot } from './versions';
import { demoConnectors } from './connector-seed';
import { demoDeploymentsAndCredentials } from './deploy-seed';
import { sha256, type EndpointRecord, type RingRecord, type ServiceRecord, type StateFile, type UserRecord, type VersionRecord } from './store';

export type SeedName = 'demo' | 'empty' | 'large';
export const SEED_NAMES = ['demo', 'empty', 'large'] as const;

/** `0f6f2d6e-0000-4000-8000-00000000NNNN`: the demo seed's ID scheme. */
export const demoId = (n: number) => `0f6f2d6e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const largeId = (n: number) => `0f6f2d6e-0000-4000-9000-${String(n).padStart(12, '0')}`;

export const IDS = {
  org: demoId(1),
  production: demoId(11),
  research: demoId(12),
  rings: {
    production: { dev: demoId(21), staging: demoId(22), prod: demoId(23) },
    research: { dev: demoId(31), staging: demoId(32), prod: demoId(33) },
  },
  users: { admin: demoId(41), developer: demoId(42), viewer: demoId(43) },
} as const;

export const DEMO_PASSWORD = 'password';
export const DEMO_USERS = {
  admin: 'admin@example.com',
  developer: 'developer@example.com',
  viewer: 'viewer@example.com',
} as const;
export const DEMO_API_KEYS = {
  admin: 'fl_demo_admin',
  developer: 'fl_demo_developer',
  viewer: 'fl_demo_viewer',
} as const;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The seed's clock: midnight UTC today, so times read as "n days ago". */
function baseTime(now: number): number {
  return Math.floor(now / DAY) * DAY;
}

function endpoint(method: string, path: string, summary: string): EndpointSnapshot {
  return {
    method,
    path,
    summary,
    description: null,
    request_schema: {
      type: 'object',
      properties: {
        input: { type: 'string', description: 'The text to process' },
        options: { type: 'object', properties: { timeout_seconds: { type: 'integer', minimum: 1 } } },
      },
      required: ['input'],
    },
    response_schema: { type: 'object', properties: { result: { type: 'string' } }, required: ['result'] },
  };
}

const ep = (method: string, path: string, summary: string, request_schema: Record<string, unknown>, response_schema: Record<string, unknown>, description: string | null = null): EndpointSnapshot => ({
  method,
  path,
  summary,
  description,
  request_schema,
  response_schema,
});

const CURRENCY = { type: 'string', enum: ['USD', 'EUR', 'GBP', 'JPY'] };
const money = { type: 'object', properties: { amount: { type: 'number', minimum: 0 }, currency: CURRENCY }, required: ['amount', 'currency'] };
const transaction = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Your transaction reference' },
    amount: money,
    merchant: { type: 'object', properties: { id: { type: 'string' }, category_code: { type: 'string', pattern: '^[0-9]{4}$' }, country: { type: 'string', minLength: 2, maxLength: 2 } }, required: ['id'] },
    card: { type: 'object', properties: { bin: { type: 'string', pattern: '^[0-9]{6,8}$' }, present: { type: 'boolean' } }, required: ['bin'] },
    ip_address: { type: ['string', 'null'], description: 'Null for card-present payments' },
  },
  required: ['id', 'amount', 'merchant', 'card'],
};
const scoreResult = {
  type: 'object',
  properties: {
    score: { type: 'number', minimum: 0, maximum: 1 },
    decision: { type: 'string', enum: ['approve', 'review', 'decline'] },
    reasons: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, weight: { type: 'number' } }, required: ['code', 'weight'] } },
    model_version: { type: 'string' },
  },
  required: ['score', 'decision', 'reasons'],
};
const scoreRequest = (extraRequired: boolean) => ({
  type: 'object',
  properties: {
    transaction,
    customer_id: { type: 'string' },
    channel: { type: 'string', enum: ['online', 'in_store', 'atm'], description: 'Where the payment happened' },
  },
  required: extraRequired ? ['transaction', 'channel'] : ['transaction'],
});

/** Endpoints richer than the generic one, per service slug (published versions). */
const RICH: Record<string, EndpointSnapshot[]> = {
  'invoice-extractor': [
    ep(
      'POST',
      '/extract',
      'Extract fields from an invoice PDF',
      {
        type: 'object',
        properties: {
          document_url: { type: 'string', format: 'uri' },
          language: { type: ['string', 'null'], description: 'ISO 639-1; null to detect' },
          fields: { type: 'array', items: { type: 'string', enum: ['invoice_number', 'total', 'due_date', 'line_items', 'supplier'] } },
        },
        required: ['document_url'],
      },
      {
        type: 'object',
        properties: {
          invoice_number: { type: 'string' },
          total: money,
          due_date: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
          supplier: { type: 'object', properties: { name: { type: 'string' }, vat_id: { type: ['string', 'null'] } }, required: ['name'] },
          line_items: {
            type: 'array',
            items: { type: 'object', properties: { description: { type: 'string' }, quantity: { type: 'integer', minimum: 1 }, unit_price: money }, required: ['description', 'quantity', 'unit_price'] },
          },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['invoice_number', 'total', 'line_items'],
      },
    ),
    ep('GET', '/extractions/{extraction_id}', 'Fetch a previous extraction', { type: 'object', properties: { extraction_id: { type: 'string' }, include_raw_text: { type: 'boolean' } }, required: ['extraction_id'] }, {
      type: 'object',
      properties: { id: { type: 'string' }, status: { type: 'string', enum: ['pending', 'done', 'failed'] }, raw_text: { type: ['string', 'null'] } },
      required: ['id', 'status'],
    }),
    ep('GET', '/health', 'Health check', { type: 'object', properties: {} }, { type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] } }, required: ['status'] }),
  ],
  'embedding-service': [
    ep(
      'POST',
      '/embed',
      'Embed a list of texts',
      {
        type: 'object',
        properties: {
          texts: { type: 'array', items: { type: 'string', maxLength: 8192 }, minItems: 1, maxItems: 256 },
          model: { type: 'string', enum: ['small', 'large'], default: 'small' },
          normalize: { type: 'boolean', default: true },
        },
        required: ['texts'],
      },
      {
        type: 'object',
        properties: { embeddings: { type: 'array', items: { type: 'array', items: { type: 'number' } } }, dimensions: { type: 'integer' }, usage: { type: 'object', additionalProperties: { type: 'integer' } } },
        required: ['embeddings', 'dimensions'],
      },
    ),
  ],
  'fraud-scorer': [
    ep('POST', '/score', 'Score a transaction', scoreRequest(false), scoreResult, 'Returns a risk score between 0 and 1 and the decision it implies.'),
    ep('POST', '/score/batch', 'Score up to 500 transactions', { type: 'object', properties: { transactions: { type: 'array', items: transaction, maxItems: 500 } }, required: ['transactions'] }, {
      type: 'object',
      properties: { results: { type: 'array', items: scoreResult } },
      required: ['results'],
    }),
    ep('GET', '/models', 'List the scoring models', { type: 'object', properties: { include_retired: { type: 'boolean' } } }, {
      type: 'object',
      properties: { models: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, trained_at: { type: 'string', format: 'date-time' }, auc: { type: 'number' } }, required: ['id'] } } },
      required: ['models'],
    }),
  ],
  'translation-gateway': [
    ep(
      'POST',
      '/translate',
      'Translate a text',
      { type: 'object', properties: { text: { type: 'string', maxLength: 10000 }, source: { type: ['string', 'null'] }, target: { type: 'string' }, formality: { type: 'string', enum: ['default', 'formal', 'informal'] } }, required: ['text', 'target'] },
      { type: 'object', properties: { translation: { type: 'string' }, detected_source: { type: 'string' }, model: { type: 'string' } }, required: ['translation'] },
    ),
    ep('GET', '/languages', 'List the supported language pairs', { type: 'object', properties: {} }, {
      type: 'object',
      properties: { pairs: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, target: { type: 'string' } }, required: ['source', 'target'] } } },
      required: ['pairs'],
    }),
  ],
};

/**
 * Draft endpoints that differ from the active version's, so the console's diff
 * shows something: fraud-scorer v2 drops GET /models, adds POST /feedback and
 * makes `channel` required in POST /score.
 */
const DRAFT_ENDPOINTS: Record<string, EndpointSnapshot[]> = {
  'fraud-scorer': [
    ep('POST', '/score', 'Score a transaction', scoreRequest(true), scoreResult, 'Returns a risk score between 0 and 1 and the decision it implies.'),
    RICH['fraud-scorer']![1]!,
    ep(
      'POST',
      '/feedback',
      'Report the real outcome of a scored transaction',
      { type: 'object', properties: { transaction_id: { type: 'string' }, outcome: { type: 'string', enum: ['fraud', 'legitimate'] }, notes: { type: ['string', 'null'], maxLength: 2000 } }, required: ['transaction_id', 'outcome'] },
      { type: 'object', properties: { accepted: { type: 'boolean' } }, required: ['accepted'] },
    ),
  ],
  'contract-summarizer': [
    ep('POST', '/summarize', 'Summarize a contract', { type: 'object', properties: { document_url: { type: 'string', format: 'uri' }, max_words: { type: 'integer', minimum: 50, maximum: 1000 } }, required: ['document_url'] }, {
      type: 'object',
      properties: { summary: { type: 'string' }, unusual_clauses: { type: 'array', items: { type: 'object', properties: { clause: { type: 'string' }, risk: { type: 'string', enum: ['low', 'medium', 'high'] } }, required: ['clause', 'risk'] } } },
      required: ['summary', 'unusual_clauses'],
    }),
  ],
};

type VersionPlan = { status: VersionRecord['status']; traffic: number; ageDays: number };

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
  persistent?: Partial<Pick<ServiceRecord, 'min_replicas' | 'max_replicas' | 'concurrency_per_replica' | 'scale_threshold' | 'startup_timeout_seconds' | 'base_image' | 'system_packages'>>;
  versions: VersionPlan[];
  endpoints: [string, string, string][];
}

const P = (status: VersionRecord['status'], traffic: number, ageDays: number): VersionPlan => ({ status, traffic, ageDays });

const DEMO_SERVICES: ServicePlan[] = [
  {
    n: 1001, ws: 'production', name: 'Invoice Extractor', slug: 'invoice-extractor', description: 'Extracts line items, totals and due dates from supplier invoices',
    mode: 'invocation', ring: 'prod', status: 'active', ageDays: 34, versions: [P('active', 100, 30)],
    endpoints: [['POST', '/extract', 'Extract fields from an invoice PDF'], ['GET', '/health', 'Health check']],
  },
  {
    n: 1002, ws: 'production', name: 'ML Inference Service', slug: 'ml-inference', description: 'Serves the gradient-boosted risk model behind the underwriting flow',
    mode: 'persistent', ring: 'prod', status: 'active', ageDays: 31, deployment_state: 'active',
    persistent: { min_replicas: 1, max_replicas: 5, startup_timeout_seconds: 120, system_packages: ['libgomp1'] },
    versions: [P('active', 100, 28)], endpoints: [['POST', '/predict', 'Score a single application'], ['POST', '/predict/batch', 'Score a batch of applications']],
  },
  {
    n: 1003, ws: 'production', name: 'Embedding Service', slug: 'embedding-service', description: 'Generates text embeddings for semantic search (canary on v2)',
    mode: 'persistent', ring: 'prod', status: 'active', ageDays: 29, deployment_state: 'active',
    persistent: { min_replicas: 2, max_replicas: 8, concurrency_per_replica: 40, scale_threshold: 70 },
    versions: [P('draining', 80, 27), P('active', 20, 2)], endpoints: [['POST', '/embed', 'Embed a list of texts']],
  },
  {
    n: 1004, ws: 'production', name: 'Fraud Scorer', slug: 'fraud-scorer', description: 'Real-time fraud risk scoring for card transactions',
    mode: 'invocation', ring: 'prod', status: 'active', ageDays: 26, versions: [P('active', 100, 20), P('draft', 0, 1)],
    endpoints: [['POST', '/score', 'Score a transaction']],
  },
  {
    n: 1005, ws: 'production', name: 'Sentiment Analyzer', slug: 'sentiment-analyzer', description: 'Classifies customer feedback as positive, neutral or negative',
    mode: 'invocation', ring: 'staging', status: 'active', ageDays: 24, versions: [P('archived', 0, 22), P('active', 100, 9)],
    endpoints: [['POST', '/analyze', 'Analyze the sentiment of a text']],
  },
  {
    n: 1006, ws: 'production', name: 'Image Classifier', slug: 'image-classifier', description: 'Labels product photos by category; last deploy failed on a missing system package',
    mode: 'persistent', ring: 'staging', status: 'active', ageDays: 21, deployment_state: 'failed',
    persistent: { min_replicas: 0, max_replicas: 4, base_image: 'python:3.12-slim', system_packages: ['libvips42', 'nonexistent-libheif1'] },
    versions: [P('active', 100, 6)], endpoints: [['POST', '/classify', 'Classify an image']],
  },
  {
    n: 1007, ws: 'production', name: 'Report Generator', slug: 'report-generator', description: 'Builds the monthly PDF reports for account managers',
    mode: 'persistent', ring: 'prod', status: 'active', ageDays: 18, deployment_state: 'building',
    persistent: { min_replicas: 0, max_replicas: 2, system_packages: ['fonts-dejavu', 'wkhtmltopdf'] },
    versions: [P('active', 100, 0)], endpoints: [['POST', '/reports', 'Generate a report']],
  },
  {
    n: 1008, ws: 'production', name: 'Translation Gateway', slug: 'translation-gateway', description: 'Routes translation requests to the best model per language pair',
    mode: 'invocation', ring: 'staging', status: 'active', ageDays: 15, versions: [P('active', 100, 12), P('draft', 0, 3)],
    endpoints: [['POST', '/translate', 'Translate a text']],
  },
  {
    n: 1009, ws: 'production', name: 'PDF Renderer', slug: 'pdf-renderer', description: 'Renders HTML templates to PDF',
    mode: 'persistent', ring: 'dev', status: 'active', ageDays: 12, deployment_state: 'built',
    persistent: { min_replicas: 0, max_replicas: 3 }, versions: [P('active', 100, 10)], endpoints: [['POST', '/render', 'Render a template']],
  },
  {
    n: 1010, ws: 'production', name: 'Contract Summarizer', slug: 'contract-summarizer', description: 'Summarizes legal contracts and flags unusual clauses',
    mode: 'invocation', ring: 'dev', status: 'draft', ageDays: 7, versions: [P('draft', 0, 7)], endpoints: [],
  },
  {
    n: 1011, ws: 'production', name: 'Email Triage', slug: 'email-triage', description: null,
    mode: 'invocation', ring: 'dev', status: 'draft', ageDays: 4, versions: [P('draft', 0, 4)], endpoints: [],
  },
  {
    n: 1012, ws: 'production', name: 'Vector Indexer', slug: 'vector-indexer', description: 'Keeps the pgvector indexes in sync with the document store',
    mode: 'persistent', ring: null, status: 'draft', ageDays: 2, persistent: { min_replicas: 1, max_replicas: 3 },
    versions: [P('draft', 0, 2)], endpoints: [],
  },
  {
    n: 1013, ws: 'production', name: 'Legacy OCR', slug: 'legacy-ocr', description: 'Retired OCR pipeline, replaced by invoice-extractor',
    mode: 'invocation', ring: 'prod', status: 'archived', ageDays: 40, versions: [P('archived', 0, 39)],
    endpoints: [['POST', '/ocr', 'Run OCR on a scanned page']],
  },
  {
    n: 1101, ws: 'research', name: 'Prompt Evaluator', slug: 'prompt-evaluator', description: 'Runs prompt variants against the evaluation set and scores them',
    mode: 'invocation', ring: 'dev', status: 'active', ageDays: 20, versions: [P('active', 100, 16)], endpoints: [['POST', '/evaluate', 'Evaluate a prompt variant']],
  },
  {
    n: 1102, ws: 'research', name: 'Experiment Runner', slug: 'experiment-runner', description: 'Long-running training experiments on GPU replicas',
    mode: 'persistent', ring: null, status: 'draft', ageDays: 10, persistent: { min_replicas: 0, max_replicas: 1, startup_timeout_seconds: 600 },
    versions: [P('draft', 0, 10)], endpoints: [],
  },
  {
    n: 1103, ws: 'research', name: 'Dataset Labeler', slug: 'dataset-labeler', description: 'Suggests labels for unlabeled training examples',
    mode: 'invocation', ring: 'dev', status: 'draft', ageDays: 5, versions: [P('draft', 0, 5)], endpoints: [],
  },
];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function baseService(id: string, orgId: string, wsId: string, createdAt: string): Omit<ServiceRecord, 'name' | 'slug' | 'description' | 'execution_mode' | 'status' | 'ring_id'> {
  return {
    id,
    org_id: orgId,
    workspace_id: wsId,
    environment_id: null,
    connector_bindings: {},
    min_replicas: 0,
    max_replicas: 10,
    concurrency_per_replica: 80,
    scale_threshold: null,
    startup_timeout_seconds: null,
    base_image: null,
    system_packages: [],
    deployment_state: null,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

export interface SeedOptions {
  seed: SeedName;
  /** Extra services for `large`. */
  extraServices?: number;
  now?: number;
  /** Reuse a secret (so tokens survive a reset). */
  jwtSecret?: string;
}

export function buildSeed(opts: SeedOptions): StateFile {
  const base = baseTime(opts.now ?? Date.now());
  const ago = (days: number, hours = 0) => iso(base - days * DAY - hours * HOUR);
  const org = { id: IDS.org, name: 'Acme Corp', slug: 'acme-corp', created_at: ago(120) };
  const workspaces = [
    { id: IDS.production, org_id: IDS.org, name: 'Production', slug: 'production', created_at: ago(119) },
    { id: IDS.research, org_id: IDS.org, name: 'Research', slug: 'research', created_at: ago(90) },
  ];
  const ringDescriptions = {
    dev: 'Development: every merge lands here first',
    staging: 'Staging: release candidates, production-like data',
    prod: 'Production: customer-facing traffic',
  } as const;
  const rings: RingRecord[] = [];
  for (const [wsKey, ws] of [['production', workspaces[0]!], ['research', workspaces[1]!]] as const) {
    (['dev', 'staging', 'prod'] as const).forEach((name, position) => {
      rings.push({
        id: IDS.rings[wsKey][name],
        org_id: IDS.org,
        workspace_id: ws.id,
        name,
        description: ringDescriptions[name],
        position,
        created_at: ws.created_at,
        updated_at: ws.created_at,
      });
    });
  }
  const users: UserRecord[] = (['admin', 'developer', 'viewer'] as const).map((role) => ({
    id: IDS.users[role],
    email: DEMO_USERS[role],
    name: { admin: 'Ada Admin', developer: 'Dev Developer', viewer: 'Vic Viewer' }[role],
    role,
    org_id: IDS.org,
    password_sha256: sha256(DEMO_PASSWORD),
  }));
  const api_keys = (['admin', 'developer', 'viewer'] as const).map((role, i) => ({
    id: demoId(51 + i),
    user_id: IDS.users[role],
    name: `Demo ${role} key`,
    key_sha256: sha256(DEMO_API_KEYS[role]),
  }));

  const services: ServiceRecord[] = [];
  const versions: VersionRecord[] = [];
  const endpoints: EndpointRecord[] = [];
  if (opts.seed !== 'empty') {
    let vn = 2001;
    let en = 3001;
    for (const p of DEMO_SERVICES) {
      const wsId = p.ws === 'production' ? IDS.production : IDS.research;
      const createdAt = ago(p.ageDays, 3);
      const eps = RICH[p.slug] ?? p.endpoints.map(([m, path, summary]) => endpoint(m, path, summary));
      let updated = createdAt;
      p.versions.forEach((vp, i) => {
        const published = vp.status !== 'draft';
        const vCreated = i === 0 ? createdAt : ago(vp.ageDays, 2);
        const publishedAt = published ? ago(vp.ageDays, 1) : null;
        if (publishedAt && publishedAt > updated) updated = publishedAt;
        if (vCreated > updated) updated = vCreated;
        const versionId = demoId(vn++);
        const defs = published ? eps : (DRAFT_ENDPOINTS[p.slug] ?? eps);
        const records: EndpointRecord[] = defs.map((d) => ({
          id: demoId(en++),
          version_id: versionId,
          method: d.method as EndpointRecord['method'],
          path: d.path,
          summary: d.summary,
          description: d.description ?? null,
          request_schema: d.request_schema,
          response_schema: d.response_schema,
          created_at: vCreated,
          updated_at: vCreated,
        }));
        endpoints.push(...records);
        const snapshot = published ? endpointSnapshot(records) : null;
        versions.push({
          id: versionId,
          service_id: demoId(p.n),
          version: i + 1,
          status: vp.status,
          traffic_percent: vp.traffic,
          endpoint_snapshot: snapshot,
          skill_snapshot: snapshot ? skillSnapshot(snapshot) : null,
          created_at: vCreated,
          published_at: publishedAt,
        });
      });
      services.push({
        ...baseService(demoId(p.n), IDS.org, wsId, createdAt),
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
  }
  const connector_instances = opts.seed === 'empty' ? [] : demoConnectors(services, ago(60));
  if (opts.seed === 'large') addLarge(services, versions, opts.extraServices ?? 10_000, base);
  const deploy =
    opts.seed === 'empty'
      ? { deployments: [], cloud_credentials: [] }
      : demoDeploymentsAndCredentials({ services, versions, users, orgId: IDS.org, ago: (d, h = 0) => base - d * DAY - h * HOUR, now: opts.now ?? Date.now(), id: (k) => demoId(8001 + k) });

  return {
    format: 1,
    seed: opts.seed,
    jwt_secret: opts.jwtSecret ?? randomBytes(32).toString('base64url'),
    organizations: [org],
    workspaces,
    rings,
    users,
    api_keys,
    services,
    versions,
    endpoints,
    refresh_tokens: [],
    revoked_jtis: [],
    idempotency: [],
    connector_instances,
    deployments: deploy.deployments,
    cloud_credentials: deploy.cloud_credentials,
  };
}

/** A small deterministic PRNG (mulberry32). */
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

const ADJ = ['Invoice', 'Document', 'Customer', 'Payment', 'Inventory', 'Shipping', 'Claims', 'Risk', 'Audio', 'Video', 'Search', 'Pricing', 'Support', 'Catalog', 'Ledger', 'Identity'];
const NOUN = ['Extractor', 'Classifier', 'Summarizer', 'Router', 'Scorer', 'Indexer', 'Validator', 'Enricher', 'Transcriber', 'Forecaster', 'Matcher', 'Renderer'];
const WHAT = ['PDF invoices', 'support tickets', 'product images', 'call recordings', 'bank transactions', 'shipping manifests', 'insurance claims', 'contracts', 'catalog entries', 'user profiles'];

function addLarge(services: ServiceRecord[], versions: VersionRecord[], count: number, base: number): void {
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
      deployment_state: persistent && status === 'active' ? pick(['active', 'active', 'active', 'failed', 'building', 'built'] as const) : null,
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
}
