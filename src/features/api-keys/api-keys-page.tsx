import './api-keys.css';
import { useState } from 'react';
import { toast } from 'sonner';
import type { ApiKeyRead } from '@/contract/api-keys';
import { useCreateApiKey } from '@/data/api-keys/create-api-key';
import { useApiKeys } from '@/data/api-keys/get-api-keys';
import { useRevokeApiKey } from '@/data/api-keys/revoke-api-key';
import { useWhoami } from '@/data/auth/get-whoami';
import { ApiError } from '@/lib/api-error';
import { toPageQuery, type ListSearch } from '@/lib/list-search';
import { can } from '@/lib/permissions';
import type { SearchProps, WorkspaceProps } from '@/lib/route-props';
import { Badge } from '@/ui/badge';
import { Button } from '@/ui/button';
import { ConfirmAction } from '@/ui/confirm-dialog';
import { DateTime } from '@/ui/date-time';
import { InvalidTableRows } from '@/ui/invalid-rows';
import { SearchedPagedList } from '@/ui/paged-list';
import { EmptyState } from '@/ui/states';
import { TableHead } from '@/ui/table-head';
import { Page } from '@/ui/page';
import { CreateApiKeyDialog } from './create-api-key-dialog';
import { NewKeyDialog } from './new-key-dialog';

const REFUSAL = 'Only admins manage API keys';

/** The organization's API keys (admins): a page at a time, newest first, searched by name or prefix; create (the key shown once), revoke. */
export function ApiKeysPage({ scope, search, onSearchChange }: WorkspaceProps & SearchProps<ListSearch>) {
  const me = useWhoami();
  const admin = can(me.role, 'api-keys:manage');
  const keys = useApiKeys(scope.orgId, toPageQuery(search), admin);
  const create = useCreateApiKey(scope.orgId);
  // One dialog at a time: naming a new key, or revoking one. The new key itself is the mutation's, shown by NewKeyDialog.
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'revoke'; key: ApiKeyRead } | null>(null);

  // In the header, and again in the empty list's middle.
  const newKey = (
    <Button variant="primary" onClick={() => setDialog({ kind: 'create' })}>
      New API key
    </Button>
  );

  let body: React.ReactNode;
  if (!admin) {
    body = (
      <EmptyState title={REFUSAL}>
        <p>Your role ({me.role}) cannot see or change them. Ask an admin of your organization for a key.</p>
      </EmptyState>
    );
  } else if (keys.isError && keys.error instanceof ApiError && keys.error.status === 403) {
    body = (
      <EmptyState title={REFUSAL}>
        <p>The platform refused: {keys.error.message}</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <SearchedPagedList
          placeholder="Search by name or prefix (fl_…)"
          query={keys}
          search={search}
          onSearchChange={onSearchChange}
          noun="API keys"
          empty={
            <EmptyState title="No API keys" action={newKey}>
              <p>
                Scripts, CI pipelines and <span className="mono">flow-sdk login</span> sign in with a key.
              </p>
            </EmptyState>
          }
        >
          {({ items, invalid }) => (
            <div className="table-wrap">
              <table className="table api-keys-table">
                <caption className="visually-hidden">API keys, newest first</caption>
                <TableHead columns={['Name', 'Key', 'Created', 'Created by', 'Last used', { label: 'Actions', hidden: true }]} />
                <tbody>
                  {items.map((key) => (
                    <tr key={key.id} className={key.revoked_at ? 'api-key-revoked' : undefined}>
                      <th scope="row">
                        {key.name}
                        {key.revoked_at && (
                          <span className="api-key-state">
                            <Badge tone="danger">revoked</Badge> <DateTime iso={key.revoked_at} />
                          </span>
                        )}
                      </th>
                      <td className="mono">{key.prefix ? `${key.prefix}…` : <span className="muted">—</span>}</td>
                      <td>
                        <DateTime iso={key.created_at} />
                      </td>
                      <td>{key.created_by ? key.created_by.name : <span className="muted">—</span>}</td>
                      <td>
                        <DateTime iso={key.last_used_at} fallback="never" />
                      </td>
                      <td>
                        {!key.revoked_at && (
                          <div className="row-actions">
                            <Button
                              size="sm"
                              variant="ghost"
                              className="btn-danger-text"
                              aria-label={`Revoke ${key.name}`}
                              onClick={() => setDialog({ kind: 'revoke', key })}
                            >
                              Revoke
                            </Button>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                  <InvalidTableRows rows={invalid} columns={6} noun="API key" />
                </tbody>
              </table>
            </div>
          )}
        </SearchedPagedList>
      </>
    );
  }

  return (
    <Page
      id="api-keys-title"
      title="API keys"
      subtitle="Organization API keys (fl_…) sign scripts and tools in, as whoever created them. A key is shown once, when it is made."
      actions={admin && newKey}
    >
      {body}

      {admin && (
        <>
          <CreateApiKeyDialog
            open={dialog?.kind === 'create'}
            onOpenChange={(open) => !open && setDialog(null)}
            create={(name, idempotencyKey) => create.mutateAsync({ input: { name }, idempotencyKey })}
          />
          <NewKeyDialog created={create.data ?? null} onClose={() => create.reset()} />
          {dialog?.kind === 'revoke' && <RevokeKeyDialog orgId={scope.orgId} apiKey={dialog.key} onClose={() => setDialog(null)} />}
        </>
      )}
    </Page>
  );
}

function RevokeKeyDialog({ orgId, apiKey, onClose }: { orgId: string; apiKey: ApiKeyRead; onClose: () => void }) {
  const revoke = useRevokeApiKey(orgId);
  return (
    <ConfirmAction
      title={`Revoke ${apiKey.name}?`}
      actionLabel="Revoke key"
      state={revoke}
      run={() => revoke.mutateAsync(apiKey.id)}
      onClose={onClose}
      onDone={() => toast.success(`API key ${apiKey.name} revoked`)}
    >
      <p>
        Signing in with <span className="mono">{apiKey.prefix ? `${apiKey.prefix}…` : apiKey.name}</span> is refused from now on, and
        sessions opened with it end. Whatever uses it stops working. This cannot be undone.
      </p>
    </ConfirmAction>
  );
}
