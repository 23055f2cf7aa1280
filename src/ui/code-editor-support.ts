/**
 * What the console's CodeMirror editors (JSON, SQL) share: the editor itself
 * (undo, line numbers, the content's accessible name and state), replacing the
 * whole text when a script selects it all and types, and telling a change of
 * `value` from the user's own. Imported by the editors only, so it loads with them.
 */
import './code-editor.css';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { Annotation, Compartment, EditorState, type Extension } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type ForwardedRef } from 'react';

export type CodeEditorProps = {
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

export type CodeEditorHandle = { focus: () => void };

/** Marks a change that came from `value`, so it is not reported back as the user's. */
const fromOutside = Annotation.define<boolean>();

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

function contentAttributes({ labelledBy, describedBy, invalid, required }: CodeEditorProps): Record<string, string> {
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
 * CodeMirror 6 in a host element, with the language's extensions: undo, line
 * numbers, bracket matching. Tab is left to the browser, so it moves to the
 * next field as in any form (indentWithTab is not bound); Ctrl-] and Ctrl-[
 * (⌘ on a Mac) indent. Returns the host's ref and its props.
 */
export function useCodeEditor(props: CodeEditorProps, ref: ForwardedRef<CodeEditorHandle>, language: () => Extension[]) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const aria = useRef(new Compartment());
  const latest = useRef({ props, language });
  latest.current = { props, language };

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.props.value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          // Long lines wrap: on a phone a statement, a schema or a body is read whole, not through a field that scrolls sideways.
          EditorView.lineWrapping,
          ...latest.current.language(),
          selectAllOnFocus,
          keymap.of([...defaultKeymap, ...historyKeymap]),
          aria.current.of(EditorView.contentAttributes.of(contentAttributes(latest.current.props))),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.annotation(fromOutside)))
              latest.current.props.onChange(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) latest.current.props.onBlur?.();
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
        EditorView.contentAttributes.of(contentAttributes({ ...latest.current.props, labelledBy, describedBy, invalid, required })),
      ),
    });
  }, [labelledBy, describedBy, invalid, required]);

  useImperativeHandle(ref, () => ({ focus: () => view.current?.focus() }), []);

  return {
    ref: host,
    className: 'code-editor',
    'data-invalid': invalid || undefined,
    style: { '--editor-lines': props.minLines } as React.CSSProperties,
  };
}
