import './stubs.css';
import { toast } from 'sonner';
import { isPublished } from '@/contract/versions-rules';
import { openapiDocumentUrl, useFetchOpenapiDocument } from '@/data/stubs/get-openapi-document';
import { STUB_LANGUAGES, useStub, type StubLanguage } from '@/data/stubs/get-stub';
import { useVersions } from '@/data/versions/get-versions';
import type { SearchProps, ServiceProps } from '@/lib/route-props';
import { Button } from '@/ui/button';
import { Segmented } from '@/ui/segmented';
import { Card } from '@/ui/card';
import { Skeleton } from '@/ui/skeleton';
import { EmptyState, ErrorState } from '@/ui/states';
import { CodePreview } from './code-preview';
import { downloadText } from './download';
import { ServedVersionNote, servedLabel } from './served-version-note';

/** The stub shown, from the URL: a link opens the same one. */
export type StubsSearch = { language?: StubLanguage; version?: number };

/** The Stubs tab: the generated Python and TypeScript clients and the OpenAPI document, per published version. */
export function StubsPage({ scope, serviceId, search, onSearchChange }: ServiceProps & SearchProps<StubsSearch>) {
  const versions = useVersions(scope, serviceId);

  const published = versions.filter((v) => isPublished(v) && v.published_at !== null);
  const fallback = published.find((v) => v.status === 'active') ?? published[0];
  const language: StubLanguage = search.language ?? 'python';
  const version = published.find((v) => v.version === search.version)?.version ?? fallback?.version ?? null;
  const stub = useStub(scope, serviceId, language, version);
  const openapi = useFetchOpenapiDocument(scope, serviceId);

  if (version === null) {
    return (
      <EmptyState title="No published version yet">
        <p>Client stubs and the OpenAPI document are generated from a published version&apos;s endpoints. Publish a version to get them.</p>
      </EmptyState>
    );
  }

  const meta = STUB_LANGUAGES.find((l) => l.value === language)!;
  const filename = stub.data?.filename ?? meta.filename;

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success(`Copied ${filename} to the clipboard`);
    } catch {
      toast.error('The browser did not allow copying. Select the code and copy it, or download the file.');
    }
  };

  const downloadOpenapi = () =>
    openapi.mutate(version, {
      onSuccess: (doc) => {
        downloadText(doc.text, 'openapi.json', 'application/json');
        toast.success(
          `Downloaded openapi.json: ${servedLabel(doc)}${doc.served !== null && doc.served !== version ? `, not v${version}` : ''}`,
        );
      },
    });

  return (
    <div className="stack">
      <Card
        id="stub-title"
        className="stub-card"
        heading="Client stub"
        subtitle="Typed methods for each endpoint of the version, from its request and response schemas."
      >
        <div className="stub-toolbar">
          <Segmented
            legend="Language"
            name="stub-language"
            options={STUB_LANGUAGES}
            value={language}
            onChange={(value) => onSearchChange({ language: value })}
          />
          <label className="toolbar-filter">
            Version
            <select className="select" value={version} onChange={(e) => onSearchChange({ version: Number(e.target.value) })}>
              {published.map((v) => (
                <option key={v.id} value={v.version}>
                  v{v.version} ({v.status})
                </option>
              ))}
            </select>
          </label>
          <div className="stub-actions">
            <Button disabled={!stub.data} onClick={() => stub.data && void copy(stub.data.text)}>
              Copy
            </Button>
            <Button
              variant="primary"
              disabled={!stub.data}
              onClick={() => stub.data && downloadText(stub.data.text, filename, 'text/plain')}
            >
              Download {filename}
            </Button>
          </div>
        </div>
        {stub.isPending ? (
          <div className="code-skeleton" aria-busy="true" aria-label="Loading the stub">
            <Skeleton width="40%" />
            <Skeleton width="75%" />
            <Skeleton width="60%" />
            <Skeleton width="85%" />
            <Skeleton width="50%" />
          </div>
        ) : stub.isError ? (
          <ErrorState title={`The ${meta.label} stub could not be loaded`} error={stub.error} onRetry={() => void stub.refetch()} />
        ) : (
          <>
            <ServedVersionNote file={stub.data} what={`${meta.label} stub`} />
            <CodePreview code={stub.data.text} language={language} label={`${filename} for ${servedLabel(stub.data)}`} />
          </>
        )}
      </Card>

      <Card
        id="openapi-title"
        className="stub-card"
        heading="OpenAPI document"
        subtitle="An OpenAPI 3.1 description of the chosen version’s endpoints, for other generators and API tools. It needs your bearer token."
      >
        <div className="openapi-row">
          <code className="gateway-url openapi-path" aria-label="Document path">
            GET {openapiDocumentUrl(scope, serviceId, version)}
          </code>
          <Button onClick={downloadOpenapi} pending={openapi.isPending}>
            Download OpenAPI document
          </Button>
        </div>
        {openapi.data && openapi.data.asked === version && <ServedVersionNote file={openapi.data} what="OpenAPI document" />}
        {openapi.error && (
          <p className="form-alert" role="alert">
            The document could not be downloaded: {openapi.error.message}
          </p>
        )}
      </Card>
    </div>
  );
}
