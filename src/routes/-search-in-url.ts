/**
 * Route options for a page whose state lives in the URL (its page, search, filters, toggles). Spread into
 * `createFileRoute(...)({...})`: none of them is split from the route (the router reads them before the page's
 * chunk arrives). The `-` keeps this file out of the route tree.
 */
import { stripSearchParams } from '@tanstack/react-router';
import type * as z from 'zod/mini';

/**
 * The route checks the search with `schema` as it loads, so a bad link falls back to the defaults (each field
 * has its own .catch()); values at their defaults are left out of the address, so the plain link and the
 * default view are one URL.
 */
export const searchInUrl = <S extends z.ZodMiniType>(schema: S, defaults: Partial<z.output<S>>) => ({
  validateSearch: schema,
  search: { middlewares: [stripSearchParams<z.output<S>>(defaults)] },
});

/** The same for a list its loader reads a page of (`deps`): another page or search loads again. */
export const listSearchInUrl = <S extends z.ZodMiniType>(schema: S, defaults: Partial<z.output<S>>) => ({
  ...searchInUrl(schema, defaults),
  loaderDeps: ({ search }: { search: z.output<S> }) => search,
});

/** A tab's crumb and its state in the URL, every field optional (a missing or bad value is the tab's default). */
export const tabSearchInUrl = <S extends z.ZodMiniType>(crumb: string, schema: S) => ({ staticData: { crumb }, validateSearch: schema });
