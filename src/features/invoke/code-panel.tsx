import { useState } from 'react';
import { toast } from 'sonner';
import type { Scope } from '@/contract/paths';
import { useStub } from '@/data/stubs/get-stub';
import { Button } from '@/ui/button';
import { Segmented } from '@/ui/segmented';
import { Card } from '@/ui/card';
import { curlSnippet, findStubMethod, pythonSnippet, typescriptSnippet, type SnippetCall } from './code-snippets';

type Language = 'curl' | 'python' | 'typescript';
const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'curl', label: 'curl' },
  { value: 'python', label: 'Python' },
  { value: 'typescript', label: 'TypeScript' },
];

/**
 * The call as code: curl, Python with CLIClient (seed 004), TypeScript with
 * the generated stub of the version that answers (the pinned one, else the
 * busiest). Shown, so it can be read before it is copied.
 */
export function CodePanel({
  scope,
  serviceId,
  call,
  stubVersion,
}: {
  scope: Scope;
  serviceId: string;
  call: SnippetCall | null;
  stubVersion: number;
}) {
  const [language, setLanguage] = useState<Language>('curl');
  const stub = useStub(scope, serviceId, 'typescript', language === 'typescript' ? stubVersion : null);

  let code: string | null = null;
  let note: string | null = null;
  if (!call) note = 'Fill in the request (its body must be JSON) to see it as code.';
  else if (language === 'curl') code = curlSnippet(call);
  else if (language === 'python') code = pythonSnippet(call);
  else if (stub.isPending) note = `Loading v${stubVersion}'s TypeScript stub…`;
  else if (stub.isError) note = `v${stubVersion}'s TypeScript stub could not be loaded: ${stub.error.message}`;
  else {
    const method = findStubMethod(stub.data.text, call.method, call.template);
    if (method) code = typescriptSnippet(call, method, stubVersion);
    else note = `v${stubVersion}'s TypeScript stub has no method for ${call.method} ${call.template}.`;
  }

  const label = LANGUAGES.find((l) => l.value === language)!.label;
  const copy = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      toast.success(`Copied the ${label} code`);
    } catch {
      toast.error('The browser did not allow copying. Select the code and copy it.');
    }
  };

  return (
    <Card
      id="invoke-code-title"
      heading="Copy as code"
      subtitle="Runs as copied: put your token where the placeholder is."
      actions={
        <Button onClick={() => void copy()} disabled={!code}>
          Copy {label}
        </Button>
      }
    >
      <Segmented
        legend="Language"
        name="invoke-code-language"
        className="invoke-segmented"
        options={LANGUAGES}
        value={language}
        onChange={setLanguage}
      />
      {code ? (
        <pre className="invoke-code" aria-label={`${label} code`} tabIndex={0}>
          {code}
        </pre>
      ) : (
        <p className="muted" role="status">
          {note}
        </p>
      )}
    </Card>
  );
}
