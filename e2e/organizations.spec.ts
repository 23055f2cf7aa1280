import { expect, SERVICES_URL, test } from './support/fixtures';
import { RESEARCH, SCOPE } from './support/platform';

test('switches workspace from the header and lands on its services', async ({ asDeveloper: page }) => {
  await page.goto(SERVICES_URL);
  await expect(page.getByLabel('Workspace')).toHaveValue(SCOPE.workspaceId);
  await page.getByLabel('Workspace').selectOption({ label: 'Research' });
  await expect(page).toHaveURL(new RegExp(`workspaces/${RESEARCH.workspaceId}/services`));
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  // The workspace's own services, not Production's.
  await expect(page.getByRole('table').getByRole('link', { name: 'Invoice Extractor', exact: true })).toHaveCount(0);
  // The last workspace is where the console opens next time.
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`workspaces/${RESEARCH.workspaceId}/services`));
});
