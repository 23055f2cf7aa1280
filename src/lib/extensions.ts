/**
 * Calling our extensions (CONTRACT §11): each is optional, and the answer
 * teaches the console whether the platform has it (lib/capabilities.ts).
 *
 * - `readExtension` (a read a page can do without): its data, or
 *   `{ available: false }` when the platform does not have it, so the page
 *   renders its "not available on this platform" state instead of an error.
 * - `callExtension` (a write, or a read that must fail loudly): throws
 *   `ExtensionUnavailable`, whose message says so in words.
 *
 * Once an extension is known to be missing, neither calls the platform again.
 * Each extension is declared once, in the contract's registry
 * (`src/contract/extensions.ts`): its capability, its calls and its words. The
 * registry loads only when an extension turns out to be missing (for its name)
 * or a page says so (`lib/extension-words.ts`): the services list reads the
 * metrics extension after its first paint, and the platform usually has it.
 */
import type { Capability } from '@/contract/extensions';
import { capabilityState, isExtensionUnavailable, learnCapability } from './capabilities';
import { isMissingRoute } from './not-available';

/** An extension the platform does not have; the message says so in words (`name`: the registry's). */
export class ExtensionUnavailable extends Error {
  readonly capability: Capability;

  constructor(capability: Capability, name: string, cause?: unknown) {
    super(`${name} is not available on this platform.`);
    this.name = 'ExtensionUnavailable';
    this.capability = capability;
    if (cause !== undefined) this.cause = cause;
  }
}

/** `ExtensionUnavailable` for `capability`, named as the registry names it. */
async function unavailable(capability: Capability, cause?: unknown): Promise<ExtensionUnavailable> {
  const { EXTENSIONS } = await import('@/contract/extensions');
  return new ExtensionUnavailable(capability, EXTENSIONS[capability].name, cause);
}

/**
 * Call an extension: learn from the answer, and throw `ExtensionUnavailable`
 * when the platform does not have it — without calling again once that is
 * known. Any other failure is thrown as it came.
 */
export async function callExtension<T>(capability: Capability, call: () => Promise<T>): Promise<T> {
  if (capabilityState(capability) === 'unavailable') throw await unavailable(capability);
  try {
    const result = await call();
    learnCapability(capability, 'available');
    return result;
  } catch (error) {
    if (isMissingRoute(error)) {
      learnCapability(capability, 'unavailable');
      throw await unavailable(capability, error);
    }
    throw error;
  }
}

/** A read of an extension, as a page uses it: its data, or that the platform does not have it. */
export type ExtensionRead<T> = { available: true; data: T } | { available: false; capability: Capability };

/** Read through an extension: `{ available: false }` rather than an error when the platform does not have it. */
export async function readExtension<T>(capability: Capability, call: () => Promise<T>): Promise<ExtensionRead<T>> {
  try {
    return { available: true, data: await callExtension(capability, call) };
  } catch (error) {
    if (isExtensionUnavailable(error, capability)) return { available: false, capability };
    throw error;
  }
}
