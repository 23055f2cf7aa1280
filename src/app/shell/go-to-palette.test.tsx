/**
 * "Go to…": a service found by the platform's search, a page the role may open, another workspace; Enter opens
 * the first row; a failed search says so and searches again.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { createService } from '@/testing/arrange';
import { SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { GoToPalette } from './go-to-palette';

const open = async () => {
  const onOpenChange = vi.fn();
  const view = await renderFeature(<GoToPalette scope={SCOPE} open onOpenChange={onOpenChange} />);
  const dialog = await screen.findByRole('dialog', { name: 'Go to' });
  return { ...view, dialog, onOpenChange, input: within(dialog).getByRole('combobox', { name: 'Go to' }) };
};

const optionNames = (dialog: HTMLElement) =>
  within(dialog)
    .queryAllByRole('option')
    .map((o) => o.textContent);

describe('Go to', () => {
  beforeEach(() => signInAs('developer'));

  it('finds a service by a part of its name and opens it with Enter', async () => {
    const service = await createService('Palette Parrot Service', 'palette-parrot');
    const { dialog, input, user, router, onOpenChange } = await open();
    await user.type(input, 'parrot');
    const option = await within(dialog).findByRole('option', { name: /Palette Parrot Service/ });
    // Only what matches: no page is called "parrot".
    await waitFor(() => expect(optionNames(dialog)).toEqual([option.textContent]));
    expect(option.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}/services/${service.id}`),
    );
  });

  it('opens on the recently updated services, the first of them chosen once they arrive after the pages', async () => {
    const { dialog } = await open();
    const services = await within(dialog).findByRole('group', { name: 'Services, recently updated' });
    const first = within(services).getAllByRole('option')[0]!;
    await waitFor(() => expect(first.getAttribute('aria-selected')).toBe('true'));
    expect(within(dialog).getByRole('option', { name: 'Hosted Services' }).getAttribute('aria-selected')).toBe('false');
  });

  it("lists the pages the role may open, and no admin's page for a developer", async () => {
    const { dialog, input, user } = await open();
    await user.type(input, 'e');
    await within(dialog).findByRole('option', { name: 'Agent services' });
    const names = optionNames(dialog);
    expect(names).toEqual(expect.arrayContaining(['Hosted Services', 'Agent services', 'Connectors', 'Users', 'New Service']));
    expect(names).not.toContain('Credentials');
    expect(names).not.toContain('API keys');
  });

  it('says when nothing matches', async () => {
    const { dialog, input, user } = await open();
    await user.type(input, 'no-such-thing-anywhere');
    expect(await within(dialog).findByText('Nothing matches “no-such-thing-anywhere”.')).toBeTruthy();
    expect(optionNames(dialog)).toEqual([]);
  });

  it('says when the services could not be searched, and searches again', async () => {
    server.use(
      http.get(`*/api/v1${paths.services(SCOPE)}`, () => HttpResponse.json({ detail: 'The platform is busy' }, { status: 503 }), {
        once: true,
      }),
    );
    const { dialog, user } = await open();
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^The services could not be searched: /);
    await user.click(within(dialog).getByRole('option', { name: 'Search the services again' }));
    expect(await within(dialog).findByRole('group', { name: 'Services, recently updated' })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });
});
