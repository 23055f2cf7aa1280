import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { ExtensionUnavailable } from '@/lib/extensions';
import { callbackProblem, finishProblem } from './sso-callback';

const pending = { state: 's-1' };

describe('the single sign-on callback', () => {
  it('sends an answer only for the sign-in this tab started, with a code', () => {
    expect(callbackProblem({ code: 'c', state: 's-1' }, pending)).toBeNull();
    expect(callbackProblem({ code: 'c', state: 's-2' }, pending)).toMatch(/does not match the sign-in this tab started/);
    expect(callbackProblem({ code: 'c' }, pending)).toMatch(/does not match/);
    expect(callbackProblem({ code: 'c', state: 's-1' }, null)).toMatch(/This tab did not start a single sign-on/);
    expect(callbackProblem({ state: 's-1' }, pending)).toMatch(/sent no sign-in code/);
  });

  it('says what the identity provider refused, cut short', () => {
    expect(callbackProblem({ error: 'access_denied', state: 's-1' }, pending)).toMatch(/^You cancelled at the identity provider/);
    const said = callbackProblem({ error: 'server_error', error_description: 'x'.repeat(500) }, pending)!;
    expect(said).toMatch(/^The identity provider refused the sign-in \(server_error: x+\)\. Start again below\.$/);
    expect(said.length).toBeLessThan(300);
  });

  it('says the platform’s refusal of the code, or that it has no callback', () => {
    const used = new ApiError(400, 'code: used', [
      { loc: ['body', 'code'], msg: 'This sign-in code has already been used.', type: 'sso_code_used' },
    ]);
    expect(finishProblem(used)).toBe('This sign-in code has already been used.');
    expect(finishProblem(new ExtensionUnavailable('ssoCallback', 'Finishing single sign-on in the console'))).toMatch(
      /does not finish single sign-on in the console/,
    );
    expect(finishProblem(ApiError.network(new Error('offline')))).toMatch(/Could not reach the platform/);
  });
});
