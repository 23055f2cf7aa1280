/**
 * A workspace-wide read a list page makes once for all its rows (each
 * service's metrics, CONTRACT §12; each service's newest rollout, §13):
 * `service_id`, repeatable, up to 100, narrows it to those services. Written
 * once so that the reads of this kind say and check the same.
 */
import type * as z from 'zod/mini';
import { get, type OperationContext, type Schema } from './operations';
import { reply } from './replies';

/** A query that takes the services asked for: `?service_id=a&service_id=b` (one is a string). */
type AskingQuery = z.core.$ZodType<{ service_id?: string | string[] | undefined }>;

export function listPageRead<const P extends string, Q extends AskingQuery, S extends Schema>(
  path: P,
  operationId: string,
  /** What it answers, said before what every read of this kind says. */
  what: string,
  spec: {
    query: Q;
    /** The 200's description. */
    answers: string;
    schema: S;
    /** What else makes a 422, besides the service ids. */
    invalid?: string;
    /** The answer, for the services asked (`undefined`: every service of the workspace). */
    answer: (c: OperationContext<P, 'bearer', undefined, Q>, asked: ReadonlySet<string> | undefined) => z.output<S>;
  },
) {
  return get<P, 'bearer', undefined, Q>(
    path,
    operationId,
    `${what} — what a list page needs in one call. \`service_id\` (repeatable, up to 100) narrows it to those services.`,
    {
      query: spec.query,
      responses: {
        200: { description: spec.answers, schema: spec.schema },
        422: { description: `Validation error (${spec.invalid ? `${spec.invalid}, ` : ''}a service id that is not a UUID, more than 100)` },
      },
      handler: (c) => {
        const ids = (c.var.query as z.output<AskingQuery>).service_id;
        return reply(200, spec.schema, spec.answer(c, ids === undefined ? undefined : new Set([ids].flat())));
      },
    },
  );
}
