import './connectors.css';
import { useWhoami } from '@/data/auth/get-whoami';
import { useConnectorTypes } from '@/data/connectors/get-connector-types';
import { roleReason } from '@/lib/permissions';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { Notice } from '@/ui/notice';
import { SearchBox } from '@/ui/search-box';
import { EmptyState } from '@/ui/states';
import { Page } from '@/ui/page';
import { ConnectorTypeCard } from './connector-type-card';
import { changeTypeSearch, typeSearch, type ConnectorsSearch } from './connectors-search';

/** The connector catalog of the workspace, each type with its configured instances (one search over them all, each type paged). */
export function ConnectorsPage({ scope, search, onSearchChange }: WorkspaceProps & SearchProps<ConnectorsSearch>) {
  const types = useConnectorTypes(scope);
  const me = useWhoami();
  const readOnlyReason = roleReason(me.role, 'service:write');

  return (
    <Page
      id="connectors-title"
      title="Connectors"
      subtitle="Databases, storage and APIs that services bind to. Each instance is one configured connection; its secrets are write-only."
    >
      <Notice reason={readOnlyReason}>Connectors are shown read-only.</Notice>
      {types.length > 0 && (
        <div className="toolbar" role="search">
          <SearchBox
            label="Search instances"
            placeholder="Search instances by name or description"
            value={search.q}
            onSearch={(q) => onSearchChange({ q, pages: {} })}
          />
        </div>
      )}
      {types.length === 0 ? (
        <EmptyState title="No connector types">
          <p>The platform offers no connectors in this workspace.</p>
        </EmptyState>
      ) : (
        types.map((type) => (
          <ConnectorTypeCard
            key={type.id}
            scope={scope}
            type={type}
            readOnly={!!readOnlyReason}
            search={typeSearch(search, type.id)}
            onSearchChange={(next) => onSearchChange(changeTypeSearch(search, type.id, next))}
          />
        ))
      )}
    </Page>
  );
}
