import type { DdlOutcomeRead } from '@/contract/connector-operations';
import { Badge } from '@/ui/badge';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What DDL does, as the platform found by running it (and, for a preview,
 * rolling it back): each statement, numbered, with the effects it has, and
 * which destroy data.
 */
export function DdlPreview({ outcome, headingLevel = 3 }: { outcome: DdlOutcomeRead; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const destroying = outcome.statements.filter((s) => s.destructive === true).length;
  return (
    <div className="ddl-preview">
      <p className="ddl-verdict">
        {outcome.destructive ? <Badge tone="danger">destroys data</Badge> : <Badge tone="success">keeps all data</Badge>}{' '}
        {plural(outcome.statements.length, 'statement')}
        {outcome.destructive ? `, ${destroying} of them destroying data` : ', none destroying data'}.
      </p>
      <Heading className="visually-hidden">Statements and their effects</Heading>
      <ol className="ddl-statements">
        {outcome.statements.map((s) => {
          const effects = outcome.effects.filter((e) => e.statement_index === s.index);
          return (
            <li key={s.index} className={s.destructive ? 'ddl-statement ddl-destructive' : 'ddl-statement'}>
              <pre className="ddl-sql">
                <code>{s.sql}</code>
              </pre>
              <ul className="ddl-effects" aria-label={`Effects of statement ${s.index}`}>
                {effects.map((e, i) => (
                  <li key={i}>
                    {e.destructive && <Badge tone="danger">destroys data</Badge>} {e.description}
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {/* Effects the platform did not tie to a statement. */}
      {outcome.effects.some((e) => e.statement_index === null) && (
        <ul className="ddl-effects">
          {outcome.effects
            .filter((e) => e.statement_index === null)
            .map((e, i) => (
              <li key={i}>
                {e.destructive && <Badge tone="danger">destroys data</Badge>} {e.description}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
