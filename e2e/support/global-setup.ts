import { ensureBuild } from '../../scripts/ensure-build';

/**
 * Before any worker starts: the one production build every worker previews
 * (the one `npm test` made for the size budget, or a fresh one when `dist/`
 * is missing or older than the sources). Each worker then starts its own mock
 * from the demo seed (servers.ts): there is no shared state to reset.
 */
export default function globalSetup() {
  ensureBuild();
}
