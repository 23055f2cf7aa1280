/**
 * User text inside a mermaid label, made inert: every character that is not a
 * letter, digit or space becomes a mermaid entity code (`#60;`), so quotes,
 * brackets, arrows, `click` directives and HTML cannot change the diagram or
 * reach the DOM as markup. Mermaid turns the codes back into characters when
 * it draws the label as text.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return `"${out}"`;
}

/** A mermaid node id from anything: only [a-z0-9_], never user-controlled syntax. */
export function mermaidId(prefix: string, index: number): string {
  return `${prefix.replace(/[^a-z0-9_]/gi, '')}_${index}`;
}
