import { useRef, useState } from 'react';
import * as z from 'zod/mini';
import { DdlSql, type DdlOutcomeRead } from '@/contract/connector-operations';
import type { Role } from '@/contract/auth';
import type { Scope } from '@/contract/paths';
import { usePreviewDdl } from '@/data/connector-operations/ddl';
import { useCapability } from '@/lib/capabilities';
import { can } from '@/lib/permissions';
import { useServerForm } from '@/lib/use-server-form';
import { Button } from '@/ui/button';
import { Card } from '@/ui/card';
import { FormFooter } from '@/ui/form-footer';
import { SqlFormField } from '@/ui/sql-field';
import { Unavailable } from '@/ui/unavailable';
import { ConfirmDdlDialog } from './confirm-ddl-dialog';
import { DdlPreview } from './ddl-preview';
import { HISTORY_HEADING_ID } from './ddl-history';

const DdlForm = z.object({ sql: DdlSql });
/** Seed 002's own example. */
const EXAMPLE = 'ALTER TABLE users ADD COLUMN active BOOLEAN DEFAULT true';

/**
 * DDL on an SQL instance (CONTRACT §14): preview first — the statements,
 * their effects, whether they destroy data; nothing changes — then, for an
 * admin, run exactly what was previewed, with a reason. Developers preview;
 * the card says why they cannot run it. Viewers see the history only.
 */
export function DdlCard({
  scope,
  connectorId,
  instance,
  typeName,
  role,
}: {
  scope: Scope;
  connectorId: string;
  instance: { id: string; name: string };
  typeName: string;
  role: Role;
}) {
  const capability = useCapability('connectorDdl');
  const preview = usePreviewDdl(scope, connectorId, instance.id);
  const [previewed, setPreviewed] = useState<{ sql: string; outcome: DdlOutcomeRead } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Set when the confirmed DDL has run: the dialog gives focus back to its opener (Run on …), which passes it on
  // to the schema history (where the run now is) rather than leaving it for the page's top once the preview is gone.
  const ran = useRef(false);
  const afterRun = () => {
    if (!ran.current) return;
    ran.current = false;
    // Once the dialog's focus return has finished (it checks that its opener kept focus, else focuses the page's heading).
    queueMicrotask(() => {
      setPreviewed(null);
      focusHistory();
    });
  };
  const server = useServerForm({
    schema: DdlForm,
    defaultValues: { sql: EXAMPLE },
    fields: ['sql'],
    send: async ({ sql }) => ({ sql, outcome: await preview.mutateAsync(sql) }),
    onSuccess: (result) => setPreviewed(result),
  });
  const sql = server.form.watch('sql');
  const stale = previewed !== null && previewed.sql !== sql;
  const canPreview = can(role, 'connector:execute');
  const canRun = can(role, 'connector:ddl');

  let body: React.ReactNode;
  if (capability === 'unavailable')
    body = (
      <Unavailable capability="connectorDdl">
        <p>Change the schema with the database’s own tools; the operations above still read and write its data.</p>
      </Unavailable>
    );
  else if (!canPreview)
    body = (
      <p className="notice" role="note">
        Your role ({role}) cannot preview or run DDL. Developers preview it; admins run it.
      </p>
    );
  else
    body = (
      <>
        <form className="form" onSubmit={server.onSubmit} noValidate aria-label="DDL to preview">
          <SqlFormField
            form={server.form}
            name="sql"
            label="DDL"
            required
            minLines={3}
            hint="CREATE, ALTER and DROP statements, separated by semicolons. Preview changes nothing."
          />
          {!canRun && <p className="muted">Developers preview DDL; only admins run it, so what you preview here changes nothing.</p>}
          <FormFooter form={server} submit={{ label: 'Preview' }} />
        </form>
        {previewed && (
          <section className="ddl-outcome" aria-labelledby="ddl-preview-title" aria-live="polite">
            <h3 id="ddl-preview-title" className="card-heading">
              Preview
            </h3>
            {stale ? (
              <p className="notice" role="note">
                The SQL changed since this preview: preview it again to see what it does.
              </p>
            ) : null}
            <DdlPreview outcome={previewed.outcome} />
            {!stale &&
              (canRun ? (
                <div className="form-actions">
                  <Button
                    variant={previewed.outcome.destructive ? 'danger' : 'primary'}
                    onClick={() => setConfirming(true)}
                    onFocus={afterRun}
                  >
                    Run on {instance.name}…
                  </Button>
                </div>
              ) : (
                <p className="muted">Only admins run DDL: ask one to run what you previewed. Nothing has changed.</p>
              ))}
          </section>
        )}
        {previewed && canRun && (
          <ConfirmDdlDialog
            scope={scope}
            connectorId={connectorId}
            instance={instance}
            typeName={typeName}
            previewed={previewed}
            open={confirming}
            onClose={() => setConfirming(false)}
            onRan={() => {
              ran.current = true;
            }}
          />
        )}
      </>
    );

  return (
    <Card
      id="ddl-title"
      heading="Schema changes (DDL)"
      subtitle={`Preview what CREATE, ALTER and DROP would do to ${instance.name}, then run it with a reason.`}
    >
      {body}
    </Card>
  );
}

/** The Schema history card's heading (DdlHistory), made focusable for the moment. */
function focusHistory() {
  const heading = document.getElementById(HISTORY_HEADING_ID);
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}
