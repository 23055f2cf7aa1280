import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyServerErrors } from './form-errors';

const refusal = (...issues: [(string | number)[], string][]) =>
  new ApiError(
    422,
    'refused',
    issues.map(([loc, msg]) => ({ loc, msg, type: 'value_error' })),
  );

describe('applyServerErrors', () => {
  it('puts each issue on the field its loc names, and focuses the first', () => {
    const setError = vi.fn();
    const message = applyServerErrors(refusal([['body', 'slug'], 'Taken'], [['body', 'name'], 'Too long']), setError, ['name', 'slug']);
    expect(message).toBeNull();
    expect(setError.mock.calls).toEqual([
      ['slug', { type: 'server', message: 'Taken' }, { shouldFocus: true }],
      ['name', { type: 'server', message: 'Too long' }, { shouldFocus: false }],
    ]);
  });

  it('lands a nested issue on the field that holds it', () => {
    const setError = vi.fn();
    applyServerErrors(
      refusal([['body', 'system_packages', 1], 'Bad name'], [['body', 'claims', 'sub'], 'sub is set by the platform']),
      setError,
      ['system_packages', 'claims'],
    );
    expect(setError.mock.calls.map((c) => c[0])).toEqual(['system_packages', 'claims']);
  });

  it('maps server names to form fields with a function', () => {
    const setError = vi.fn();
    const toField = (name: string) => (name === 'connector_bindings.audit.role' ? 'role' : null);
    expect(applyServerErrors(refusal([['body', 'connector_bindings', 'audit', 'role'], 'Unknown role']), setError, toField)).toBeNull();
    expect(setError).toHaveBeenCalledWith('role', { type: 'server', message: 'Unknown role' }, { shouldFocus: true });
  });

  it('returns what found no field as the form-level message', () => {
    const setError = vi.fn();
    expect(applyServerErrors(refusal([['body', 'secret'], 'Nope'], [['body'], 'Whole body wrong']), setError, ['name'])).toBe(
      'secret: Nope Whole body wrong',
    );
    expect(setError).not.toHaveBeenCalled();
  });

  it('returns the message of a refusal without issues, and of any other error', () => {
    const setError = vi.fn();
    expect(applyServerErrors(new ApiError(409, 'Version 1 is already published'), setError, [])).toBe('Version 1 is already published');
    expect(applyServerErrors(new Error('boom'), setError, [])).toBe('boom');
    expect(applyServerErrors('weird', setError, [])).toBe('Something went wrong.');
  });
});
