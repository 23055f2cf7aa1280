import { DOCUMENTED_MOCK_URL, MOCK_URL } from '../../playwright.config';

/** Every run starts from the demo seed, whatever an earlier run left behind: on both mocks (the full one and the documented-only one). */
export default async function globalSetup() {
  for (const mock of [MOCK_URL, DOCUMENTED_MOCK_URL]) {
    const res = await fetch(`${mock}/api/v1/__test__/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ seed: 'demo' }),
    });
    if (!res.ok) throw new Error(`Could not reset the mock platform at ${mock}: ${res.status}`);
  }
}
