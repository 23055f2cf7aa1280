/**
 * The stand-in identity provider's sign-in page: plain HTML, its one script
 * and style allowed by a nonce (Content-Security-Policy), every value from the
 * request escaped. Its form posts JSON, as every other body is, and follows
 * the answer's `redirect_to` back to the console.
 */
import { randomBytes } from 'node:crypto';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
  :root { color-scheme: light dark; --bg: #f4f5f7; --card: #fff; --text: #1b1f24; --muted: #57606a; --accent: #5b3cc4; --danger: #b42318; }
  @media (prefers-color-scheme: dark) { :root { --bg: #111418; --card: #1b2027; --text: #e6e9ee; --muted: #a5adb8; --accent: #b7a4ff; --danger: #ff9b8f; } }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, sans-serif; }
  main { width: min(24rem, calc(100vw - 2rem)); background: var(--card); border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 3px #0003; }
  h1 { font-size: 1.3rem; margin: 0 0 0.25rem; }
  p { color: var(--muted); margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
  input { box-sizing: border-box; width: 100%; padding: 0.55rem 0.65rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--muted); border-radius: 6px; }
  button { margin-top: 1.25rem; width: 100%; padding: 0.6rem; font: inherit; font-weight: 600; color: #fff; background: #5b3cc4; border: 0; border-radius: 6px; cursor: pointer; }
  button:disabled { opacity: 0.7; }
  a { color: var(--accent); }
  .error { color: var(--danger); min-height: 1.5em; margin: 0.75rem 0 0; }
  .cancel { display: block; text-align: center; margin-top: 1rem; }
`;

const SCRIPT = `
  const form = document.getElementById('sign-in');
  const error = document.getElementById('error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    error.textContent = '';
    button.disabled = true;
    try {
      const res = await fetch(form.dataset.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ state: form.dataset.state, email: form.elements.email.value, password: form.elements.password.value }),
      });
      const body = await res.json().catch(() => null);
      if (res.ok && body && typeof body.redirect_to === 'string') {
        location.assign(body.redirect_to);
        return;
      }
      const detail = body && body.detail;
      error.textContent = typeof detail === 'string' ? detail : Array.isArray(detail) ? detail.map((d) => d.msg).join(' ') : 'Signing in failed (' + res.status + ').';
      form.elements.password.value = '';
    } catch {
      error.textContent = 'Could not reach the identity provider. Try again.';
    } finally {
      button.disabled = false;
    }
  });
`;

function page(title: string, body: string, withScript: boolean): { html: string; csp: string } {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
${withScript ? `<script nonce="${nonce}">${SCRIPT}</script>\n` : ''}</body>
</html>`;
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`;
  return { html, csp };
}

/** The sign-in form for a pending sign-in. */
export function signInPage(o: { provider: string; action: string; state: string; loginHint: string; cancelUrl: string }) {
  return page(
    `Sign in · ${o.provider}`,
    `<h1>${escapeHtml(o.provider)}</h1>
<p>Sign in to continue to Hosted Services. This page stands in for your organization's identity provider in the mock platform.</p>
<form id="sign-in" data-action="${escapeHtml(o.action)}" data-state="${escapeHtml(o.state)}" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(o.loginHint)}" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
<p id="error" class="error" role="alert"></p>
<button type="submit">Sign in</button>
</form>
<a class="cancel" href="${escapeHtml(o.cancelUrl)}">Cancel and go back to Hosted Services</a>`,
    true,
  );
}

/** A sign-in that cannot go on (unknown, finished or expired): why, and the way back. */
export function problemPage(o: { provider: string; reason: string; backUrl: string }) {
  return page(
    `Sign-in cannot continue · ${o.provider}`,
    `<h1>This sign-in cannot continue</h1>
<p>${escapeHtml(o.reason)}</p>
<a href="${escapeHtml(o.backUrl)}">Back to Hosted Services to start again</a>`,
    false,
  );
}
