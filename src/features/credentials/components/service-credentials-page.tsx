export function ServiceCredentialsPage() {
  return <p className="muted">Credentials — being built.</p>;
}
