import * as z from 'zod/mini';
import { SortOrder } from '@/contract/common-read';
import type { ServiceListQuery } from '@/contract/services';
import { ExecutionMode, ServiceSort, ServiceStatus } from '@/contract/services-read';

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const SERVICES_SEARCH_DEFAULTS = {
  q: '',
  status: 'all',
  mode: 'all',
  sort: 'created_at',
  order: 'desc',
  page: 1,
  size: 25,
  attention: false,
} as const;

/** Missing or invalid, the value is the default. */
const orDefault = <S extends z.core.SomeType>(schema: S, value: z.core.util.NoUndefined<z.output<S>>) =>
  z.catch(z._default(schema, value), value);

/** The list's state in the URL: every field falls back to its default, so a bad link still opens. */
export const ServicesSearch = z.object({
  q: orDefault(z.string().check(z.trim(), z.maxLength(200)), SERVICES_SEARCH_DEFAULTS.q),
  status: orDefault(z.union([ServiceStatus, z.literal('all')]), 'all'),
  mode: orDefault(z.union([ExecutionMode, z.literal('all')]), 'all'),
  sort: orDefault(ServiceSort, 'created_at'),
  order: orDefault(SortOrder, 'desc'),
  page: orDefault(z.int().check(z.minimum(1), z.maximum(100_000)), 1),
  size: orDefault(z.literal(PAGE_SIZES), 25),
  /** "Needs attention": only the services whose versions answered with server errors in the last hour. */
  attention: orDefault(z.boolean(), false),
});
export type ServicesSearch = z.output<typeof ServicesSearch>;

export function toListQuery(s: ServicesSearch): ServiceListQuery {
  return {
    limit: s.size,
    offset: (s.page - 1) * s.size,
    sort: s.sort,
    order: s.order,
    search: s.q || undefined,
    status: s.status === 'all' ? undefined : s.status,
    execution_mode: s.mode === 'all' ? undefined : s.mode,
  };
}
