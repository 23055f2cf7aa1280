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
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
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

/**
 * The GitHub themes' colours that fall short of 4.5:1 on their own background
 * (light: orange parameters, 3.5:1 on white; dark: grey comments, 3.1:1 on
 * #24292e), and the same hues darkened or lightened until they read.
 */
const READABLE: Record<'color' | '--shiki-dark', Record<string, string>> = {
  color: { '#e36209': '#b34d00' },
  '--shiki-dark': { '#6a737d': '#959da5' },
};

function readable(token: ThemedToken): ThemedToken {
  const style = token.htmlStyle;
  if (!style) return token;
  const fixed = { ...style };
  for (const key of ['color', '--shiki-dark'] as const) {
    const swap = fixed[key] && READABLE[key][fixed[key].toLowerCase()];
    if (swap) fixed[key] = swap;
  }
  return { ...token, htmlStyle: fixed };
}

/** Tokens coloured for both themes: `color` for light, `--shiki-dark` for dark (the stylesheet switches). */
export async function highlight(code: string, language: StubLanguage): Promise<ThemedToken[][]> {
  const h = await highlighter();
  return h
    .codeToTokens(code, { lang: language, themes: { light: 'github-light', dark: 'github-dark' } })
    .tokens.map((line) => line.map(readable));
}
