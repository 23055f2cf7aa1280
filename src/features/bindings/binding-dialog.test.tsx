import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { paths } from '@/contract/paths';
import { HostedService } from '@/contract/services';
import { getAllInstances } from '@/data/connectors/get-all-instances';
import { createService } from '@/testing/arrange';
import { callPlatform, platform, SCOPE, server, signInAs } from '@/testing/mock-platform';
import { renderFeature } from '@/testing/render';
import { BindingDialog } from './binding-dialog';

async function arrange(slug: string) {
  const service = await createService(`Service ${slug}`, slug);
  const instances = await getAllInstances(SCOPE);
  const ordersDb = instances.find((b) => b.instance.name === 'orders-db')!.instance;
  return { service, instances, ordersDb };
}

const stored = (serviceId: string) => callPlatform('developer', 'GET', paths.service(SCOPE, serviceId), undefined, HostedService);

describe('the binding form', () => {
  beforeEach(() => signInAs('developer'));

  it('binds an instance under a name and a role, saved with the service', async () => {
    const { service, instances, ordersDb } = await arrange('binds');
    const onOpenChange = vi.fn();
    const { user } = await renderFeature(
      <BindingDialog scope={SCOPE} service={service} editing={null} instances={instances} open onOpenChange={onOpenChange} />,
    );
    await user.type(await screen.findByRole('textbox', { name: /Binding name/ }), 'primary_db');
    await user.click(within(screen.getByRole('listbox', { name: /Connector instance/ })).getByRole('option', { name: /orders-db/ }));
    await user.click(screen.getByRole('radio', { name: /read_write/ }));
    await user.click(screen.getByRole('button', { name: 'Add binding' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect((await stored(service.id)).connector_bindings).toEqual({
      primary_db: { connector_instance_id: ordersDb.id, role: 'read_write' },
    });
  });

  it('checks the name as it is typed, and refuses one the service already uses', async () => {
    const { service, instances, ordersDb } = await arrange('names');
    await callPlatform(
      'developer',
      'PUT',
      paths.service(SCOPE, service.id),
      { connector_bindings: { taken: { connector_instance_id: ordersDb.id, role: 'read_only' } } },
      HostedService,
    );
    const withBinding = await stored(service.id);
    const { user } = await renderFeature(
      <BindingDialog scope={SCOPE} service={withBinding} editing={null} instances={instances} open onOpenChange={() => {}} />,
    );
    const name = await screen.findByRole('textbox', { name: /Binding name/ });
    await user.type(name, '1-bad name');
    expect(await screen.findByText('Start with a letter; use a-z, 0-9 and _')).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'taken');
    expect(await screen.findByText('This service already has a binding with that name')).toBeTruthy();
  });

  it('puts the platform’s refusal of an unknown instance on the instance picker', async () => {
    const { service, instances } = await arrange('unknown-instance');
    server.use(
      http.put(`*/api/v1${paths.service(SCOPE, service.id)}`, async ({ request }) => {
        const body = (await request.json()) as { connector_bindings: Record<string, { connector_instance_id: string }> };
        body.connector_bindings.audit!.connector_instance_id = '00000000-0000-4000-8000-00000000dead';
        return platform.app.fetch(new Request(request.url, { method: 'PUT', headers: request.headers, body: JSON.stringify(body) }));
      }),
    );
    const { user } = await renderFeature(
      <BindingDialog scope={SCOPE} service={service} editing={null} instances={instances} open onOpenChange={() => {}} />,
    );
    await user.type(await screen.findByRole('textbox', { name: /Binding name/ }), 'audit');
    await user.click(within(screen.getByRole('listbox', { name: /Connector instance/ })).getByRole('option', { name: /orders-db/ }));
    await user.click(screen.getByRole('button', { name: 'Add binding' }));

    expect(await screen.findByText('Connector instance not found')).toBeTruthy();
    expect(screen.getByRole('listbox', { name: /Connector instance/ }).getAttribute('aria-invalid')).toBe('true');
    expect((await stored(service.id)).connector_bindings).toEqual({});
  });
});
