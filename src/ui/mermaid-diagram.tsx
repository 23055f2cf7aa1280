import { useEffect, useId, useState } from 'react';
import { Skeleton } from './skeleton';

/**
 * A mermaid diagram, drawn only when shown: mermaid is imported on first use,
 * never on the first load. `securityLevel: 'strict'` and plain-text labels keep
 * markup out; callers still pass user text through `mermaidText()`.
 */
export function MermaidDiagram({ definition, label }: { definition: string; label: string }) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [svg, setSvg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const dark = typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';

  useEffect(() => {
    let cancelled = false;
    setError(null);
    import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: dark ? 'dark' : 'neutral',
          htmlLabels: false,
          // No automatic wrapping: it could cut a label inside one of mermaidText()'s codes.
          flowchart: { htmlLabels: false, wrappingWidth: 800 },
          markdownAutoWrap: false,
          fontFamily: 'system-ui, sans-serif',
        });
        const result = await mermaid.render(`mermaid-${id}`, definition);
        if (!cancelled) setSvg(decodeLabelCodes(result.svg));
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : 'The diagram could not be drawn.');
      });
    return () => {
      cancelled = true;
    };
  }, [definition, dark, id]);

  return (
    <figure className="diagram" role="img" aria-label={label}>
      {error ? (
        <p className="muted">The diagram could not be drawn: {error}</p>
      ) : svg ? (
        // Mermaid's own output, sanitised by it under securityLevel 'strict'.
        <div className="diagram-svg" data-testid="mermaid-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <Skeleton height="140px" />
      )}
    </figure>
  );
}

/**
 * Mermaid draws plain-text labels with the entity codes of `mermaidText()`
 * escaped once more (`&amp;#95;`), so "orders-db" would read "orders&#45;db",
 * and it may split a code across the tspans of a wrapped label. Turn the
 * codes back into characters, label by label, as text: the result is set with
 * textContent, never parsed as markup.
 */
function decodeLabelCodes(svg: string): string {
  if (!svg.includes('&amp;#')) return svg;
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (doc.querySelector('parsererror')) return svg;
  for (const label of doc.querySelectorAll('text, title, desc')) {
    const leaves = [...label.querySelectorAll('tspan')].filter((t) => t.children.length === 0);
    const parts: Element[] = leaves.length ? leaves : [label];
    let carry = '';
    for (const part of parts) {
      let text = carry + (part.textContent ?? '');
      // A code cut at the end of this piece ("…&#4") continues in the next one.
      const cut = /&#?\d*$/.exec(text);
      carry = cut ? cut[0] : '';
      text = text.slice(0, text.length - carry.length);
      part.textContent = decodeCodes(text);
    }
    if (carry && parts.length) parts[parts.length - 1]!.textContent += carry;
  }
  return new XMLSerializer().serializeToString(doc.documentElement);
}

function decodeCodes(text: string): string {
  return text.replace(/&#(\d{1,7});/g, (match, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : match));
}
