import { EXTENSIONS, extensionCalls, type Capability, type Extension } from '@/contract/extensions';

/** What a page says of an extension: its name, the calls it is, and the seed that documents it (null: ours). */
export function extensionWords(capability: Capability): { name: string; calls: string; documented: string | null } {
  const extension: Extension = EXTENSIONS[capability];
  return { name: extension.name, calls: extensionCalls(capability), documented: extension.documented ?? null };
}
