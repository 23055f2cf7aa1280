import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '@/contract/organizations';
import { paths, type Scope } from '@/contract/paths';
import { Ring } from '@/contract/rings-read';
import { HostedService } from '@/contract/services';
import { listOf } from '@/testing/arrange';
import { callPlatform, holdAnswers, platform, RINGS, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { leavesWithoutAsking, leavingAsks, renderFeature } from '@/testing/render';
import { CreateServicePage } from './create-service-page';

const servicesNamed = (search: string) => listOf(`${paths.services(SCOPE)}?search=${encodeURIComponent(search)}`, HostedService);

describe('the create-service form', () => {
  beforeEach(() => signInAs('developer'));

  it('creates an invocation service in the chosen ring and opens it', async () => {
    const { user, router } = await renderFeature(<CreateServicePage scope={SCOPE} />);
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Document Processor');
    expect(screen.getByRole('textbox', { name: 'Slug' })).toHaveProperty('value', 'document-processor');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Ring' }), RINGS.dev);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/services\/[0-9a-f-]{36}$/));
    const [created] = await servicesNamed('Document Processor');
    expect(created).toMatchObject({ slug: 'document-processor', execution_mode: 'invocation', ring_id: RINGS.dev, status: 'draft' });
    expect(router.state.location.pathname).toBe(`/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${created!.id}`);
  });

  it('shows each problem on its field before sending anything', async () => {
    const { user } = await renderFeature(<CreateServicePage scope={SCOPE} />);
    await user.click(await screen.findByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(screen.getByText('Slug must be at least 3 characters')).toBeTruthy();
    expect(screen.getByText('A ring is required for invocation mode')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('puts the platform’s duplicate-slug refusal on the Slug field and focuses it', async () => {
    await callPlatform(
      'developer',
      'POST',
      paths.services(SCOPE),
      { name: 'Taken', slug: 'taken-slug', ring_id: RINGS.dev },
      HostedService,
    );
    const { user } = await renderFeature(<CreateServicePage scope={SCOPE} />);
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Another one');
    const slug = screen.getByRole('textbox', { name: 'Slug' });
    await user.clear(slug);
    await user.type(slug, 'taken-slug');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Ring' }), RINGS.dev);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText("A service with slug 'taken-slug' already exists in this workspace")).toBeTruthy();
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(slug);
  });

  it('offers a retry after a lost answer, and the retry creates the service once', async () => {
    const keys: string[] = [];
    server.use(
      http.post(
        `*/api/v1${paths.services(SCOPE)}`,
        async ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key') ?? '');
          await platform.app.fetch(request); // the platform creates it, but the answer is lost
          return HttpResponse.error();
        },
        { once: true },
      ),
      http.post(`*/api/v1${paths.services(SCOPE)}`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key') ?? '');
        return platform.app.fetch(request);
      }),
    );
    const { user, router } = await renderFeature(<CreateServicePage scope={SCOPE} />);
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Flaky Network');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Ring' }), RINGS.dev);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the platform');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/\/services\/[0-9a-f-]{36}$/));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await servicesNamed('Flaky Network')).toHaveLength(1);
  });

  it('a viewer gets why and a way back, never a form', async () => {
    await signInAs('viewer');
    const { user, router } = await renderFeature(<CreateServicePage scope={SCOPE} />);
    const refusal = await screen.findByRole('note', { name: 'You can’t create services' });
    expect(refusal.textContent).toContain('Your role (viewer) cannot do this. Ask an admin or a developer.');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Back to Hosted Services' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services`));
  });

  describe('in a workspace without rings', () => {
    /** A workspace of the test's own, made by an admin: a new workspace has no rings. */
    async function emptyWorkspace(): Promise<Scope> {
      const made = await callPlatform('admin', 'POST', paths.workspaces(SCOPE.orgId), { name: `Empty ${crypto.randomUUID()}` }, Workspace);
      return { orgId: SCOPE.orgId, workspaceId: made.id };
    }

    it('an admin creates the first ring in place, and it is chosen without losing what was typed', async () => {
      await signInAs('admin');
      const scope = await emptyWorkspace();
      const { user, router } = await renderFeature(<CreateServicePage scope={scope} />);
      await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'First Service');
      const help = await screen.findByRole('group', { name: 'This workspace has no rings yet' });
      const ring = screen.getByRole('combobox', { name: 'Ring' });
      expect(
        within(ring)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['No rings in this workspace yet']);
      expect(within(help).getByRole('link', { name: 'Open Rings' }).getAttribute('href')).toBe(
        `/orgs/${scope.orgId}/workspaces/${scope.workspaceId}/rings`,
      );

      await user.click(within(help).getByRole('button', { name: 'Create ring dev' }));
      await waitFor(() => expect(screen.queryByRole('group', { name: 'This workspace has no rings yet' })).toBeNull());
      const [dev] = await listOf(paths.rings(scope), Ring);
      expect(dev).toMatchObject({ name: 'dev' });
      await waitFor(() => expect(screen.getByRole('combobox', { name: 'Ring' })).toHaveProperty('value', dev!.id));
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Ring' }));
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'First Service');

      await user.click(screen.getByRole('button', { name: 'Create' }));
      await waitFor(() => expect(router.state.location.pathname).toMatch(/\/services\/[0-9a-f-]{36}$/));
      const [created] = await listOf(paths.services(scope), HostedService);
      expect(created).toMatchObject({ name: 'First Service', ring_id: dev!.id });
    });

    it('when another admin has just made ring dev, the refused create reads the rings again and offers it', async () => {
      await signInAs('admin');
      const scope = await emptyWorkspace();
      const { user } = await renderFeature(<CreateServicePage scope={scope} />);
      const help = await screen.findByRole('group', { name: 'This workspace has no rings yet' });
      const dev = await callPlatform('admin', 'POST', paths.rings(scope), { name: 'dev' }, Ring);

      await user.click(within(help).getByRole('button', { name: 'Create ring dev' }));
      await waitFor(() => expect(screen.queryByRole('group', { name: 'This workspace has no rings yet' })).toBeNull());
      expect(within(screen.getByRole('combobox', { name: 'Ring' })).getByRole('option', { name: /^dev/ })).toHaveProperty('value', dev.id);
    });

    it('a developer is told whom to ask, and may make it a persistent service instead', async () => {
      const scope = await emptyWorkspace();
      const { user } = await renderFeature(<CreateServicePage scope={scope} />);
      const help = await screen.findByRole('group', { name: 'This workspace has no rings yet' });
      expect(help.textContent).toContain('only an admin can create rings: ask an admin of your organization');
      expect(within(help).queryByRole('button', { name: 'Create ring dev' })).toBeNull();

      await user.click(within(help).getByRole('button', { name: 'Make it a persistent service' }));
      expect(screen.getByRole('radio', { name: /Persistent/ })).toHaveProperty('checked', true);
      expect(screen.queryByRole('group', { name: 'This workspace has no rings yet' })).toBeNull();
      expect(screen.queryByRole('combobox', { name: 'Ring' })).toBeNull();
    });
  });

  describe('leaving it', () => {
    /** The form, shown before the rings list has come back; the list then arrives and fills the Ring field. */
    async function openWhileRingsLoad() {
      const release = holdAnswers(paths.rings(SCOPE));
      const view = await renderFeature(<CreateServicePage scope={SCOPE} />, { path: '/services/new' });
      expect((await screen.findByRole('combobox', { name: 'Ring' })).hasAttribute('disabled')).toBe(true);
      release();
      // Asked afresh: the select shown while loading is replaced by one with the rings.
      await waitFor(() => expect(screen.getByRole('combobox', { name: 'Ring' }).hasAttribute('disabled')).toBe(false));
      expect(within(screen.getByRole('combobox', { name: 'Ring' })).getAllByRole('option').length).toBeGreaterThan(1);
      return view;
    }

    it('leaves without asking when nothing was typed, after the rings arrived', async () => {
      const { router } = await openWhileRingsLoad();
      await leavesWithoutAsking(router);
    });

    it('leaves without asking when what was typed was taken back', async () => {
      const { user, router } = await openWhileRingsLoad();
      const name = screen.getByRole('textbox', { name: 'Name' });
      await user.type(name, 'x');
      await user.clear(name);
      await user.click(screen.getByRole('radio', { name: /Persistent/ }));
      await user.click(screen.getByRole('radio', { name: /Invocation/ }));
      await leavesWithoutAsking(router);
    });

    it('asks before leaving what was typed; staying keeps it', async () => {
      const { user, router } = await openWhileRingsLoad();
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Half a name');
      const ask = await leavingAsks(router);
      expect(ask.textContent).toContain('The new service has changes that are not saved.');
      await user.click(within(ask).getByRole('button', { name: 'Stay on this page' }));
      expect(screen.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Half a name');
    });

    it('asks before leaving a ring chosen and nothing else', async () => {
      const { user, router } = await openWhileRingsLoad();
      await user.selectOptions(screen.getByRole('combobox', { name: 'Ring' }), RINGS.dev);
      await leavingAsks(router);
    });
  });
});
