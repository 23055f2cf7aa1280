import type { TextFile } from '@/lib/api-client';

export type GeneratedKind = 'python' | 'typescript' | 'openapi';

/** A generated file, the version it was asked for, and the version it says it is of (null: it does not say). */
export type GeneratedFile = TextFile & { asked: number; served: number | null };

const VERSION_NUMBER = /^v?(\d+)$/i;
const STUB_CONSTANT = /^(?:export\s+const\s+)?VERSION\s*[:=][^\d\n]*(\d+)/m;
const STUB_HEADER = /^\s*(?:"""|\/\*\*|\*|#|\/\/)?\s*Typed client for .*, version (\d+)\.?\s*$/m;

const whole = (text: string | null | undefined): number | null => {
  const m = text ? VERSION_NUMBER.exec(text.trim()) : null;
  return m ? Number(m[1]) : null;
};

/**
 * Which version of the service a stub or OpenAPI document is of, from what
 * the platform sent: an `X-Service-Version` header, the document's
 * `info.version`, or the stub's `VERSION` constant or header comment. Null when
 * nothing tells — the page then says "the platform's current version" rather
 * than claim the version it asked for (`?version=` is our extension).
 */
export function servedVersion(file: Pick<TextFile, 'text' | 'versionHeader'>, kind: GeneratedKind): number | null {
  const fromHeader = whole(file.versionHeader);
  if (fromHeader !== null) return fromHeader;
  if (kind === 'openapi') {
    try {
      const doc: unknown = JSON.parse(file.text);
      const info = typeof doc === 'object' && doc !== null && 'info' in doc ? doc.info : null;
      const version = typeof info === 'object' && info !== null && 'version' in info ? info.version : null;
      return typeof version === 'number' && Number.isInteger(version) ? version : whole(typeof version === 'string' ? version : null);
    } catch {
      return null;
    }
  }
  // The head of the file: a service's own text further down cannot be mistaken for it.
  const head = file.text.slice(0, 4000);
  const found = STUB_CONSTANT.exec(head) ?? STUB_HEADER.exec(head);
  return found ? Number(found[1]) : null;
}
