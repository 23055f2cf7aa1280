import { useEffect, useRef, useState } from 'react';

/**
 * A list's search box: what is typed is searched once typing pauses (or at
 * Enter), and follows the URL when that changes from elsewhere (Back, a link).
 */
export function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
}: {
  /** Its accessible name ("Search versions"). */
  label: string;
  placeholder?: string;
  /** The search in force (the URL's). */
  value: string;
  onSearch: (text: string) => void;
}) {
  const [text, setText] = useState(value);
  // The latest callback, so a parent's new function each render does not restart the pause.
  const search = useRef(onSearch);
  useEffect(() => {
    search.current = onSearch;
  });
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => search.current(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <label className="toolbar-search">
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        className="input"
        placeholder={placeholder}
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim() !== value) search.current(text.trim());
        }}
      />
    </label>
  );
}

/** A paged list's search box: the list's `q` in the URL; a new search starts at the first page. */
export function ListSearchBox({
  search,
  onSearchChange,
  ...words
}: {
  label: string;
  placeholder: string;
  search: { q: string };
  onSearchChange: (next: { q: string; page: number }) => void;
}) {
  return <SearchBox {...words} value={search.q} onSearch={(q) => onSearchChange({ q, page: 1 })} />;
}
