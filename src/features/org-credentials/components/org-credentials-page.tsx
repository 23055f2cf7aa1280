export function OrgCredentialsPage() {
  return <p className="muted">Credentials — being built.</p>;
}
