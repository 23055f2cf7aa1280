import type { APIRequestContext, Page } from '@playwright/test';
import { AGENT_IDS } from '../mock-server/agents/seed';
import { AgentService } from '../src/contract/agents';
import { AGENT_API_BASE, agentPaths } from '../src/contract/paths';
import { PHASE_MS } from './support/clock';
import { workspaceUrl } from './support/console';
import { expect, test } from './support/fixtures';
import { unique } from './support/platform';
import { expectNotOnPage, stateOnDisk, watchPage } from './support/secrets';

/** Instances of the demo seed's agent deployments (deployments have no create call to make one's own), each story starting its own. */
test.describe('agent service instances (seed 003)', () => {
  test('starts an instance with a secret value, sees it ready, reveals and copies its URL, stops it: the value and the edge token are nowhere afterwards', async ({
    asDeveloper: page,
    context,
    api,
    servers,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const watched = watchPage(page);
    const marker = unique('env-secret');

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agent services' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Agent services' })).toBeVisible();
    const support = page.getByRole('region', { name: 'Support triage' });
    await support.getByRole('button', { name: 'New instance of Support triage' }).click();
    const form = page.getByRole('dialog', { name: 'New instance of Support triage' });
    await form.getByRole('textbox', { name: 'Name 1' }).fill('OPENAI_API_KEY');
    await form.getByLabel('Value 1', { exact: true }).fill(marker);
    await form.getByRole('button', { name: 'Start instance' }).click();
    await expect(form).toBeHidden();
    const started = page.getByText(/Instance adsvc_[0-9a-f]+ of Support triage is starting/);
    const id = /adsvc_[0-9a-f]+/.exec((await started.textContent())!)![0];

    // Its status follows by itself, in words: starting until the platform's clock reaches the end of the phase, then ready.
    const row = support.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(id) }) });
    await expect(row.getByText('Starting', { exact: true })).toBeVisible();
    await api.advance(PHASE_MS);
    await expect(row.getByText('Ready', { exact: true })).toBeVisible();
    await expect(row).toContainText('Answering its health checks');
    // Its actions side by side, not stacked in a narrow column.
    const top = async (name: string) => (await row.getByRole('button', { name }).boundingBox())!.y;
    expect(await top(`Stop ${id}`)).toBe(await top(`Show the public URL of ${id}`));

    // The URL is shown when asked for, and copied.
    await expect(page.getByText('edge_token')).toHaveCount(0);
    await row.getByRole('button', { name: `Show the public URL of ${id}` }).click();
    const shown = page.getByRole('dialog', { name: `Public URL of ${id}` });
    const url = await shown.getByRole('textbox', { name: 'Public URL' }).inputValue();
    const edgeToken = new URL(url).searchParams.get('edge_token')!;
    expect(edgeToken).toMatch(/^et_/);
    await shown.getByRole('button', { name: 'Copy URL' }).click();
    await expect(shown.getByRole('status')).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shown.getByRole('button', { name: 'Close' }).click();
    await expect(shown).toBeHidden();

    // Stopped after asking.
    await row.getByRole('button', { name: `Stop ${id}` }).click();
    await page
      .getByRole('alertdialog', { name: `Stop ${id}?` })
      .getByRole('button', { name: 'Stop instance' })
      .click();
    const stoppedAt = Date.now();
    await expect(row.getByText('Stopping', { exact: true })).toBeVisible();
    await api.advance(PHASE_MS);
    await expect(row.getByText('Stopped', { exact: true })).toBeVisible();

    // Afterwards: nowhere in the page, its storage or URL, its console, the platform's answers since, or the state on disk.
    for (const secret of [marker, edgeToken]) {
      await expectNotOnPage(page, secret);
      expect(watched.consoleLines.join('\n')).not.toContain(secret);
      expect(stateOnDisk(servers.stateFile)).not.toContain(secret);
    }
    // The value was never in any answer; the token not once the instance stopped.
    expect((await watched.responses()).join('\n')).not.toContain(marker);
    expect((await watched.responses(stoppedAt)).join('\n')).not.toContain(edgeToken);
    // Later answers of the platform itself.
    for (const path of [agentPaths.service(AGENT_IDS.supportTriage, id), agentPaths.services(AGENT_IDS.supportTriage)]) {
      const res = await page.request.get(`${AGENT_API_BASE}${path}`, { headers: api.headers });
      expect(res.status()).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(edgeToken);
      expect(text).not.toContain(marker);
    }
  });

  test('a viewer sees the instances but cannot start or stop one', async ({ asViewer: page, api, request }) => {
    // One started by a developer: the viewer sees it, starting.
    const started = await startSupportTriage(request, api.headers);
    await page.goto(workspaceUrl('agents'));
    const row = instanceRow(page, started.id);
    await expect(row.getByText('Starting', { exact: true })).toBeVisible();
    await expect(page.getByText(/Your role \(viewer\) cannot do this/)).toBeVisible();
    await expect(page.getByRole('button', { name: /New instance/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Stop / })).toHaveCount(0);
  });

  test(
    'on a phone an instance is a card whose actions are on screen, not past the edge of a table that scrolls sideways',
    { tag: '@phone' },
    async ({ asDeveloper: page, api, request }) => {
      const started = await startSupportTriage(request, api.headers);
      await page.goto(workspaceUrl('agents'));
      const row = instanceRow(page, started.id);
      await expect(row.getByText('Starting', { exact: true })).toBeVisible();
      // Inside the card's edges (a row of a table that scrolls sideways would put them past it, out of sight).
      const card = (await page.getByRole('region', { name: 'Support triage' }).boundingBox())!;
      for (const name of [`Stop ${started.id}`, `Show the public URL of ${started.id}`]) {
        const button = (await row.getByRole('button', { name }).boundingBox())!;
        expect(button.x + button.width, name).toBeLessThanOrEqual(card.x + card.width);
      }
    },
  );
});

/** An instance of Support triage started through the platform's API, as a developer would from the agent tooling. */
async function startSupportTriage(request: APIRequestContext, headers: Record<string, string>): Promise<AgentService> {
  const res = await request.post(`${AGENT_API_BASE}${agentPaths.services(AGENT_IDS.supportTriage)}`, {
    headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
    data: {},
  });
  expect(res.status(), await res.text()).toBe(201);
  return AgentService.parse(await res.json());
}

const instanceRow = (page: Page, id: string) =>
  page
    .getByRole('region', { name: 'Support triage' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(id) }) });
