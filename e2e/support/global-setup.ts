import { MOCK_URL } from '../../playwright.config';

/** Every run starts from the demo seed, whatever an earlier run left behind. */
export default async function globalSetup() {
  const res = await fetch(`${MOCK_URL}/api/v1/__test__/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ seed: 'demo' }),
  });
  if (!res.ok) throw new Error(`Could not reset the mock platform: ${res.status}`);
}
