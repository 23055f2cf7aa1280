import './organizations.css';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { toast } from 'sonner';
import { OrganizationUpdate, type WorkspaceRead } from '@/contract/organizations';
import { useWhoami } from '@/data/auth/get-whoami';
import { useOrganization } from '@/data/organizations/get-organization';
import { useWorkspaces } from '@/data/organizations/get-workspaces';
import { useUpdateOrganization } from '@/data/organizations/update-organization';
import { roleReason } from '@/lib/permissions';
import type { WorkspaceProps } from '@/lib/route-props';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { DateTime } from '@/ui/date-time';
import { DateDetail } from '@/ui/date-detail';
import { Detail } from '@/ui/details';
import { FormFooter } from '@/ui/form-footer';
import { Notice } from '@/ui/notice';
import { TableHead } from '@/ui/table-head';
import { Page } from '@/ui/page';
import { TextField } from '@/ui/text-field';
import { NewWorkspaceDialog } from './new-workspace-dialog';

/** The organization's settings: its name (admins rename it) and its workspaces (admins add one). */
export function OrganizationSettingsPage({
  scope,
  onWorkspaceCreated,
}: WorkspaceProps & { onWorkspaceCreated: (workspace: WorkspaceRead) => void }) {
  const me = useWhoami();
  const org = useOrganization(scope.orgId);
  const workspaces = useWorkspaces(scope.orgId);
  const readOnlyReason = roleReason(me.role, 'organization:write');
  const update = useUpdateOrganization(scope.orgId);
  const [creating, setCreating] = useState(false);
  const server = useServerForm({
    schema: OrganizationUpdate,
    fields: ['name'],
    values: { name: org.name },
    send: (input) => update.mutateAsync(input),
    onSuccess: (saved, _values, { form }) => {
      form.reset({ name: saved.name });
      toast.success(`Organization renamed ${saved.name}`);
    },
  });
  const { formState } = server.form;

  return (
    <Page id="organization-title" title="Organization" subtitle={<>Settings shared by every workspace of {org.name}.</>}>
      <Notice reason={readOnlyReason}>The organization’s settings are shown read-only.</Notice>
      <div className="stack organization-stack">
        <form className="form card organization-form" onSubmit={server.onSubmit} noValidate aria-labelledby="organization-general">
          <h2 id="organization-general">General</h2>
          <fieldset className="fieldset-plain" disabled={!!readOnlyReason}>
            <TextField
              form={server.form}
              name="name"
              label="Name"
              required
              autoComplete="organization"
              hint="Shown in the header and to everyone in the organization. Links keep working: they use its ID."
            />
          </fieldset>
          <dl className="details">
            {org.slug && (
              <Detail term="Slug" mono>
                {org.slug}
              </Detail>
            )}
            <Detail term="ID" mono>
              {org.id}
            </Detail>
            <DateDetail term="Created" iso={org.created_at} />
          </dl>
          {!readOnlyReason && (
            <FormFooter form={server} submit={{ label: 'Save', disabled: !formState.isDirty }}>
              <Button disabled={!formState.isDirty} onClick={() => server.form.reset({ name: org.name })}>
                Discard changes
              </Button>
            </FormFooter>
          )}
        </form>
        <Card
          id="organization-workspaces"
          heading="Workspaces"
          subtitle="Each holds its own services, rings and connectors. Open one to work in it."
          actions={!readOnlyReason && <Button onClick={() => setCreating(true)}>New workspace</Button>}
        >
          <div className="table-wrap table-flat">
            <table className="table workspaces-table">
              <caption className="visually-hidden">Workspaces</caption>
              <TableHead columns={['Name', 'Slug', 'Created']} />
              <tbody>
                {workspaces.map((w) => (
                  <tr key={w.id}>
                    <th scope="row">
                      {/* Each goes to that workspace's services, as the header's workspace picker does. */}
                      <Link
                        to="/orgs/$orgId/workspaces/$workspaceId/services"
                        params={{ orgId: scope.orgId, workspaceId: w.id }}
                        className="row-link"
                        aria-current={w.id === scope.workspaceId ? 'true' : undefined}
                      >
                        {w.name}
                      </Link>
                      {w.id === scope.workspaceId && <span className="muted"> (this one)</span>}
                    </th>
                    <td className="mono">{w.slug ?? '—'}</td>
                    <td>
                      <DateTime iso={w.created_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
      {!readOnlyReason && (
        <NewWorkspaceDialog orgId={scope.orgId} open={creating} onOpenChange={setCreating} onCreated={onWorkspaceCreated} />
      )}
    </Page>
  );
}
