import { json } from '@codemirror/lang-json';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { forwardRef } from 'react';
import { readJson } from '@/lib/json-text';
import { useCodeEditor, type CodeEditorHandle, type CodeEditorProps } from './code-editor-support';

export type JsonEditorProps = CodeEditorProps;
export type JsonEditorHandle = CodeEditorHandle;

/** JSON's colours from the console's palette, so they read in the light and the dark theme. */
const jsonColours = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--success)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--info)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/** Underlines where the text stops being JSON, as the field's message says. */
const syntaxLinter = linter(
  (view): Diagnostic[] => {
    const text = view.state.doc.toString();
    if (text.trim() === '') return [];
    const read = readJson(text);
    return read.ok ? [] : [{ from: read.error.from, to: read.error.to, severity: 'error', message: read.error.reason }];
  },
  { delay: 250 },
);

/**
 * CodeMirror 6 with JSON: highlighting, bracket matching, undo, line numbers,
 * the syntax error underlined (see useCodeEditor for the keys and long lines
 * wrapped). Loaded by JsonField only when a field is shown.
 */
export const JsonEditor = forwardRef<JsonEditorHandle, JsonEditorProps>(function JsonEditor(props, ref) {
  const host = useCodeEditor(props, ref, () => [lintGutter(), syntaxHighlighting(jsonColours), json(), syntaxLinter]);
  return <div {...host} />;
});
