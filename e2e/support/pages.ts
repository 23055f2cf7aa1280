/**
 * Every page of the console, for the stories that walk them all (no sideways
 * scroll at 390 px, titles, axe) and for `scripts/screenshots.ts`. Ids come
 * from the demo seed; version ids are read from the platform by the caller.
 */
import { demoId, IDS } from '../../mock-server/core/seed-ids';
import type { Scope } from '../../src/contract/paths';

const SCOPE: Scope = { orgId: IDS.org, workspaceId: IDS.production };
const workspace = `/orgs/${SCOPE.orgId}/workspaces/${SCOPE.workspaceId}`;

/** Embedding Service: persistent, published (v2), deployed and running — every tab has something to show. */
export const EMBEDDING_SERVICE = demoId(1003);
/** Translation Gateway: invocation, v1 live and v2 a draft. */
export const TRANSLATION_GATEWAY = demoId(1008);

export type ConsolePage = {
  /** A short name for reports and screenshot files. */
  name: string;
  url: string;
  /** The document title the page must have. */
  title: string;
  /** The page's level-1 heading. */
  heading: string | RegExp;
};

const service = (id: string, tab = '') => `${workspace}/services/${id}${tab ? `/${tab}` : ''}`;

/** The pages an admin sees (admins see every page), given the ids of a published and a draft version. */
export function consolePages(versions: {
  published: { id: string; version: number };
  draft: { id: string; version: number };
}): ConsolePage[] {
  const tab = (name: string, slug: string, serviceName = 'Embedding Service', id = EMBEDDING_SERVICE): ConsolePage => ({
    name: `service-${slug || 'overview'}`,
    url: service(id, slug),
    title: `${name} · ${serviceName} · Hosted Services`,
    heading: serviceName,
  });
  return [
    { name: 'services', url: `${workspace}/services`, title: 'Services · Hosted Services', heading: 'Hosted Services' },
    { name: 'new-service', url: `${workspace}/services/new`, title: 'New Service · Hosted Services', heading: 'New Service' },
    { name: 'agents', url: `${workspace}/agents`, title: 'Agent services · Hosted Services', heading: 'Agent services' },
    { name: 'connectors', url: `${workspace}/connectors`, title: 'Connectors · Hosted Services', heading: 'Connectors' },
    {
      name: 'connector-instance-sql',
      url: `${workspace}/connectors/postgresql/instances/${IDS.connectors.ordersDb}`,
      title: 'orders-db · Connectors · Hosted Services',
      heading: 'orders-db',
    },
    {
      name: 'connector-instance-storage',
      url: `${workspace}/connectors/s3/instances/${IDS.connectors.documentsBucket}`,
      title: 'documents-bucket · Connectors · Hosted Services',
      heading: 'documents-bucket',
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
      url: service(EMBEDDING_SERVICE, `versions/${versions.published.id}`),
      title: `Version ${versions.published.version} · Versions · Embedding Service · Hosted Services`,
      heading: 'Embedding Service',
    },
    {
      name: 'service-version-draft',
      url: service(TRANSLATION_GATEWAY, `versions/${versions.draft.id}`),
      title: `Version ${versions.draft.version} · Versions · Translation Gateway · Hosted Services`,
      heading: 'Translation Gateway',
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

type Version = { id: string; version: number; status: string };

/** Every page, with the version ids read from the platform (`versionsOf` lists a service's versions). */
export async function findPages(versionsOf: (serviceId: string) => Promise<Version[]>): Promise<ConsolePage[]> {
  const published = (await versionsOf(EMBEDDING_SERVICE)).find((v) => v.status !== 'draft');
  const draft = (await versionsOf(TRANSLATION_GATEWAY)).find((v) => v.status === 'draft');
  if (!published || !draft) throw new Error('The demo seed is needed: a published Embedding Service and a draft of Translation Gateway');
  return consolePages({ published, draft });
}

/** The pages' names, known before any request (for test titles). */
export const PAGE_NAMES = consolePages({ published: { id: '', version: 0 }, draft: { id: '', version: 0 } }).map((p) => p.name);

export const SIGN_IN_PAGE: ConsolePage = { name: 'sign-in', url: '/login', title: 'Sign in · Hosted Services', heading: 'Sign in' };
