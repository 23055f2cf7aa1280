import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageOrArray } from '@/contract/common';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { callPlatform, platform, RINGS, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { CreateServicePage } from './create-service-page';

const servicesNamed = async (search: string) =>
  (
    await callPlatform(
      'developer',
      'GET',
      `${paths.services(SCOPE)}?search=${encodeURIComponent(search)}`,
      undefined,
      pageOrArray(HostedService),
    )
  ).items;

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
});
