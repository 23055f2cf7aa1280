import type { ConnectionTestRead } from '@/contract/connectors';
import { formatDateTime } from '@/lib/format';
import { Badge } from '@/ui/badge';

export function TestResult({ result }: { result: ConnectionTestRead }) {
  return (
    <div className={`test-result ${result.ok ? 'test-ok' : 'test-failed'}`}>
      <p className="test-headline">
        <Badge tone={result.ok ? 'success' : 'danger'}>{result.ok ? 'Connected' : 'Failed'}</Badge>
        {result.latency_ms !== null && <span className="mono">{Math.round(result.latency_ms)} ms</span>}
        <time className="muted" dateTime={result.tested_at}>
          {formatDateTime(result.tested_at)}
        </time>
      </p>
      <p className="test-message">{result.message}</p>
    </div>
  );
}
