import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps a path on this console, with its search and hash', () => {
    expect(safeRedirect('/orgs/a/workspaces/b/services?status=active#top')).toBe('/orgs/a/workspaces/b/services?status=active#top');
  });

  it('refuses anything that could leave the console', () => {
    for (const target of ['https://evil.example', '//evil.example/path', '/\\evil.example', 'javascript:alert(1)', 'orgs/a', ''])
      expect(safeRedirect(target), target).toBe('/');
  });

  it('never returns to the sign-in page, and ignores what is not text', () => {
    expect(safeRedirect('/login?redirect=%2F')).toBe('/');
    expect(safeRedirect(undefined)).toBe('/');
    expect(safeRedirect(42)).toBe('/');
  });
});
