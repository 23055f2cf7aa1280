import { queryOptions, useQuery } from '@tanstack/react-query';
import { paths, type Scope } from '@/contract/paths';
import { api } from '@/lib/api-client';
import { stubKeys } from './keys';

export type StubLanguage = 'python' | 'typescript';

export const STUB_LANGUAGES: { value: StubLanguage; label: string; filename: string }[] = [
  { value: 'python', label: 'Python', filename: 'client.py' },
  { value: 'typescript', label: 'TypeScript', filename: 'client.ts' },
];

/** A generated client for one published version; the text is kept exactly as the platform wrote it. */
export const getStub = (scope: Scope, serviceId: string, language: StubLanguage, version: number, signal?: AbortSignal) =>
  api.text(paths.stub(scope, serviceId, language), { query: { version }, signal });

export const stubQueryOptions = (scope: Scope, serviceId: string, language: StubLanguage, version: number) =>
  queryOptions({
    queryKey: stubKeys.stub(scope, serviceId, language, version),
    queryFn: ({ signal }) => getStub(scope, serviceId, language, version, signal),
    // A published version never changes, so neither does its stub.
    staleTime: Infinity,
  });

export const useStub = (scope: Scope, serviceId: string, language: StubLanguage, version: number | null) =>
  useQuery({ ...stubQueryOptions(scope, serviceId, language, version ?? 0), enabled: version !== null });
