import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { documentTitle as titleOf } from './document-title';
import type { FailedMatch } from './failed-match';
import { describeFailure } from './failure';

/** As the page titles itself once failure.ts has loaded. */
const documentTitle = (matches: Parameters<typeof titleOf>[0]) => titleOf(matches, (m: FailedMatch) => describeFailure(m).heading);

const WORKSPACE = '/_authed/orgs/$orgId/workspaces/$workspaceId';
const SERVICE = `${WORKSPACE}/services/$serviceId`;

type Part = {
  routeId: string;
  crumb?: string;
  title?: string;
  loaderCrumb?: string;
  status?: string;
  error?: unknown;
  _notFound?: boolean;
};
const match = ({ routeId, crumb, title, loaderCrumb, status = 'success', error, _notFound }: Part) => ({
  routeId,
  status,
  error,
  _notFound,
  staticData: { crumb, title },
  loaderData: loaderCrumb ? { crumb: loaderCrumb } : undefined,
});

const root = match({ routeId: '__root__' });
const workspace = match({ routeId: WORKSPACE });
const services = match({ routeId: `${WORKSPACE}/services`, crumb: 'Hosted Services' });
const service = match({ routeId: SERVICE, loaderCrumb: 'Document Processor' });

describe('the document title', () => {
  it('names the page, most specific first, then the service, then the app', () => {
    expect(documentTitle([root, workspace, services, service, match({ routeId: `${SERVICE}/traffic`, crumb: 'Traffic' })])).toBe(
      'Traffic · Document Processor · Hosted Services',
    );
  });

  it('says the app’s name once, even where a crumb is the app’s name too', () => {
    expect(documentTitle([root, workspace, services, match({ routeId: `${WORKSPACE}/services/`, title: 'Services' })])).toBe(
      'Services · Hosted Services',
    );
    expect(documentTitle([root, workspace, services])).toBe('Hosted Services');
  });

  it('uses a title given for the title only (a service’s Overview has no crumb of its own)', () => {
    expect(documentTitle([root, workspace, services, service, match({ routeId: `${SERVICE}/`, title: 'Overview' })])).toBe(
      'Overview · Document Processor · Hosted Services',
    );
  });

  it('names a page that cannot be shown by what went wrong, not by the page it would have been', () => {
    const gone = match({ routeId: SERVICE, status: 'error', error: new ApiError(404, 'Not found') });
    expect(documentTitle([root, workspace, services, gone])).toBe('Service not found · Hosted Services');
    const failedTab = match({ routeId: `${SERVICE}/traffic`, crumb: 'Traffic', status: 'error', error: new ApiError(503, 'Busy') });
    expect(documentTitle([root, workspace, services, service, failedTab])).toBe(
      'This page could not be loaded · Document Processor · Hosted Services',
    );
  });

  it('titles a failed page by what is above it until the failure’s words have loaded', () => {
    const gone = match({ routeId: SERVICE, status: 'error', error: new ApiError(404, 'Not found') });
    expect(titleOf([root, workspace, services, gone])).toBe('Hosted Services');
    expect(titleOf([root, workspace, services, service, match({ routeId: `${SERVICE}/traffic`, crumb: 'Traffic', status: 'error' })])).toBe(
      'Document Processor · Hosted Services',
    );
  });
});
