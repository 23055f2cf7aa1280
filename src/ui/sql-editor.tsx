import { SQLite, sql } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { forwardRef } from 'react';
import { useCodeEditor, type CodeEditorHandle, type CodeEditorProps } from './code-editor-support';

/** SQL's colours from the console's palette, so they read in the light and the dark theme. */
const sqlColours = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--accent)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--success)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--info)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.typeName, color: 'var(--warning)' },
]);

/**
 * CodeMirror 6 with SQL (SQLite's dialect, what the platform's SQL
 * instances run): highlighting, bracket matching, undo, line numbers (see
 * useCodeEditor for the keys and long lines wrapped). Loaded by SqlField only when a field is shown.
 */
export const SqlEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function SqlEditor(props, ref) {
  const host = useCodeEditor(props, ref, () => [syntaxHighlighting(sqlColours), sql({ dialect: SQLite, upperCaseKeywords: true })]);
  return <div {...host} />;
});
