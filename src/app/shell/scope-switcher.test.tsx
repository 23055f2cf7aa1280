import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { platform, server, SCOPE, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { ScopeSwitcher } from './scope-switcher';

const EMPTY_ORG = { id: '0f6f2d6e-0000-4000-8000-00000000e001', name: 'Globex', slug: 'globex', created_at: null };

/**
 * The mock puts each user in one organization; a platform may list more. Here it lists Globex too, which has
 * no workspace yet (a workspace created in it is answered as the platform would).
 */
function withAnOrganizationWithoutWorkspaces() {
  server.use(
    http.get('*/api/v1/organizations', async ({ request }) => {
      const mine = (await (await platform.app.fetch(request)).json()) as { items: unknown[] };
      return HttpResponse.json({ ...mine, items: [...mine.items, EMPTY_ORG], total: mine.items.length + 1 });
    }),
    http.get(`*/api/v1/organizations/${EMPTY_ORG.id}/workspaces`, () => HttpResponse.json({ items: [], total: 0, limit: 100, offset: 0 })),
  );
}

const workspacePicker = () => screen.findByRole('combobox', { name: 'Workspace' });

describe('the scope switcher', () => {
  it('ends the workspace picker with New workspace… for an admin, which opens the form and keeps the workspace picked', async () => {
    await signInAs('admin');
    const { user } = await renderFeature(<ScopeSwitcher scope={SCOPE} />);
    const picker = (await workspacePicker()) as HTMLSelectElement;
    const options = within(picker).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Production', 'Research', 'New workspace…']);
    // Nothing else in the header's room: the action is the picker's, not a button beside it.
    expect(screen.queryByRole('button')).toBeNull();

    await user.selectOptions(picker, 'New workspace…');
    const dialog = await screen.findByRole('dialog', { name: 'New workspace' });
    expect(within(dialog).getByRole('button', { name: 'Create workspace' })).toBeTruthy();
    expect(picker.value).toBe(SCOPE.workspaceId);
  });

  it('offers no New workspace… to a role that cannot create one', async () => {
    await signInAs('developer');
    await renderFeature(<ScopeSwitcher scope={SCOPE} />);
    const picker = await workspacePicker();
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Production', 'Research']);
  });

  it('says when an organization picked has no workspaces, and an admin creates its first there', async () => {
    withAnOrganizationWithoutWorkspaces();
    let created: unknown = null;
    server.use(
      http.post(`*/api/v1/organizations/${EMPTY_ORG.id}/workspaces`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(
          { id: '0f6f2d6e-0000-4000-8000-00000000e011', org_id: EMPTY_ORG.id, name: 'Main', slug: 'main', created_at: null },
          { status: 201 },
        );
      }),
    );
    await signInAs('admin');
    const { user, router } = await renderFeature(<ScopeSwitcher scope={SCOPE} />);
    const orgPicker = (await screen.findByRole('combobox', { name: 'Organization' })) as HTMLSelectElement;
    await user.selectOptions(orgPicker, 'Globex');

    const dialog = await screen.findByRole('dialog', { name: 'No workspaces in Globex' });
    expect(within(dialog).getByText(/Globex has no workspaces yet/)).toBeTruthy();
    // It stays where it was until there is somewhere to go.
    expect(orgPicker.value).toBe(SCOPE.orgId);
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Main');
    await user.click(within(dialog).getByRole('button', { name: 'Create workspace' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/orgs/${EMPTY_ORG.id}/workspaces/0f6f2d6e-0000-4000-8000-00000000e011/services`),
    );
    expect(created).toEqual({ name: 'Main' });
  });

  it('tells anyone else that an organization picked has no workspaces, and who can create one', async () => {
    withAnOrganizationWithoutWorkspaces();
    await signInAs('viewer');
    const { user, router } = await renderFeature(<ScopeSwitcher scope={SCOPE} />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Organization' }), 'Globex');

    const dialog = await screen.findByRole('dialog', { name: 'No workspaces in Globex' });
    expect(dialog.textContent).toContain('Globex has no workspaces yet');
    expect(dialog.textContent).toContain('ask an admin of Globex to create one');
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/');
  });
});
