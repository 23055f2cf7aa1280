import './requests.css';
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Scope } from '@/contract/paths';
import type { RequestRecordRead } from '@/contract/requests';
import { useRequestLog } from '@/data/requests/get-requests';
import { useRequestTail } from '@/data/requests/use-request-tail';
import { useVersions } from '@/data/versions/get-versions';
import { useCapability } from '@/lib/capabilities';
import { notAvailable } from '@/lib/not-available';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { EmptyState, ErrorState, RetryAlert } from '@/ui/states';
import { Unavailable } from '@/ui/unavailable';
import { arrive, mergeRows, NO_LIVE_ROWS, release, type LiveRows } from './live-rows';
import { LiveControl } from './live-control';
import { LogsFilters } from './logs-filters';
import { isFiltered, NO_FILTERS, toFilters } from './logs-filter-values';
import type { LogsSearch } from './logs-search';
import { RequestDetails } from './request-details';
import { RequestTable } from './request-table';
import { serverNow } from '@/lib/server-clock';

/** The Logs tab: what the gateway answered for this service, newest first, filtered, and live. */
export function LogsPage({ scope, serviceId, search, onSearchChange }: ServiceProps & SearchProps<LogsSearch>) {
  const versions = useVersions(scope, serviceId);
  const unavailable = useCapability('requestLog') === 'unavailable';
  const versionNumbers = useMemo(() => versions.map((v) => v.version).sort((a, b) => b - a), [versions]);
  const endpointPaths = useMemo(
    () => [...new Set(versions.flatMap((v) => (v.endpoint_snapshot ?? []).map((e) => e.path)))].sort(),
    [versions],
  );
  // The list starts again (and a relative range is taken from now) whenever a filter changes.
  const filterKey = JSON.stringify([
    search.version,
    search.status,
    search.method,
    search.path,
    search.search,
    search.range,
    search.since,
    search.until,
  ]);

  if (unavailable) {
    return (
      <Unavailable capability="requestLog" title="Request logs are not available on this platform" level={2}>
        <p>This platform does not list the calls its gateway answered. Every other tab works as usual.</p>
      </Unavailable>
    );
  }
  return (
    <div className="stack">
      <LogsFilters search={search} onSearchChange={onSearchChange} versions={versionNumbers} endpointPaths={endpointPaths} />
      <RequestLog key={filterKey} scope={scope} serviceId={serviceId} search={search} onSearchChange={onSearchChange} />
    </div>
  );
}

function RequestLog({ scope, serviceId, search, onSearchChange }: { scope: Scope; serviceId: string } & SearchProps<LogsSearch>) {
  // A relative range ("the last hour") is counted from when the filters were set, or Refresh pressed.
  const [now, setNow] = useState(serverNow);
  const filters = useMemo(() => toFilters(search, now), [search, now]);
  const log = useRequestLog(scope, serviceId, filters);
  const requests = log.newest;
  const [live, setLive] = useState<LiveRows>(NO_LIVE_ROWS);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const top = useRef<HTMLDivElement>(null);
  const atTop = useRef(true);

  const rows = useMemo(
    () =>
      mergeRows(
        live.shown,
        log.pages.map((p) => p.items),
      ),
    [live.shown, log.pages],
  );

  const liveDisabled = search.until ? 'Live shows new requests: pick a time range without an end.' : null;
  const onRecord = useCallback((record: RequestRecordRead) => {
    setLive((rows) => arrive(rows, record, atTop.current));
    setFresh((ids) => new Set(ids).add(record.id));
  }, []);
  const status = useRequestTail({
    scope,
    serviceId,
    filters,
    enabled: search.live === true && !liveDisabled && requests.isSuccess,
    resumeAfter: rows[0]?.id,
    onRecord,
  });

  // Whether the reader is at the top of the list: new rows join it there, and wait while they are not.
  useEffect(() => {
    const el = top.current;
    // Without IntersectionObserver (an old browser), new rows always join the top.
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      atTop.current = entry?.isIntersecting ?? true;
      if (atTop.current) setLive(release);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const showHeld = () => {
    setLive(release);
    top.current?.scrollIntoView({ block: 'start' });
  };

  if (requests.isError && !requests.data) {
    if (notAvailable(requests.error)) return null; // the page says so (the capability is learnt)
    return <ErrorState title="Requests could not be loaded" error={requests.error} onRetry={() => void requests.refetch()} />;
  }

  const filtered = isFiltered(search);
  return (
    <section className="stack requests-log" aria-label="Request log">
      <div className="requests-bar">
        <LiveControl
          on={search.live === true}
          status={status}
          disabledReason={liveDisabled}
          onChange={(on) => onSearchChange({ live: on || undefined })}
        />
        {!search.live && (
          <Button
            size="sm"
            variant="ghost"
            pending={requests.isRefetching}
            onClick={() => {
              setLive(NO_LIVE_ROWS);
              setNow(serverNow());
              void log.refresh();
            }}
          >
            Refresh
          </Button>
        )}
      </div>
      <div ref={top} className="requests-top" />
      {live.held.length > 0 && (
        <div className="requests-held" role="status">
          <button type="button" className="btn btn-primary btn-sm" onClick={showHeld}>
            {live.held.length === 1 ? '1 new request' : `${live.held.length} new requests`} — show
          </button>
        </div>
      )}
      {requests.data && rows.length === 0 ? (
        search.live && !filtered ? (
          <EmptyState title="Waiting for requests">
            <p>Calls through the gateway will appear here as they are answered.</p>
          </EmptyState>
        ) : filtered ? (
          <EmptyState
            title="No requests match"
            action={
              <button type="button" className="btn btn-secondary" onClick={() => onSearchChange(NO_FILTERS)}>
                Clear filters
              </button>
            }
          >
            <p>Nothing the gateway answered matches these filters.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No requests yet">
            <p>
              Every call through the gateway is recorded here, refused ones too. Make one from the{' '}
              <Link to="/orgs/$orgId/workspaces/$workspaceId/services/$serviceId/test" params={{ ...scope, serviceId }}>
                Test tab
              </Link>
              .
            </p>
          </EmptyState>
        )
      ) : (
        <RequestTable rows={rows} fresh={fresh} loading={!requests.data} onOpen={(id) => onSearchChange({ request: id })} />
      )}
      {requests.data && rows.length > 0 && (
        <div className="requests-more">
          {log.hasOlder ? (
            <Button onClick={() => void log.fetchOlder()} pending={log.olderState.loading}>
              Older requests
            </Button>
          ) : (
            <p className="muted">{filtered ? 'No older requests match.' : 'No older requests: records are kept for 7 days.'}</p>
          )}
          {log.olderState.error && (
            <RetryAlert what="Older requests could not be loaded" error={log.olderState.error} onRetry={() => void log.fetchOlder()} />
          )}
        </div>
      )}
      {search.request && (
        <RequestDetails
          scope={scope}
          serviceId={serviceId}
          requestId={search.request}
          known={rows.find((r) => r.id === search.request)}
          onClose={() => onSearchChange({ request: undefined })}
        />
      )}
    </section>
  );
}
