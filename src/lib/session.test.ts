import { describe, expect, it } from 'vitest';
import { tokenClaims } from './session';

const jwt = (payload: unknown) => `e30.${btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.sig`;

describe('tokenClaims', () => {
  it('reads sub and org_id from a JWT, strings or numbers', () => {
    expect(tokenClaims(jwt({ sub: 'u-1', org_id: 'o-1', role: 'admin' }))).toEqual({ sub: 'u-1', org_id: 'o-1' });
    expect(tokenClaims(jwt({ sub: 42 }))).toEqual({ sub: '42', org_id: null });
  });

  it('is null for a token that is not a JWT', () => {
    expect(tokenClaims('opaque-token')).toBeNull();
    expect(tokenClaims('a.%%%.c')).toBeNull();
    expect(tokenClaims(`a.${btoa('"text"')}.c`)).toBeNull();
    expect(tokenClaims(undefined)).toBeNull();
  });
});
