import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { callPlatform, holdAnswers, platform, RINGS, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { leavesWithoutAsking, leavingAsks, renderFeature } from '@/testing/render';
import { ServiceSettings } from './service-settings';

const draftService = () =>
  callPlatform('developer', 'POST', paths.services(SCOPE), { name: 'Editable', slug: 'editable', ring_id: RINGS.dev }, HostedService);

describe('the settings form', () => {
  beforeEach(() => signInAs('developer'));

  it('sends only what changed, and shows what the platform saved', async () => {
    const service = await draftService();
    const sent: unknown[] = [];
    server.use(
      http.put(`*/api/v1${paths.service(SCOPE, service.id)}`, async ({ request }) => {
        sent.push(await request.clone().json());
        return platform.app.fetch(request);
      }),
    );
    const { user } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(sent).toEqual([{ name: 'Renamed' }]));
    const stored = await callPlatform('developer', 'GET', paths.service(SCOPE, service.id), undefined, HostedService);
    expect(stored.name).toBe('Renamed');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true));
  });

  it('checks the rules that span fields before sending, on the field they concern', async () => {
    const service = await draftService();
    const { user } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    await user.click(await screen.findByRole('radio', { name: /Persistent/ }));
    const min = screen.getByRole('spinbutton', { name: /Min replicas/ });
    const max = screen.getByRole('spinbutton', { name: /Max replicas/ });
    await user.clear(max);
    await user.type(max, '3');
    await user.clear(min);
    await user.type(min, '4');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Max replicas must be at least min replicas')).toBeTruthy();
    expect(max.getAttribute('aria-invalid')).toBe('true');
    const stored = await callPlatform('developer', 'GET', paths.service(SCOPE, service.id), undefined, HostedService);
    expect(stored.execution_mode).toBe('invocation');
  });

  it('puts the platform’s refusal on the field it names', async () => {
    const service = await draftService();
    // The ring the form sends vanished on the way.
    server.use(
      http.put(`*/api/v1${paths.service(SCOPE, service.id)}`, async ({ request }) => {
        const body = { ...((await request.json()) as object), ring_id: '00000000-0000-4000-8000-00000000dead' };
        return platform.app.fetch(new Request(request.url, { method: 'PUT', headers: request.headers, body: JSON.stringify(body) }));
      }),
    );
    const { user } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await user.type(description, 'Now described');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Ring not found')).toBeTruthy();
    expect((await screen.findByRole('combobox', { name: /Ring/ })).getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only for a viewer, with the reason', async () => {
    const service = await draftService();
    await signInAs('viewer');
    await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    expect(await screen.findByText(/Your role \(viewer\) cannot do this/)).toBeTruthy();
    expect(
      screen.getByRole('textbox', { name: 'Name' }).hasAttribute('disabled') ||
        screen.getByRole('textbox', { name: 'Name' }).closest('fieldset')?.disabled,
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('asks before leaving with an edit not saved: stay keeps it, discard leaves', async () => {
    const service = await draftService();
    const { user, router } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />, { path: '/settings' });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    await user.type(name, ' (edited)');

    void router.navigate({ to: '/elsewhere' as '/' });
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(ask.textContent).toContain('This service’s settings has changes that are not saved.');
    await user.click(within(ask).getByRole('button', { name: 'Stay on this page' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/settings');
    expect((name as HTMLInputElement).value).toBe('Editable (edited)');

    void router.navigate({ to: '/elsewhere' as '/' });
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Leave without saving?' })).getByRole('button', {
        name: 'Discard changes and leave',
      }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/elsewhere'));
  });

  it('leaves without asking when nothing was changed, after the rings arrived', async () => {
    const service = await draftService();
    const release = holdAnswers(paths.rings(SCOPE));
    const { router } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />, { path: '/settings' });
    expect((await screen.findByRole('combobox', { name: /Ring/ })).hasAttribute('disabled')).toBe(true);
    release();
    await waitFor(() => expect(screen.getByRole('combobox', { name: /Ring/ }).hasAttribute('disabled')).toBe(false));
    await leavesWithoutAsking(router);
  });

  it('shows the service’s ring once the rings list arrives after the form, and saves nothing else', async () => {
    const service = await draftService();
    const release = holdAnswers(paths.rings(SCOPE));
    const { user } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    expect((await screen.findByRole('combobox', { name: /Ring/ })).hasAttribute('disabled')).toBe(true);
    release();
    // The select is asked afresh each time: the one shown while loading may have been replaced.
    await waitFor(() => expect((screen.getByRole('combobox', { name: /Ring/ }) as HTMLSelectElement).value).toBe(RINGS.dev));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Described');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect(await callPlatform('developer', 'GET', paths.service(SCOPE, service.id), undefined, HostedService)).toMatchObject({
        description: 'Described',
        ring_id: RINGS.dev,
      }),
    );
  });

  it('asks before leaving an edit taken back halfway, and not once it is all taken back', async () => {
    const service = await draftService();
    const { user, router } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />, { path: '/settings' });
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await user.type(description, 'ab');
    await user.type(description, '{Backspace}');
    await user.click(within(await leavingAsks(router)).getByRole('button', { name: 'Stay on this page' }));
    await user.type(description, '{Backspace}');
    await leavesWithoutAsking(router);
  });

  it('leaves without asking once the edit is saved', async () => {
    const service = await draftService();
    const { user, router } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />, { path: '/settings' });
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true));
    await router.navigate({ to: '/elsewhere' as '/' });
    expect(router.state.location.pathname).toBe('/elsewhere');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('scopes the service to an environment by its ID, a UUID checked before sending', async () => {
    const service = await draftService();
    const { user } = await renderFeature(<ServiceSettings scope={SCOPE} serviceId={service.id} />);
    const environment = await screen.findByRole('textbox', { name: 'Environment ID' });
    await user.type(environment, 'staging');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/An environment ID is a UUID/)).toBeTruthy();
    expect(environment.getAttribute('aria-invalid')).toBe('true');

    await user.clear(environment);
    await user.type(environment, '  3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f4a1c3b ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await callPlatform('developer', 'GET', paths.service(SCOPE, service.id), undefined, HostedService)).environment_id).toBe(
        '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f4a1c3b',
      ),
    );
    // Emptied, it is no environment again.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true));
    await user.clear(environment);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect(
        (await callPlatform('developer', 'GET', paths.service(SCOPE, service.id), undefined, HostedService)).environment_id,
      ).toBeNull(),
    );
  });
});
