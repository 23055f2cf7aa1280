import { z } from 'zod';
import { SortOrder } from '@/contract/common';
import { ExecutionMode, ServiceSort, ServiceStatus, type ServiceListQuery } from '@/contract/services';

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
} as const;

/** The list's state in the URL: every field falls back to its default, so a bad link still opens. */
export const ServicesSearch = z.object({
  q: z.string().trim().max(200).default(SERVICES_SEARCH_DEFAULTS.q).catch(SERVICES_SEARCH_DEFAULTS.q),
  status: z.union([ServiceStatus, z.literal('all')]).default('all').catch('all'),
  mode: z.union([ExecutionMode, z.literal('all')]).default('all').catch('all'),
  sort: ServiceSort.default('created_at').catch('created_at'),
  order: SortOrder.default('desc').catch('desc'),
  page: z.number().int().min(1).max(100_000).default(1).catch(1),
  size: z
    .number()
    .refine((n): n is PageSize => (PAGE_SIZES as readonly number[]).includes(n))
    .default(25)
    .catch(25),
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
