/**
 * The scope of a request, resolved once from its path before the role check
 * (so an unknown thing is a 404 before any 403) and handed to the handler in
 * `c.var`. Each path parameter that names a thing is resolved by the domain
 * that registered it (`scope` in its domain.ts: `:service_id` → `c.var.service`,
 * found within the workspace `:workspace_id` resolved before it), in the order
 * the parameters appear in the path; parameters no domain resolves (`:path`,
 * `:job_id`) are left to the operation.
 */
import type { MiddlewareHandler } from 'hono';
import type { MockEnv, ScopeVars } from './context';
import { notFound } from './errors';

/** The path's parameters, in order: `/orgs/:org_id/workspaces/:workspace_id` → `['org_id', 'workspace_id']`. */
export const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);

/** The middleware that resolves the scope of an operation on `path`. */
export function resolveScope(path: string): MiddlewareHandler<MockEnv> {
  const names = pathParams(path);
  return async (c, next) => {
    const { platform, store, principal } = c.var;
    const params = c.req.param() as Record<string, string>;
    const scope: Partial<ScopeVars> = {};
    for (const name of names) {
      const resolver = platform.registry.scope.get(name);
      const id = params[name];
      if (!resolver || id === undefined) continue;
      const found = resolver.find({ store, id, scope, caller: principal, params });
      if (found === undefined) throw notFound(resolver.thing);
      Object.assign(scope, { [resolver.var]: found });
    }
    for (const [name, value] of Object.entries(scope)) c.set(name as keyof ScopeVars, value as never);
    await next();
  };
}
