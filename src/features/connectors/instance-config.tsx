import type { ConnectorInstanceRead, ConnectorTypeRead } from '@/contract/connectors';
import type { useTestInstance } from '@/data/connectors/test-instance';
import { Button } from '@/ui/button';
import { Detail } from '@/ui/details';
import { TestResult } from './test-result';

/** Characters past which a configuration value does not fit half the row. */
const LONG_VALUE = 32;

/** An instance's non-secret configuration, and which of its secrets are set (never their values). */
export function InstanceConfig({ type, instance }: { type: ConnectorTypeRead; instance: ConnectorInstanceRead }) {
  return (
    <dl className="instance-config">
      {type.fields.map((f) => {
        const value = instance.config[f.name];
        // A long value (a cloud database's endpoint, a base URL) takes the row's width, so it reads on one line.
        return (
          <Detail key={f.name} term={f.label} mono wide={!f.secret && String(value ?? '').length > LONG_VALUE}>
            {f.secret ? (
              <span className="muted">{(instance.secrets_set ?? []).includes(f.name) ? 'set' : 'not set'}</span>
            ) : value === undefined || value === '' ? (
              <span className="muted">—</span>
            ) : (
              String(value)
            )}
          </Detail>
        );
      })}
    </dl>
  );
}

type InstanceTest = ReturnType<typeof useTestInstance>;

/** What an instance connects to and its last connection test, wherever the instance is shown (its row, its page). */
export function InstanceDetails({
  type,
  instance,
  test,
}: {
  type: ConnectorTypeRead;
  instance: ConnectorInstanceRead;
  test: InstanceTest;
}) {
  return (
    <div className="instance-body">
      <InstanceConfig type={type} instance={instance} />
      <ConnectionTestSlot instance={instance} test={test} />
    </div>
  );
}

export function TestConnectionButton({ instance, test, size }: { instance: ConnectorInstanceRead; test: InstanceTest; size?: 'sm' }) {
  return (
    <Button size={size} pending={test.isPending} onClick={() => test.mutate()} aria-label={`Test connection to ${instance.name}`}>
      Test connection
    </Button>
  );
}

/** The last connection test (or the one just run, or why it could not run), read out as it changes. */
function ConnectionTestSlot({
  instance,
  test,
}: {
  instance: ConnectorInstanceRead;
  test: { data: ConnectorInstanceRead['last_test'] | undefined; error: Error | null };
}) {
  const result = test.data ?? instance.last_test;
  return (
    <div className="test-result-slot" role="status" aria-live="polite" aria-label={`Connection test of ${instance.name}`}>
      {test.error ? (
        <p className="test-result test-failed">Could not run the test: {test.error.message}</p>
      ) : result ? (
        <TestResult result={result} />
      ) : (
        <p className="muted test-result">Not tested yet</p>
      )}
    </div>
  );
}
