/** For the scripts that drive a running mock over HTTP: sign in as the demo developer. */
import { DEMO_PASSWORD, DEMO_USERS } from '../mock-server/auth/seed';

/** The headers of a signed-in JSON request to the mock at `base` (…/api/v1). */
export async function signIn(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.developer, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' };
}
