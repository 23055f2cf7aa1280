export function TokensPage() {
  return <p className="muted">Tokens — being built.</p>;
}
