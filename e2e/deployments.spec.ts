import type { Page } from '@playwright/test';
import { serviceUrl } from './support/console';
import { PHASE_MS } from './support/clock';
import { expect, test } from './support/fixtures';
import { platformAs, unique } from './support/platform';

/** Start an action from the Deployment tab: press its button, check what its confirmation says, confirm. */
async function confirmAction(page: Page, action: string, title: string, says: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: title });
  await expect(dialog).toContainText(says);
  await dialog.getByRole('button', { name: action }).click();
}

test.describe('deploying a persistent service, as the platform guide describes', () => {
  test(
    'deploys a persistent service and watches it reach active through the stepper',
    { tag: '@phone' },
    async ({ asDeveloper: page, api }) => {
      const service = await api.publishedPersistent();
      await page.goto(serviceUrl(service, 'deployment'));

      await expect(page.getByRole('button', { name: 'Tear down' })).toBeDisabled();
      await expect(page.getByText('Nothing is deployed to tear down.')).toBeVisible();
      // Deploy first, Tear down last: the destructive action is not beside the usual one.
      await expect(page.getByRole('button', { name: /^(Deploy|Build|Deploy without building|Tear down)$/ })).toHaveText([
        'Deploy',
        'Build',
        'Deploy without building',
        'Tear down',
      ]);
      // The reason is the button's description, word for word (the mark before it is for the eye).
      await expect(page.getByRole('button', { name: 'Tear down' })).toHaveAccessibleDescription('Nothing is deployed to tear down.');
      await expect(page.getByRole('button', { name: 'Deploy without building' })).toBeDisabled();
      await expect(page.getByText('No built image yet: build first, or use Deploy.')).toBeVisible();

      await page.getByRole('button', { name: 'Deploy', exact: true }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Build and deploy version 1?' });
      await expect(dialog).toContainText('building → built → deploying → active');
      await dialog.getByRole('button', { name: 'Deploy' }).click();
      await expect(dialog).toBeHidden();

      // Each phase is shown in progress, with every action waiting for it, until the platform's clock moves on.
      const steps = page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem');
      const waiting = page.getByText('A deployment is in progress; wait for it to finish.').first();
      await expect(steps).toHaveText([/Building\s*in progress/, /Built\s*not started/, /Deploying\s*not started/, /Active\s*not started/]);
      await expect(waiting).toBeVisible();
      await api.advance(PHASE_MS);
      await expect(steps).toHaveText([/Building\s*done/, /Built\s*in progress/, /Deploying\s*not started/, /Active\s*not started/]);
      await expect(waiting).toBeVisible();
      await api.advance(PHASE_MS);
      await expect(steps).toHaveText([/Building\s*done/, /Built\s*done/, /Deploying\s*in progress/, /Active\s*not started/]);
      await expect(waiting).toBeVisible();
      await api.advance(PHASE_MS);
      await expect(steps).toHaveText([/Building\s*done/, /Built\s*done/, /Deploying\s*done/, /Active\s*done/]);
      await expect(page.getByText('Serving version 1, the active version.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Tear down' })).toBeEnabled();

      const history = page.getByRole('region', { name: 'History' });
      await expect(history.getByRole('listitem').filter({ hasText: 'Build and deploy' }).first()).toContainText('developer@example.com');
      await expect(history.getByRole('list', { name: 'States of the build and deploy' }).first()).toContainText('deploying');
    },
  );

  test('a failing build shows its message and the previous deployment keeps serving', async ({ asDeveloper: page, api }) => {
    const service = await api.persistentIn('active');
    await api.updateService(service.id, { system_packages: ['nonexistent-foo'] });

    await page.goto(serviceUrl(service, 'deployment'));
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deploy' }).click();

    await expect(page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem').first()).toHaveText(
      /Building\s*in progress/,
    );
    await api.advance(PHASE_MS);
    const alert = page.getByRole('alert').filter({ hasText: 'failed' });
    await expect(alert).toContainText('Unable to locate package nonexistent-foo');
    await expect(alert).toContainText('The previous deployment keeps serving: version 1 is still live.');
    await expect(page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem').first()).toHaveText(/Building\s*failed/);
    expect((await api.status(service.id)).serving_version).toBe(1);
  });

  test('deploys the last built image without building', async ({ asDeveloper: page, api }) => {
    const service = await api.persistentIn('built');

    await page.goto(serviceUrl(service, 'deployment'));
    await confirmAction(page, 'Deploy without building', 'Deploy the last built image?', 'without a new build');

    const steps = page.getByRole('list', { name: 'Deployment progress' }).getByRole('listitem');
    await expect(steps).toHaveText([/Building\s*skipped/, /Built\s*skipped/, /Deploying\s*in progress/, /Active\s*not started/]);
    await api.advance(PHASE_MS);
    await expect(steps).toHaveText([/Building\s*skipped/, /Built\s*skipped/, /Deploying\s*done/, /Active\s*done/]);
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Deploy (prebuilt image)');
  });

  test('tears down a running deployment', async ({ asDeveloper: page, api }) => {
    const service = await api.persistentIn('active');

    await page.goto(serviceUrl(service, 'deployment'));
    await confirmAction(page, 'Tear down', 'Tear down the deployment?', '(version 1) will be stopped');

    await expect(page.getByText('Torn down: the container is stopped. Deploy to run it again.')).toBeVisible();
    await expect(page.getByTestId('serving-sentence')).toHaveText(/^Nothing is deployed/);
    await expect(page.getByRole('button', { name: 'Tear down' })).toBeDisabled();
    expect((await api.status(service.id)).deployment_state).toBeNull();
  });

  test('the buttons are disabled with a reason for an invocation service, an unpublished one and a viewer', async ({
    asViewer: page,
    api,
    request,
  }) => {
    const [ring] = await api.rings();
    const invocation = await api.createService({
      name: unique('Invoker'),
      slug: unique('invoker'),
      execution_mode: 'invocation',
      ring_id: ring!.id,
    });
    const unpublished = await api.createService({ name: unique('Unpublished'), slug: unique('unpublished'), execution_mode: 'persistent' });
    const published = await api.publishedPersistent();
    const buttons = ['Build', 'Deploy', 'Deploy without building', 'Tear down'];

    // An invocation service has no Deployment tab; a link to it says why in one sentence, with no buttons that never work.
    await page.goto(serviceUrl(invocation, 'deployment'));
    await expect(page.getByRole('heading', { name: 'No deployment for invocation services' })).toBeVisible();
    await expect(page.getByText(/runs in invocation mode: the platform runs it on demand/)).toBeVisible();
    for (const name of buttons) await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Service sections' }).getByRole('link', { name: 'Deployment' })).toHaveCount(0);

    // A viewer reads the deployment but cannot start one.
    await page.goto(serviceUrl(published, 'deployment'));
    for (const name of buttons) await expect(page.getByRole('button', { name, exact: true })).toBeDisabled();
    await expect(page.getByText('Your role (viewer) cannot do this.')).toBeVisible();
    // And the server refuses them too.
    const asViewer = await platformAs(request, 'viewer');
    expect((await asViewer.deploy(published.id)).status()).toBe(403);

    // Nothing published: nothing to build (checked as a developer, who otherwise could).
    const dev = await platformAs(request);
    const res = await dev.deploy(unpublished.id);
    expect(res.status()).toBe(409);
  });
});

test('a developer sees why an unpublished persistent service cannot deploy', async ({ asDeveloper: page, request }) => {
  const api = await platformAs(request);
  const unpublished = await api.createService({ name: unique('Unpublished'), slug: unique('unpublished'), execution_mode: 'persistent' });
  await page.goto(serviceUrl(unpublished, 'deployment'));
  await expect(page.getByRole('button', { name: 'Build', exact: true })).toBeDisabled();
  await expect(page.getByText('Nothing is published yet: publish a version first.')).toBeVisible();
});
