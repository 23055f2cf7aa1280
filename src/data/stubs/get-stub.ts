import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { learnCapability } from '@/lib/capabilities';
import { stubKeys } from './keys';
import { servedVersion, type GeneratedFile, type GeneratedKind } from './served-version';

export type StubLanguage = 'python' | 'typescript';

export const STUB_LANGUAGES: { value: StubLanguage; label: string; filename: string }[] = [
  { value: 'python', label: 'Python', filename: 'client.py' },
  { value: 'typescript', label: 'TypeScript', filename: 'client.ts' },
];

/**
 * A generated file (a stub, an OpenAPI document) for one published version,
 * the text kept exactly as the platform wrote it. `?version=` is our extension:
 * a platform without it sends its current version's, which `served` tells (and
 * then the console knows, for the session, that it cannot ask for another).
 */
export async function getGeneratedFile(
  path: string,
  kind: GeneratedKind,
  version: number,
  options: { signal?: AbortSignal; accept?: string } = {},
): Promise<GeneratedFile> {
  const file = await api.text(path, { query: { version }, ...options });
  const served = servedVersion(file, kind);
  if (served !== null && served !== version) learnCapability('versionQuery', 'unavailable');
  return { ...file, asked: version, served };
}

export const getStub = (scope: Scope, serviceId: string, language: StubLanguage, version: number, signal?: AbortSignal) =>
  getGeneratedFile(paths.stub(scope, serviceId, language), language, version, { signal });

export const stubQueryOptions = (scope: Scope, serviceId: string, language: StubLanguage, version: number) =>
  queryOptions({
    queryKey: stubKeys.stub(scope, serviceId, language, version),
    queryFn: ({ signal }) => getStub(scope, serviceId, language, version, signal),
    // A published version never changes, so neither does its stub.
    staleTime: Infinity,
  });

export const useStub = (scope: Scope, serviceId: string, language: StubLanguage, version: number | null) =>
  useQuery({ ...stubQueryOptions(scope, serviceId, language, version ?? 0), enabled: version !== null });
