/**
 * What the page walks (accessibility.spec.ts, layout.spec.ts) look at, made
 * once per worker on the worker's own platform: a persistent service every
 * tab has something to show for — v1 draining at 80%, v2 live at 20% (so
 * Promote and Roll back are offered), deployed and running, bound to a
 * connector instance, with its own cloud credentials and a minted token, and
 * a v3 draft with an endpoint to edit — a connector instance of each kind and a ring of the walk's own. Nothing
 * the walks do changes any of it: their dialogs are opened and closed, never
 * confirmed.
 */
import type { APIRequestContext } from '@playwright/test';
import { DEPLOY_MS } from './clock';
import { expect, test as base } from './fixtures';
import { consolePages, type ConsolePage, type PageSubjects } from './pages';
import { keyFile, platformAs, POSTGRES_CONFIG, S3_CONFIG, unique } from './platform';

export type Walk = {
  subjects: PageSubjects;
  pages: ConsolePage[];
  ring: { name: string };
  serviceName: string;
};

async function arrange(request: APIRequestContext): Promise<Walk> {
  const admin = await platformAs(request, 'admin');
  const ring = await admin.createRing(unique('walk').toLowerCase());
  const instance = await admin.createInstance('postgresql', unique('pg-walk'), POSTGRES_CONFIG);
  const bucket = await admin.createInstance('s3', unique('s3-walk'), S3_CONFIG);
  const service = await admin.publishedPersistent({ name: unique('Walked Service') });
  const v2 = await admin.createVersion(service.id);
  await admin.addEndpoint(service.id, { method: 'GET', path: '/health', summary: 'Health' });
  expect((await admin.publish(service.id, v2.id, 20)).status()).toBe(200);
  expect((await admin.deploy(service.id)).status()).toBe(202);
  await admin.advance(DEPLOY_MS);
  expect((await admin.putBindings(service.id, { primary_db: { connector_instance_id: instance.id, role: 'read_write' } })).status()).toBe(
    200,
  );
  const credentials = {
    cloud_provider: 'gcp',
    cloud_project_id: unique('walk'),
    cloud_region: 'europe-west1',
    cloud_credentials_json: keyFile(),
  };
  expect((await admin.putServiceCredentials(service.id, credentials)).status()).toBe(200);
  await admin.mint(service.id);
  const draft = await admin.createVersion(service.id);
  await admin.addEndpoint(service.id, { method: 'GET', path: '/languages', summary: 'The languages it translates' });
  const subjects: PageSubjects = { service, published: v2, draftService: service, draft, sqlInstance: instance, storageInstance: bucket };
  return { subjects, pages: consolePages(subjects), ring, serviceName: service.name };
}

export const test = base.extend<object, { walk: Walk }>({
  walk: [
    async ({ servers, playwright }, use) => {
      const request = await playwright.request.newContext({ baseURL: servers.webUrl });
      await use(await arrange(request));
      await request.dispose();
    },
    { scope: 'worker', title: 'the services and ring the page walks look at' },
  ],
});

/** One page of the walk, by name. */
export const pageNamed = (walk: Walk, name: string) => walk.pages.find((p) => p.name === name)!;
