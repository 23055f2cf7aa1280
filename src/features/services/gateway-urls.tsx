import { useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import { gatewayUrl } from '@/data/invoke/gateway-url';
import { servingVersions, trafficText } from '@/contract/versions-rules';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';

const PATH = '{path}';

/**
 * Where clients call the service: the gateway URL that follows the traffic
 * split, and one pinned to each serving version (seed 001 `v{N}/…`), each with
 * a copy button. `{path}` stands for an endpoint's path.
 */
export function GatewayUrls({ scope, serviceId }: { scope: Scope; serviceId: string }) {
  const versions = useQuery(versionsQueryOptions(scope, serviceId));
  const serving = servingVersions(versions.data?.items ?? []);

  const copy = async (url: string, what: string) => {
    try {
      await navigator.clipboard.writeText(url);
      toast.success(`Copied the ${what} URL`);
    } catch {
      toast.error('The browser did not allow copying. Select the URL and copy it.');
    }
  };

  const rows = [
    // A share the platform did not give may be more than 0: the split's URL is offered then too.
    ...(serving.some((v) => v.traffic_percent !== 0)
      ? [
          {
            key: 'split',
            label: 'By traffic split',
            what: 'traffic split',
            url: gatewayUrl(scope.orgId, serviceId, PATH, { kind: 'split' }),
          },
        ]
      : []),
    ...serving.map((v) => ({
      key: v.id,
      label: `v${v.version} (${v.status}, ${trafficText(v.traffic_percent)})`,
      what: `v${v.version}`,
      url: gatewayUrl(scope.orgId, serviceId, PATH, { kind: 'pinned', version: v.version }),
    })),
  ];

  return (
    <Card
      id="gateway-urls-title"
      heading="Gateway URLs"
      subtitle={`Clients call an endpoint at one of these, with ${PATH} replaced by its path and a Bearer token.`}
    >
      {versions.isPending ? (
        <p className="muted" aria-busy="true">
          Loading the versions…
        </p>
      ) : versions.isError ? (
        <p className="form-alert" role="alert">
          The versions could not be loaded: {versions.error.message}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No URL yet: the gateway serves published versions. Publish one to call it.</p>
      ) : (
        <dl className="gateway-urls">
          {rows.map((row) => (
            <div key={row.key} className="gateway-url-row">
              <dt>{row.label}</dt>
              <dd>
                <code className="gateway-url">{row.url}</code>
                <Button size="sm" onClick={() => void copy(row.url, row.what)} aria-label={`Copy the ${row.what} URL`}>
                  Copy
                </Button>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
