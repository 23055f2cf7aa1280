/**
 * Every page of the console, for the stories that walk them all (no sideways
 * scroll at 390 px, titles, axe) and for `scripts/screenshots.ts`. The service
 * pages are of the services given: the walks make their own (walk.ts); the
 * screenshots take the demo seed's (`findPages`).
 */
import { demoId, IDS } from '../../mock-server/core/seed-ids';
import type { Scope } from '../../src/contract/paths';

const SCOPE: Scope = { orgId: IDS.org, workspaceId: IDS.production };
const workspace = `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}`;

export type ConsolePage = {
  /** A short name for reports and screenshot files. */
  name: string;
  url: string;
  /** The document title the page must have. */
  title: string;
  /** The page's level-1 heading. */
  heading: string | RegExp;
};

type Named = { id: string; name: string };
type Version = { id: string; version: number };

/** The services whose pages are shown: one that every tab has something to show for, with a published version; one with a draft; a connector instance of each kind. */
export type PageSubjects = {
  service: Named;
  published: Version;
  draftService: Named;
  draft: Version;
  sqlInstance: Named;
  storageInstance: Named;
};

const service = (id: string, tab = '') => `${workspace}/services/${id}${tab ? `/${tab}` : ''}`;

/** The pages an admin sees (admins see every page). */
export function consolePages({
  service: subject,
  published,
  draftService,
  draft,
  sqlInstance,
  storageInstance,
}: PageSubjects): ConsolePage[] {
  const tab = (name: string, slug: string): ConsolePage => ({
    name: `service-${slug || 'overview'}`,
    url: service(subject.id, slug),
    title: `${name} · ${subject.name} · Hosted Services`,
    heading: subject.name,
  });
  return [
    { name: 'services', url: `${workspace}/services`, title: 'Services · Hosted Services', heading: 'Hosted Services' },
    { name: 'new-service', url: `${workspace}/services/new`, title: 'New Service · Hosted Services', heading: 'New Service' },
    { name: 'agents', url: `${workspace}/agents`, title: 'Agent services · Hosted Services', heading: 'Agent services' },
    { name: 'connectors', url: `${workspace}/connectors`, title: 'Connectors · Hosted Services', heading: 'Connectors' },
    {
      name: 'connector-instance-sql',
      url: `${workspace}/connectors/postgresql/instances/${sqlInstance.id}`,
      title: `${sqlInstance.name} · Connectors · Hosted Services`,
      heading: sqlInstance.name,
    },
    {
      name: 'connector-instance-storage',
      url: `${workspace}/connectors/s3/instances/${storageInstance.id}`,
      title: `${storageInstance.name} · Connectors · Hosted Services`,
      heading: storageInstance.name,
    },
    { name: 'rings', url: `${workspace}/rings`, title: 'Rings · Hosted Services', heading: 'Rings' },
    { name: 'users', url: `${workspace}/users`, title: 'Users · Hosted Services', heading: 'Users' },
    { name: 'credentials', url: `${workspace}/credentials`, title: 'Credentials · Hosted Services', heading: /credentials/i },
    { name: 'api-keys', url: `${workspace}/api-keys`, title: 'API keys · Hosted Services', heading: 'API keys' },
    { name: 'organization', url: `${workspace}/organization`, title: 'Organization · Hosted Services', heading: 'Organization' },
    tab('Overview', ''),
    tab('Versions', 'versions'),
    {
      name: 'service-version-published',
      url: service(subject.id, `versions/${published.id}`),
      title: `Version ${published.version} · Versions · ${subject.name} · Hosted Services`,
      heading: subject.name,
    },
    {
      name: 'service-version-draft',
      url: service(draftService.id, `versions/${draft.id}`),
      title: `Version ${draft.version} · Versions · ${draftService.name} · Hosted Services`,
      heading: draftService.name,
    },
    tab('Traffic', 'traffic'),
    tab('Metrics', 'metrics'),
    tab('Logs', 'logs'),
    tab('Test', 'test'),
    tab('Deployment', 'deployment'),
    tab('Bindings', 'bindings'),
    tab('Credentials', 'credentials'),
    tab('Tokens', 'tokens'),
    tab('Stubs', 'stubs'),
    tab('Settings', 'settings'),
    { name: 'not-found', url: `${workspace}/no-such-page`, title: 'Page not found · Hosted Services', heading: 'Page not found' },
    { name: 'deleted-service', url: service(demoId(999_999)), title: 'Service not found · Hosted Services', heading: 'Service not found' },
  ];
}

/** The pages' names, known before any request (for test titles). */
export const PAGE_NAMES = consolePages({
  service: { id: '', name: '' },
  published: { id: '', version: 0 },
  draftService: { id: '', name: '' },
  draft: { id: '', version: 0 },
  sqlInstance: { id: '', name: '' },
  storageInstance: { id: '', name: '' },
}).map((p) => p.name);

type Listed = { id: string; version: number; status: string };

/**
 * Every page of the demo seed (for screenshots): Embedding Service (persistent, published, deployed and running)
 * and Translation Gateway's draft, orders-db and documents-bucket, with the version ids read from the platform (`versionsOf` lists a service's versions).
 */
export async function findPages(versionsOf: (serviceId: string) => Promise<Listed[]>): Promise<ConsolePage[]> {
  const embedding = { id: demoId(1003), name: 'Embedding Service' };
  const translation = { id: demoId(1008), name: 'Translation Gateway' };
  const published = (await versionsOf(embedding.id)).find((v) => v.status !== 'draft');
  const draft = (await versionsOf(translation.id)).find((v) => v.status === 'draft');
  if (!published || !draft) throw new Error('The demo seed is needed: a published Embedding Service and a draft of Translation Gateway');
  return consolePages({
    service: embedding,
    published,
    draftService: translation,
    draft,
    sqlInstance: { id: IDS.connectors.ordersDb, name: 'orders-db' },
    storageInstance: { id: IDS.connectors.documentsBucket, name: 'documents-bucket' },
  });
}

export const SIGN_IN_PAGE: ConsolePage = { name: 'sign-in', url: '/login', title: 'Sign in · Hosted Services', heading: 'Sign in' };
