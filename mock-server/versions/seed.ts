/**
 * The demo seed's endpoints: rich JSON Schemas for the services the console's
 * stories use (invoice-extractor, embedding-service, fraud-scorer,
 * translation-gateway), a generic one for the others, and drafts that differ
 * from the active version so the publish diff shows something. `demoVersions`
 * builds a service's versions and their endpoint records from its plan.
 */
import type { EndpointSnapshot } from '../../src/contract/versions';
import type { EndpointRecord, VersionRecord } from './records';
import { endpointSnapshot, skillSnapshot } from './rules';

function genericEndpoint(method: string, path: string, summary: string): EndpointSnapshot {
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

const ep = (
  method: string,
  path: string,
  summary: string,
  request_schema: Record<string, unknown>,
  response_schema: Record<string, unknown>,
  description: string | null = null,
): EndpointSnapshot => ({
  method,
  path,
  summary,
  description,
  request_schema,
  response_schema,
});

const CURRENCY = { type: 'string', enum: ['USD', 'EUR', 'GBP', 'JPY'] };
const money = {
  type: 'object',
  properties: { amount: { type: 'number', minimum: 0 }, currency: CURRENCY },
  required: ['amount', 'currency'],
};
const transaction = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Your transaction reference' },
    amount: money,
    merchant: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        category_code: { type: 'string', pattern: '^[0-9]{4}$' },
        country: { type: 'string', minLength: 2, maxLength: 2 },
      },
      required: ['id'],
    },
    card: {
      type: 'object',
      properties: { bin: { type: 'string', pattern: '^[0-9]{6,8}$' }, present: { type: 'boolean' } },
      required: ['bin'],
    },
    ip_address: { type: ['string', 'null'], description: 'Null for card-present payments' },
  },
  required: ['id', 'amount', 'merchant', 'card'],
};
const scoreResult = {
  type: 'object',
  properties: {
    score: { type: 'number', minimum: 0, maximum: 1 },
    decision: { type: 'string', enum: ['approve', 'review', 'decline'] },
    reasons: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, weight: { type: 'number' } }, required: ['code', 'weight'] },
    },
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
            items: {
              type: 'object',
              properties: { description: { type: 'string' }, quantity: { type: 'integer', minimum: 1 }, unit_price: money },
              required: ['description', 'quantity', 'unit_price'],
            },
          },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['invoice_number', 'total', 'line_items'],
      },
    ),
    ep(
      'GET',
      '/extractions/{extraction_id}',
      'Fetch a previous extraction',
      {
        type: 'object',
        properties: { extraction_id: { type: 'string' }, include_raw_text: { type: 'boolean' } },
        required: ['extraction_id'],
      },
      {
        type: 'object',
        properties: {
          id: { type: 'string' },
          status: { type: 'string', enum: ['pending', 'done', 'failed'] },
          raw_text: { type: ['string', 'null'] },
        },
        required: ['id', 'status'],
      },
    ),
    ep(
      'GET',
      '/health',
      'Health check',
      { type: 'object', properties: {} },
      { type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] } }, required: ['status'] },
    ),
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
        properties: {
          embeddings: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
          dimensions: { type: 'integer' },
          usage: { type: 'object', additionalProperties: { type: 'integer' } },
        },
        required: ['embeddings', 'dimensions'],
      },
    ),
  ],
  'fraud-scorer': [
    ep(
      'POST',
      '/score',
      'Score a transaction',
      scoreRequest(false),
      scoreResult,
      'Returns a risk score between 0 and 1 and the decision it implies.',
    ),
    ep(
      'POST',
      '/score/batch',
      'Score up to 500 transactions',
      { type: 'object', properties: { transactions: { type: 'array', items: transaction, maxItems: 500 } }, required: ['transactions'] },
      {
        type: 'object',
        properties: { results: { type: 'array', items: scoreResult } },
        required: ['results'],
      },
    ),
    ep(
      'GET',
      '/models',
      'List the scoring models',
      { type: 'object', properties: { include_retired: { type: 'boolean' } } },
      {
        type: 'object',
        properties: {
          models: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, trained_at: { type: 'string', format: 'date-time' }, auc: { type: 'number' } },
              required: ['id'],
            },
          },
        },
        required: ['models'],
      },
    ),
  ],
  'translation-gateway': [
    ep(
      'POST',
      '/translate',
      'Translate a text',
      {
        type: 'object',
        properties: {
          text: { type: 'string', maxLength: 10000 },
          source: { type: ['string', 'null'] },
          target: { type: 'string' },
          formality: { type: 'string', enum: ['default', 'formal', 'informal'] },
        },
        required: ['text', 'target'],
      },
      {
        type: 'object',
        properties: { translation: { type: 'string' }, detected_source: { type: 'string' }, model: { type: 'string' } },
        required: ['translation'],
      },
    ),
    ep(
      'GET',
      '/languages',
      'List the supported language pairs',
      { type: 'object', properties: {} },
      {
        type: 'object',
        properties: {
          pairs: {
            type: 'array',
            items: {
              type: 'object',
              properties: { source: { type: 'string' }, target: { type: 'string' } },
              required: ['source', 'target'],
            },
          },
        },
        required: ['pairs'],
      },
    ),
  ],
};

/**
 * Endpoints that differ by version. Sentiment Analyzer is the service of
 * seed 004's CLIClient examples, which work against it as written:
 * `GET /health` and `POST /process` (the quick test script), `POST /analyze`
 * (`{"text": …}` → `{"sentiment": "positive", "confidence": 0.92}`), and
 * `GET /status`, new in version 2 (`version=2` pinning).
 */
const health = ep(
  'GET',
  '/health',
  'Health check',
  { type: 'object', properties: {} },
  { type: 'object', properties: { status: { type: 'string', enum: ['ok', 'degraded'] } }, required: ['status'] },
);
const sentimentV1 = [
  health,
  ep(
    'POST',
    '/process',
    'Process a piece of feedback',
    { type: 'object', properties: { input: { type: 'string', description: 'The data to process' } }, required: ['input'] },
    {
      type: 'object',
      properties: { result: { type: 'string', examples: ['processed'] }, characters: { type: 'integer', minimum: 0, examples: [9] } },
      required: ['result'],
    },
  ),
  ep(
    'POST',
    '/analyze',
    'Analyze the sentiment of a text',
    {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 10000 },
        language: { type: ['string', 'null'], description: 'ISO 639-1; null to detect' },
      },
      required: ['text'],
    },
    {
      type: 'object',
      properties: {
        sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
        confidence: { type: 'number', minimum: 0, maximum: 1, examples: [0.92] },
      },
      required: ['sentiment', 'confidence'],
    },
  ),
];
const BY_VERSION: Record<string, Record<number, EndpointSnapshot[]>> = {
  'sentiment-analyzer': {
    1: sentimentV1,
    2: [
      ...sentimentV1,
      ep(
        'GET',
        '/status',
        'Model and version status',
        { type: 'object', properties: {} },
        {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ok', 'degraded'] },
            version: { type: 'integer', examples: [2] },
            model: { type: 'string', examples: ['sentiment-large-2'] },
          },
          required: ['status', 'version'],
        },
      ),
    ],
  },
};

/**
 * Draft endpoints that differ from the active version's, so the console's diff
 * shows something: fraud-scorer v2 drops GET /models, adds POST /feedback and
 * makes `channel` required in POST /score.
 */
const DRAFT_ENDPOINTS: Record<string, EndpointSnapshot[]> = {
  'fraud-scorer': [
    ep(
      'POST',
      '/score',
      'Score a transaction',
      scoreRequest(true),
      scoreResult,
      'Returns a risk score between 0 and 1 and the decision it implies.',
    ),
    RICH['fraud-scorer']![1]!,
    ep(
      'POST',
      '/feedback',
      'Report the real outcome of a scored transaction',
      {
        type: 'object',
        properties: {
          transaction_id: { type: 'string' },
          outcome: { type: 'string', enum: ['fraud', 'legitimate'] },
          notes: { type: ['string', 'null'], maxLength: 2000 },
        },
        required: ['transaction_id', 'outcome'],
      },
      { type: 'object', properties: { accepted: { type: 'boolean' } }, required: ['accepted'] },
    ),
  ],
  'contract-summarizer': [
    ep(
      'POST',
      '/summarize',
      'Summarize a contract',
      {
        type: 'object',
        properties: { document_url: { type: 'string', format: 'uri' }, max_words: { type: 'integer', minimum: 50, maximum: 1000 } },
        required: ['document_url'],
      },
      {
        type: 'object',
        properties: {
          summary: { type: 'string' },
          unusual_clauses: {
            type: 'array',
            items: {
              type: 'object',
              properties: { clause: { type: 'string' }, risk: { type: 'string', enum: ['low', 'medium', 'high'] } },
              required: ['clause', 'risk'],
            },
          },
        },
        required: ['summary', 'unusual_clauses'],
      },
    ),
  ],
};

export type VersionPlan = { status: VersionRecord['status']; traffic: number; ageDays: number };

/**
 * A seeded service's versions (in order, numbered from 1) and their endpoint
 * records: a published version gets the service's endpoints, frozen in its
 * snapshot; a draft gets its draft endpoints (or the same ones).
 */
export function demoVersions(o: {
  serviceId: string;
  slug: string;
  plans: VersionPlan[];
  /** `[method, path, summary]` of generic endpoints, for services without rich ones. */
  endpoints: [string, string, string][];
  createdAt: string;
  ago: (days: number, hours?: number) => string;
  /** Deterministic ids: versions and endpoints count apart. */
  nextVersionId: () => string;
  nextEndpointId: () => string;
}): { versions: VersionRecord[]; endpoints: EndpointRecord[] } {
  const eps = RICH[o.slug] ?? o.endpoints.map(([m, path, summary]) => genericEndpoint(m, path, summary));
  const versions: VersionRecord[] = [];
  const endpoints: EndpointRecord[] = [];
  o.plans.forEach((vp, i) => {
    const published = vp.status !== 'draft';
    const vCreated = i === 0 ? o.createdAt : o.ago(vp.ageDays, 2);
    const versionId = o.nextVersionId();
    const defs = BY_VERSION[o.slug]?.[i + 1] ?? (published ? eps : (DRAFT_ENDPOINTS[o.slug] ?? eps));
    const records: EndpointRecord[] = defs.map((d) => ({
      id: o.nextEndpointId(),
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
      service_id: o.serviceId,
      version: i + 1,
      status: vp.status,
      traffic_percent: vp.traffic,
      endpoint_snapshot: snapshot,
      skill_snapshot: snapshot ? skillSnapshot(snapshot) : null,
      created_at: vCreated,
      published_at: published ? o.ago(vp.ageDays, 1) : null,
    });
  });
  return { versions, endpoints };
}
