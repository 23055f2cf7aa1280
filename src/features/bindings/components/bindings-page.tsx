export function BindingsPage() {
  return <p className="muted">Bindings — being built.</p>;
}
