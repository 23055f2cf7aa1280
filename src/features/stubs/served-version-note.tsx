import type { GeneratedFile } from '@/data/stubs/served-version';
import { Notice } from '@/ui/notice';
import { Unavailable } from '@/ui/unavailable';

/** The version a generated file is of, as the platform says it: never the one asked for unless the platform says so. */
export function servedLabel(file: Pick<GeneratedFile, 'served'>): string {
  return file.served !== null ? `v${file.served}` : 'the platform’s current version';
}

/**
 * When a generated file is not of the version asked for (the platform ignores
 * `?version=`, our extension), or does not say which it is: said in words above it.
 */
export function ServedVersionNote({ file, what }: { file: GeneratedFile; what: string }) {
  if (file.served === null) {
    return (
      <Notice>
        The platform does not say which version this {what} is of. It may be its current version’s rather than v{file.asked}’s.
      </Notice>
    );
  }
  if (file.served === file.asked) return null;
  return (
    <Unavailable capability="versionQuery" title={`This is v${file.served}’s ${what}, not v${file.asked}’s`}>
      <p>
        This platform does not serve a chosen version’s {what}: it sent its current version’s, v{file.served}. To get v{file.asked}’s, use a
        platform that serves older versions, or generate it from v{file.asked}’s endpoint snapshot.
      </p>
    </Unavailable>
  );
}
