export function SchemaBlock({ title, schema }: { title: string; schema: Record<string, unknown> }) {
  return (
    <figure className="schema-block">
      <figcaption>{title}</figcaption>
      <pre className="mono">{JSON.stringify(schema, null, 2)}</pre>
    </figure>
  );
}
