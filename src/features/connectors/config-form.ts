import { configIssues, type ConnectorFieldRead, type ConnectorInstanceRead } from '@/contract/connectors';

/** A generated form's config values: text and numbers as typed (strings), checkboxes as booleans. */
export type ConfigValues = Record<string, string | boolean>;

/** Create: the type's defaults. Edit: the instance's values, never its secrets (write-only). */
export function initialConfigValues(fields: ConnectorFieldRead[], instance: ConnectorInstanceRead | null): ConfigValues {
  const values: ConfigValues = {};
  for (const f of fields) {
    const current = instance && !f.secret ? instance.config[f.name] : undefined;
    const value = current ?? (instance ? null : f.default);
    values[f.name] = f.type === 'boolean' ? value === true : f.secret || value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/**
 * What to send. Numbers become numbers (or stay text, so the check says "must
 * be a whole number"); an empty secret on edit is left out so the platform keeps
 * it; an empty optional field is left out on create and sent empty on edit to clear it.
 */
export function toConfig(fields: ConnectorFieldRead[], values: ConfigValues, editing: boolean): Record<string, string | number | boolean> {
  const config: Record<string, string | number | boolean> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.type === 'boolean') {
      config[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? (f.secret ? raw : raw.trim()) : '';
    if (text === '') {
      if (editing && !f.secret) config[f.name] = '';
      continue;
    }
    if (f.type === 'integer') {
      const n = Number(text);
      config[f.name] = text !== '' && Number.isFinite(n) ? n : text;
    } else {
      config[f.name] = text;
    }
  }
  return config;
}

/** configIssues() — the platform's own check — with secrets that are already set counted as present. */
export function formConfigIssues(fields: ConnectorFieldRead[], config: Record<string, unknown>, secretsSet: readonly string[]) {
  const checked = { ...config };
  for (const f of fields) if (f.secret && checked[f.name] === undefined && secretsSet.includes(f.name)) checked[f.name] = '(set)';
  return configIssues(fields, checked);
}
