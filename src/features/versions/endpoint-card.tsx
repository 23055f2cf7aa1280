import type { ReactNode } from 'react';
import type { EndpointSnapshotRead } from '@/contract/versions';
import { withTone, type Tone } from '@/ui/badge';
import { SchemaBlock } from './schema-block';

/** Reads in blue, creates in green, changes in amber, deletes in red. */
const METHOD_TONES: Partial<Record<string, Tone>> = { GET: 'info', POST: 'success', PUT: 'warning', PATCH: 'warning', DELETE: 'danger' };

/** One endpoint — method, path, summary, its schemas on demand — with optional actions. */
export function EndpointCard({ endpoint: e, children }: { endpoint: EndpointSnapshotRead; children?: ReactNode }) {
  return (
    <li className="card endpoint-card">
      <div className="endpoint-head">
        <span className={withTone('method', METHOD_TONES[e.method])}>{e.method}</span>
        <span className="mono endpoint-path">{e.path}</span>
        {/* A summary is our decision: the platform may give none. */}
        <span className="endpoint-summary">{e.summary ?? <span className="muted">No summary</span>}</span>
        {children}
      </div>
      <details>
        <summary>Schemas</summary>
        <div className="grid-2">
          <SchemaBlock title="Request" schema={e.request_schema} />
          <SchemaBlock title="Response" schema={e.response_schema} />
        </div>
      </details>
    </li>
  );
}
