/**
 * A service's request log (CONTRACT §12, our extension): the list (newest
 * first, filters, `before` paging), one record, and the live tail. Anyone who
 * may read the service may read its log (viewers too); another
 * organization's service is a 404, as everywhere.
 */
import { paths } from '../../src/contract/paths';
import { RequestFilters, RequestListQuery, RequestPage, RequestRecord } from '../../src/contract/requests';
import { issue, notFound, validationError } from '../core/errors';
import { domainApi, get } from '../core/operations';
import { reply } from '../core/replies';
import { servicePath } from '../services/paths';
import { filtersOf } from './rules';
import { streamRequests } from './stream';

const LIST = servicePath('/requests', paths.requests);
const STREAM = servicePath('/requests/stream', paths.requestStream);
const ONE = servicePath('/requests/:request_id', (s, id) => paths.request(s, id, ':request_id'));

export const requestsApi = domainApi(
  ['requests'],
  [
    get(
      LIST,
      'listRequests',
      'The calls the gateway answered for the service (sync, pinned, async submits, refused ones too), newest first: filter by version, status (`2xx`, `4xx`, `5xx` or a code), method, path template, a part of a path or request id, and time; page with `before` (the last id of the previous page). Never a body, a header, a query string or a token. Kept 7 days.',
      {
        query: RequestListQuery,
        responses: {
          200: { description: 'A page of records; `next_before` is null on the last page', schema: RequestPage },
          422: { description: 'Validation error (a filter out of range, `limit` above 200, an unknown `before`)' },
        },
        handler: ({ var: { store, service, query } }) => {
          const log = store.requestLog;
          let beforeSeq: number | undefined;
          if (query.before !== undefined) {
            beforeSeq = log.seqOf(service.id, query.before);
            if (beforeSeq === undefined)
              throw validationError([issue(['query', 'before'], `No request ${query.before} in this service's log (7 days are kept)`)]);
          }
          const { entries, more } = log.list(service.id, filtersOf(query), query.limit, beforeSeq);
          return reply(200, RequestPage, {
            items: entries.map((e) => e.record),
            next_before: more ? entries[entries.length - 1]!.record.id : null,
          });
        },
      },
    ),
    // Before `…/requests/{request_id}`, which would take `stream` for an id.
    get(
      STREAM,
      'streamRequests',
      "The service's new request records as they are made, as server-sent events (`id:` the request id, `event: request`, `data:` the record), with the list's filters; a comment line every 15 s keeps it open; `Last-Event-ID` resumes after that record. Read it with fetch (it takes the Authorization header like every call).",
      {
        query: RequestFilters,
        responses: {
          200: { description: 'An event stream (text/event-stream) that stays open', contentType: 'text/event-stream' },
          422: { description: 'Validation error (a filter out of range)' },
        },
        handler: (c) => {
          const { store, service, query } = c.var;
          return {
            status: 200,
            response: streamRequests(c, store.requestLog, service.id, filtersOf(query), c.req.header('last-event-id')),
          };
        },
      },
    ),
    get(ONE, 'getRequest', 'One request record of the service, by its request id (the `X-Request-Id` the gateway answered with)', {
      responses: {
        200: { description: 'The record', schema: RequestRecord },
        404: { description: 'No such request in this service’s log' },
      },
      handler: ({ var: { store, service }, req }) => {
        const record = store.requestLog.get(service.id, req.param('request_id') ?? '');
        if (!record) throw notFound('Request');
        return reply(200, RequestRecord, record);
      },
    }),
  ],
);
