import { screen, waitFor } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readAgentDeploymentPage, readAgentServicePage } from '@/contract/agents';
import { AGENT_API_BASE, agentPaths } from '@/contract/paths';
import { AGENTS as AGENT_IDS, callPlatform, platform, server, signInAs, SCOPE } from '@/testing/mock-platform';
import { cachedText, renderFeature } from '@/testing/render';
import { CreateInstanceDialog } from './create-instance-dialog';

const deploymentOf = async () =>
  (await callPlatform('developer', 'GET', agentPaths.deployments(), undefined, readAgentDeploymentPage, AGENT_API_BASE)).items.find(
    (d) => d.id === AGENT_IDS.supportTriage,
  )!;

/** What the platform received: the create requests' bodies and their Idempotency-Keys. */
function watchCreates() {
  const sent: { body: unknown; key: string | null }[] = [];
  server.use(
    http.post(`*${AGENT_API_BASE}${agentPaths.services(AGENT_IDS.supportTriage)}`, async ({ request }) => {
      sent.push({ body: await request.clone().json(), key: request.headers.get('Idempotency-Key') });
      return platform.app.fetch(request);
    }),
  );
  return sent;
}

describe('the new agent instance form', () => {
  beforeEach(() => signInAs('developer'));

  it('starts an instance with write-only values: sent once, then gone from the form and every cache', async () => {
    const deployment = await deploymentOf();
    const sent = watchCreates();
    const marker = `marker-${crypto.randomUUID()}`;
    const onOpenChange = vi.fn();
    const { user, queryClient } = await renderFeature(
      <CreateInstanceDialog orgId={SCOPE.orgId} deployment={deployment} open onOpenChange={onOpenChange} />,
    );
    expect((await screen.findByRole('combobox', { name: /Version/ })) as HTMLSelectElement).toHaveProperty(
      'value',
      AGENT_IDS.supportTriageV2,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: /Version/ }), AGENT_IDS.supportTriageV1);
    await user.type(screen.getByRole('textbox', { name: 'Name 1' }), 'OPENAI_API_KEY');
    const value = screen.getByLabelText('Value 1');
    expect(value.getAttribute('type')).toBe('password');
    await user.type(value, marker);
    await user.click(screen.getByRole('button', { name: 'Add a value' }));
    await user.type(screen.getByRole('textbox', { name: 'Name 2' }), 'LOG_LEVEL');
    await user.type(screen.getByLabelText('Value 2'), 'debug');
    // An empty third row is left out.
    await user.click(screen.getByRole('button', { name: 'Add a value' }));
    await user.click(screen.getByRole('button', { name: 'Start instance' }));

    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(sent).toEqual([
      { body: { version_id: AGENT_IDS.supportTriageV1, envs: { OPENAI_API_KEY: marker, LOG_LEVEL: 'debug' } }, key: expect.any(String) },
    ]);
    const instances = await callPlatform(
      'developer',
      'GET',
      agentPaths.services(AGENT_IDS.supportTriage),
      undefined,
      readAgentServicePage,
      AGENT_API_BASE,
    );
    expect(instances.items[0]).toMatchObject({ version_id: AGENT_IDS.supportTriageV1, status: 'starting', idempotency_key: sent[0]!.key });
    // The form is empty again, and no cache holds the value.
    expect(screen.queryByDisplayValue(marker)).toBeNull();
    await waitFor(() => expect(queryClient.getMutationCache().getAll()).toEqual([]));
    expect(cachedText(queryClient)).not.toContain(marker);
  });

  it('checks names before sending, each once, and keeps what was typed', async () => {
    const deployment = await deploymentOf();
    const sent = watchCreates();
    const { user } = await renderFeature(<CreateInstanceDialog orgId={SCOPE.orgId} deployment={deployment} open onOpenChange={() => {}} />);
    await user.type(await screen.findByRole('textbox', { name: 'Name 1' }), 'NOT A NAME');
    await user.type(screen.getByLabelText('Value 1'), 'x');
    await user.click(screen.getByRole('button', { name: 'Add a value' }));
    await user.type(screen.getByRole('textbox', { name: 'Name 2' }), 'TOKEN');
    await user.click(screen.getByRole('button', { name: 'Add a value' }));
    await user.type(screen.getByRole('textbox', { name: 'Name 3' }), 'TOKEN');
    await user.click(screen.getByRole('button', { name: 'Start instance' }));

    expect(await screen.findByText('A name starts with a letter or _ and uses letters, digits and _')).toBeTruthy();
    expect(screen.getByText('TOKEN is already row 2')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name 1' }).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    // Removing the bad rows is enough.
    await user.click(screen.getByRole('button', { name: 'Remove value 3' }));
    await user.click(screen.getByRole('button', { name: 'Remove value 1' }));
    await user.click(screen.getByRole('button', { name: 'Start instance' }));
    await waitFor(() =>
      expect(sent).toEqual([{ body: { version_id: AGENT_IDS.supportTriageV2, envs: { TOKEN: '' } }, key: expect.any(String) }]),
    );
  });
});
