import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, openTab, SERVICES_URL, test } from './support/fixtures';
import { serviceWithCanary } from './support/platform';

const run = promisify(execFile);

/**
 * Run a compiler; on failure the test shows what it printed. Not synchronously: the worker's
 * mock and console run in this process (support/servers.ts) and must go on answering meanwhile.
 */
async function compile(command: string, args: string[], cwd: string) {
  try {
    await run(command, args, { cwd, encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}

/** Download a file with its button (`Download <name>` unless told), check the name it comes with, and save it in `dir`: its path. */
async function download(page: Page, name: string, dir: string, button = `Download ${name}`) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  const path = join(dir, name);
  await file.saveAs(path);
  return path;
}

test.describe('client stubs', () => {
  test('downloads the Python and TypeScript stubs and the OpenAPI document, and they compile', async ({
    asDeveloper: page,
    request,
    context,
  }) => {
    // It runs the Python compiler and tsc on what it downloads: slow on a busy machine.
    test.slow();
    const { service } = await serviceWithCanary(request);
    const dir = mkdtempSync(join(tmpdir(), 'stubs-'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${SERVICES_URL}/${service.id}`);
    await openTab(page, 'Stubs');

    // The active version is chosen; Python first.
    await expect(page.getByLabel('Version')).toHaveValue('2');
    await expect(page.getByRole('radio', { name: 'Python' })).toBeChecked();
    const preview = page.getByRole('region', { name: 'Client stub' }).getByLabel('client.py for v2');
    await expect(preview).toContainText('translate');
    await expect(preview).toHaveAttribute('data-highlighted', 'true');

    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByText('Copied client.py to the clipboard')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('translate');

    const pyFile = await download(page, 'client.py', dir);
    await compile('python3', ['-m', 'py_compile', pyFile], dir);

    await page.getByRole('radio', { name: 'TypeScript' }).check();
    await expect(page.getByLabel('client.ts for v2')).toContainText('translate');
    await download(page, 'client.ts', dir);
    // Run from the temp folder: TypeScript 6 refuses file arguments beside a tsconfig.json (TS5112).
    await compile(
      process.execPath,
      [
        resolve('node_modules/typescript/bin/tsc'),
        '--strict',
        '--noEmit',
        '--lib',
        'es2022,dom',
        '--target',
        'es2022',
        '--module',
        'esnext',
        'client.ts',
      ],
      dir,
    );

    // An older published version has its own stub, with only its own endpoints.
    await page.getByLabel('Version').selectOption('1');
    await expect(page.getByLabel('client.ts for v1')).not.toContainText('translate');
    await expect(page).toHaveURL(/language=typescript/);

    await expect(page.getByLabel('Document path')).toContainText(`/hosted-services/${service.id}/openapi.json?version=1`);
    const docFile = await download(page, 'openapi.json', dir, 'Download OpenAPI document');
    const doc = JSON.parse(readFileSync(docFile, 'utf8')) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/summarize']);
  });
});
