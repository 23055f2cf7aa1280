import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Organization, WorkspacePage } from '@/contract/organizations';
import { paths } from '@/contract/paths';
import { fillAndSubmit } from '@/testing/forms';
import { callPlatform, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { OrganizationSettingsPage } from './organization-settings-page';

describe('the organization settings', () => {
  beforeEach(() => signInAs('admin'));

  it('renames the organization', async () => {
    const { user } = await renderFeature(<OrganizationSettingsPage scope={SCOPE} onWorkspaceCreated={() => {}} />);
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name is required')).toBeTruthy();
    await user.type(name, 'Acme Industries');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await callPlatform('viewer', 'GET', paths.organization(SCOPE.orgId), undefined, Organization)).name).toBe('Acme Industries'),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true));
  });

  it('adds a workspace, then hands it over to switch to', async () => {
    const onWorkspaceCreated = vi.fn();
    const { user } = await renderFeature(<OrganizationSettingsPage scope={SCOPE} onWorkspaceCreated={onWorkspaceCreated} />);
    await user.click(await screen.findByRole('button', { name: 'New workspace' }));
    const dialog = await screen.findByRole('dialog', { name: 'New workspace' });
    await fillAndSubmit(user, dialog, { Name: 'Production' }, 'Create workspace');
    // A name already used lands on the field.
    expect(await within(dialog).findByText("A workspace named 'Production' already exists in this organization")).toBeTruthy();
    await fillAndSubmit(user, dialog, { Name: 'Staging' }, 'Create workspace');
    await waitFor(() => expect(onWorkspaceCreated).toHaveBeenCalledWith(expect.objectContaining({ name: 'Staging', slug: 'staging' })));
    const all = await callPlatform('viewer', 'GET', paths.workspaces(SCOPE.orgId), undefined, WorkspacePage);
    expect(all.items.map((w) => w.name)).toContain('Staging');
    expect(await screen.findByRole('rowheader', { name: 'Staging' })).toBeTruthy();
  });

  it('opens a workspace from the list: each name goes to its services, the one in use marked', async () => {
    const { user, router } = await renderFeature(<OrganizationSettingsPage scope={SCOPE} onWorkspaceCreated={() => {}} />);
    const here = await screen.findByRole('link', { name: 'Production' });
    expect(here.getAttribute('aria-current')).toBe('true');
    const research = screen.getByRole('link', { name: 'Research' });
    expect(research.getAttribute('aria-current')).toBeNull();
    const all = await callPlatform('viewer', 'GET', paths.workspaces(SCOPE.orgId), undefined, WorkspacePage);
    const researchId = all.items.find((w) => w.name === 'Research')!.id;
    await user.click(research);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orgs/${SCOPE.orgId}/workspaces/${researchId}/services`));
  });

  it('is read-only for others', async () => {
    await signInAs('developer');
    await renderFeature(<OrganizationSettingsPage scope={SCOPE} onWorkspaceCreated={() => {}} />);
    expect(await screen.findByText(/Your role \(developer\) cannot do this\. Ask an admin\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New workspace' })).toBeNull();
  });
});
