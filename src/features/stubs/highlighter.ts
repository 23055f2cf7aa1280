import type { HighlighterCore, ThemedToken } from 'shiki/core';
import type { StubLanguage } from '@/data/stubs/get-stub';

let loading: Promise<HighlighterCore> | null = null;

/**
 * Shiki with only what the stubs need: the core, the JavaScript regex engine
 * (no WebAssembly), two grammars and two themes. Imported on first use, so it
 * is never part of the console's first load.
 */
function highlighter(): Promise<HighlighterCore> {
  loading ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([import('shiki/core'), import('shiki/engine/javascript')]);
    return createHighlighterCore({
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: [import('@shikijs/langs/python'), import('@shikijs/langs/typescript')],
      engine: createJavaScriptRegexEngine(),
    });
  })().catch((error: unknown) => {
    loading = null; // let the next preview try again
    throw error;
  });
  return loading;
}

/** Tokens coloured for both themes: `color` for light, `--shiki-dark` for dark (the stylesheet switches). */
export async function highlight(code: string, language: StubLanguage): Promise<ThemedToken[][]> {
  const h = await highlighter();
  return h.codeToTokens(code, { lang: language, themes: { light: 'github-light', dark: 'github-dark' } }).tokens;
}
