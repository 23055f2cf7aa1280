import { useEffect, useState, type CSSProperties } from 'react';
import type { ThemedToken } from 'shiki/core';
import type { StubLanguage } from '@/data/stubs/get-stub';
import { highlight } from './highlighter';

/** shiki's `{'font-style': 'italic', '--shiki-dark': '#…'}` as a React style (custom properties kept as they are). */
function styleOf(token: ThemedToken): CSSProperties | undefined {
  if (!token.htmlStyle) return token.color ? { color: token.color } : undefined;
  return Object.fromEntries(
    Object.entries(token.htmlStyle).map(([key, value]) => [
      key.startsWith('--') ? key : key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  ) as CSSProperties;
}

/**
 * Generated code, highlighted once shiki has loaded and plain until then.
 * Tokens are rendered as React text, so nothing in the stub can become markup.
 */
export function CodePreview({ code: text, language, label }: { code: string; language: StubLanguage; label: string }) {
  // The file's final newline would show as an empty last line.
  const code = text.replace(/\n$/, '');
  const [highlighted, setHighlighted] = useState<{ code: string; language: StubLanguage; lines: ThemedToken[][] } | null>(null);

  useEffect(() => {
    let cancelled = false;
    highlight(code, language)
      .then((lines) => {
        if (!cancelled) setHighlighted({ code, language, lines });
      })
      .catch(() => {
        // Highlighting is a nicety: the plain text stays on screen.
      });
    return () => {
      cancelled = true;
    };
  }, [code, language]);

  const lines = highlighted?.code === code && highlighted.language === language ? highlighted.lines : null;
  return (
    // Focusable so the preview can be scrolled from the keyboard.
    <pre className="code-preview" tabIndex={0} aria-label={label} data-highlighted={lines ? 'true' : 'false'}>
      <code>
        {lines
          ? lines.map((line, i) => (
              <span key={i} className="code-line">
                {line.map((token, j) => (
                  <span key={j} style={styleOf(token)}>
                    {token.content}
                  </span>
                ))}
                {'\n'}
              </span>
            ))
          : code.split('\n').map((line, i) => (
              <span key={i} className="code-line">
                {line}
                {'\n'}
              </span>
            ))}
      </code>
    </pre>
  );
}
