export function DeploymentPage() {
  return <p className="muted">Deployment — being built.</p>;
}
