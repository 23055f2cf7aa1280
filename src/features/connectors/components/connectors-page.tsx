export function ConnectorsPage() {
  return <p className="muted">Connectors — being built.</p>;
}
