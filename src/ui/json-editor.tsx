import './json-editor.css';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { readJson } from '@/lib/json-text';

export type JsonEditorProps = {
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  /** The label's id; the editor's content is the textbox it names. */
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  required?: boolean;
  /** The height the editor keeps while its text is shorter. */
  minLines: number;
};

export type JsonEditorHandle = { focus: () => void };

/** JSON's colours from the console's palette, so they read in the light and the dark theme. */
const jsonColours = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--accent)' },
  { tag: tags.string, color: 'var(--success)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--info)' },
  { tag: tags.invalid, color: 'var(--danger)' },
]);

/** Marks a change that came from `value`, so it is not reported back as the user's. */
const fromOutside = Annotation.define<boolean>();

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
 * A script or an assistive tool that focuses the editor, selects all its text
 * and types (as Playwright's fill does) means to replace the whole text. The
 * editor reads that selection a moment later, and an update in between (one
 * follows every focus) would first put its own cursor back; read it at once.
 */
const selectAllOnFocus = EditorView.domEventHandlers({
  focus: (_event, view) => {
    queueMicrotask(() => {
      const selection = document.getSelection();
      const { anchorNode, focusNode } = selection ?? {};
      if (!selection || !anchorNode || !focusNode || !view.contentDOM.contains(anchorNode) || !view.contentDOM.contains(focusNode)) return;
      const ends = [view.posAtDOM(anchorNode, selection.anchorOffset), view.posAtDOM(focusNode, selection.focusOffset)];
      const length = view.state.doc.length;
      const main = view.state.selection.main;
      if (length > 0 && Math.min(...ends) === 0 && Math.max(...ends) === length && !(main.from === 0 && main.to === length)) {
        view.dispatch({ selection: { anchor: 0, head: length } });
      }
    });
  },
});

function contentAttributes({ labelledBy, describedBy, invalid, required }: JsonEditorProps): Record<string, string> {
  return {
    'aria-labelledby': labelledBy,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
    ...(required ? { 'aria-required': 'true' } : {}),
    // Already focusable (contenteditable); said outright so checkers see the scrolling editor's content can take the keyboard.
    tabindex: '0',
    spellcheck: 'false',
    autocorrect: 'off',
    autocapitalize: 'off',
  };
}

/**
 * CodeMirror 6 with JSON: highlighting, bracket matching, undo, line numbers
 * and the syntax error underlined. Tab is left to the browser, so it moves to
 * the next field as in any form (indentWithTab is not bound); Ctrl-] and
 * Ctrl-[ (⌘ on a Mac) indent. Loaded by JsonField only when a field is shown.
 */
export const JsonEditor = forwardRef<JsonEditorHandle, JsonEditorProps>(function JsonEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const aria = useRef(new Compartment());
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          lineNumbers(),
          lintGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          syntaxHighlighting(jsonColours),
          json(),
          syntaxLinter,
          selectAllOnFocus,
          keymap.of([...defaultKeymap, ...historyKeymap]),
          aria.current.of(EditorView.contentAttributes.of(contentAttributes(latest.current))),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.annotation(fromOutside)))
              latest.current.onChange(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) latest.current.onBlur?.();
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A value set from outside (a reset, a file loaded) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== props.value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: props.value }, annotations: fromOutside.of(true) });
    }
  }, [props.value]);

  const { labelledBy, describedBy, invalid, required } = props;
  useEffect(() => {
    view.current?.dispatch({
      effects: aria.current.reconfigure(
        EditorView.contentAttributes.of(contentAttributes({ ...latest.current, labelledBy, describedBy, invalid, required })),
      ),
    });
  }, [labelledBy, describedBy, invalid, required]);

  useImperativeHandle(ref, () => ({ focus: () => view.current?.focus() }), []);

  return (
    <div
      ref={host}
      className="json-editor"
      data-invalid={invalid || undefined}
      style={{ '--json-lines': props.minLines } as React.CSSProperties}
    />
  );
});
