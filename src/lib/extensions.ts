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
 * (`src/contract/extensions.ts`): its capability, its calls and its words.
 */
import { EXTENSIONS, extensionCalls, type Capability, type Extension } from '@/contract/extensions';
import { capabilityState, isExtensionUnavailable, learnCapability } from './capabilities';
import { isMissingRoute } from './not-available';

/** What a page says of an extension: its name, the calls it is, and the seed that documents it (null: ours). */
export function extensionWords(capability: Capability): { name: string; calls: string; documented: string | null } {
  const extension: Extension = EXTENSIONS[capability];
  return { name: extension.name, calls: extensionCalls(capability), documented: extension.documented ?? null };
}

/** An extension the platform does not have; the message says so in words. */
export class ExtensionUnavailable extends Error {
  readonly capability: Capability;

  constructor(capability: Capability, cause?: unknown) {
    super(`${EXTENSIONS[capability].name} is not available on this platform.`);
    this.name = 'ExtensionUnavailable';
    this.capability = capability;
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * Call an extension: learn from the answer, and throw `ExtensionUnavailable`
 * when the platform does not have it — without calling again once that is
 * known. Any other failure is thrown as it came.
 */
export async function callExtension<T>(capability: Capability, call: () => Promise<T>): Promise<T> {
  if (capabilityState(capability) === 'unavailable') throw new ExtensionUnavailable(capability);
  try {
    const result = await call();
    learnCapability(capability, 'available');
    return result;
  } catch (error) {
    if (isMissingRoute(error)) {
      learnCapability(capability, 'unavailable');
      throw new ExtensionUnavailable(capability, error);
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
