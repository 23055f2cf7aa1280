import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { capabilityState, forgetCapabilities, isExtensionUnavailable, learnCapability } from './capabilities';
import { callExtension, ExtensionUnavailable, readExtension } from './extensions';
import { isMissingRoute, notAvailable } from './not-available';

/** An error as the API client throws it for a FastAPI-shaped answer. */
const answer = (status: number, detail: string | null) => new ApiError(status, detail ?? `HTTP ${status}`, [], null, detail);

describe('a missing route (CONTRACT §11)', () => {
  it.each([
    ['the router’s generic 404', answer(404, 'Not Found'), true],
    ['a 404 without a FastAPI body (a proxy’s)', answer(404, null), true],
    ['a 405', answer(405, 'Method Not Allowed'), true],
    ['a 501', answer(501, 'Not Implemented'), true],
    ['a 404 that names what is missing: the route answered', answer(404, 'Service not found'), false],
    ['a 403', answer(403, 'Forbidden'), false],
    ['a 500', answer(500, 'Internal Server Error'), false],
    ['a network failure', new TypeError('Failed to fetch'), false],
  ])('%s → %s', (_, error, missing) => {
    expect(isMissingRoute(error)).toBe(missing);
    expect(notAvailable(error)).toBe(missing);
  });

  it('a 404 with validation issues is not a missing route', () => {
    expect(isMissingRoute(new ApiError(404, 'Not Found', [{ loc: ['path', 'id'], msg: 'bad', type: 'x' }], null, null))).toBe(false);
  });

  it('what the console already learnt is not available either', () => {
    expect(notAvailable(new ExtensionUnavailable('activity', 'Activity'))).toBe(true);
  });
});

describe('calling an extension', () => {
  afterEach(() => forgetCapabilities());

  it('learns that the platform has it from a success', async () => {
    expect(capabilityState('deploymentHistory')).toBe('unknown');
    await expect(callExtension('deploymentHistory', async () => 'history')).resolves.toBe('history');
    expect(capabilityState('deploymentHistory')).toBe('available');
  });

  it('learns that it is missing from a missing route, says so in words, and does not call again', async () => {
    const call = vi.fn(async () => {
      throw answer(404, 'Not Found');
    });
    const first = await callExtension('trafficSplit', call).catch((e: unknown) => e);
    expect(isExtensionUnavailable(first, 'trafficSplit')).toBe(true);
    expect((first as Error).message).toBe('Changing the traffic split is not available on this platform.');
    expect(capabilityState('trafficSplit')).toBe('unavailable');

    await expect(callExtension('trafficSplit', call)).rejects.toBeInstanceOf(ExtensionUnavailable);
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('passes any other failure on as it came, and learns nothing', async () => {
    const refusal = answer(404, 'Service not found');
    await expect(
      callExtension('effectiveCredentials', async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(capabilityState('effectiveCredentials')).toBe('unknown');
  });

  it('reads an extension as data, or as not available rather than an error', async () => {
    await expect(readExtension('tokenRevocation', async () => [1, 2])).resolves.toEqual({ available: true, data: [1, 2] });
    forgetCapabilities();
    await expect(
      readExtension('tokenRevocation', async () => {
        throw answer(405, 'Method Not Allowed');
      }),
    ).resolves.toEqual({ available: false, capability: 'tokenRevocation' });
  });

  it('forgets what it learnt when asked (a platform that changed)', () => {
    learnCapability('apiKeySignIn', 'unavailable');
    expect(capabilityState('apiKeySignIn')).toBe('unavailable');
    forgetCapabilities();
    expect(capabilityState('apiKeySignIn')).toBe('unknown');
  });
});
