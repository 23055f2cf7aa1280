/**
 * useSearchProps hands a page the search its route's schema validates to, typed: `npm run typecheck` checks
 * these (the assertions are types; at run time they do nothing). It once gave back `any`, so a page could
 * read a field its route does not have.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { SearchProps, useSearchProps } from '@/lib/route-props';
import type { Route as RingsRoute } from './_authed/orgs/$orgId/workspaces/$workspaceId/rings';

type RingsSearchProps = ReturnType<typeof useSearchProps<typeof RingsRoute>>;

describe('useSearchProps', () => {
  it("gives a page its route's search, typed, and a change of the same fields", () => {
    expectTypeOf<RingsSearchProps['search']>().not.toBeAny();
    expectTypeOf<RingsSearchProps>().toEqualTypeOf<SearchProps<{ q: string; page: number; size: 10 | 25 | 50 | 100 }>>();
    // @ts-expect-error — the rings list has no `status` in its address
    expectTypeOf<RingsSearchProps['search']['status']>().toBeString();
  });
});
