import './traffic.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { knowsTraffic, servingVersions } from '@/contract/versions-rules';
import { versionsQueryOptions } from '@/data/versions/get-versions';
import type { ServiceProps } from '@/lib/route-props';
import { Card } from '@/ui/card';
import { SplitBar } from './split-bar';

/**
 * The Overview's word on traffic while more than one version takes a share (a canary, a rollout): the split
 * as the Traffic tab draws it, in words too ("v1 90% · v2 10%"), and the rollout that moves it (`rollout`, its
 * own feature, placed by the route). With one version serving, the overview's Current version says it all.
 */
export function TrafficSummary({ scope, serviceId, rollout }: ServiceProps & { rollout?: ReactNode }) {
  const versions = useQuery(versionsQueryOptions(scope, serviceId));
  const serving = servingVersions(versions.data?.items ?? []);
  if (!knowsTraffic(serving)) return null;
  const sharing = serving.filter((v) => v.traffic_percent > 0);
  if (sharing.length < 2) return null;
  const segments = serving.map((v) => ({ id: v.id, version: v.version, status: v.status, percent: v.traffic_percent }));
  return (
    <Card
      id="overview-traffic-title"
      className="traffic-card"
      heading="Traffic split"
      subtitle={`Requests are split among ${sharing.length} versions.`}
      actions={
        <Link
          to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/traffic"
          params={{ ...scope, serviceId }}
          className="btn btn-secondary"
        >
          Open Traffic
        </Link>
      }
    >
      <p className="traffic-summary-words">
        {[...sharing]
          .sort((a, b) => a.version - b.version)
          .map((v) => `v${v.version} ${v.traffic_percent}%`)
          .join(' · ')}
      </p>
      <SplitBar segments={segments} label="Current traffic split" />
      {rollout}
    </Card>
  );
}
