// @vitest-environment node
/**
 * The helpers domains declare their collections and scope with (store.ts
 * `byId`, `ownedBy`; domain.ts `belongsTo`), on made-up domains and a made-up
 * store, so that core's test needs none of the real ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composePlatform, type MockPlatform } from './app';
import type { ScopeVars } from './context';
import { belongsTo, type MockDomain } from './domain';
import { byId, ownedBy, type Collection, type Store } from './store';

interface Book {
  id: string;
  shelf: string;
}
interface Note {
  id: string;
  book_id: string;
  tag: string | null;
}

/** Made-up domains are typed loosely: their collections are declared nowhere (no module augmentation). */
const domain = (d: Record<string, unknown>) => d as unknown as MockDomain;
const people = domain({ name: 'people', auth: { user: () => undefined } });
const perBook = ownedBy('books' as never, 'book', (n: Note) => n.book_id);
const library = domain({
  name: 'library',
  collections: {
    books: byId<Book, 'shelf'>('books', { shelf: (b) => b.shelf }),
    notes: perBook('notes', (n) => n.id, { tag: (n) => n.tag }),
  },
  seed: () => ({
    books: [
      { id: 'b1', shelf: 's1' },
      { id: 'b2', shelf: 's1' },
    ],
    notes: [
      { id: 'n1', book_id: 'b1', tag: 'x' },
      { id: 'n2', book_id: 'b1', tag: null },
      { id: 'n3', book_id: 'b2', tag: 'x' },
    ],
  }),
});

const opened: MockPlatform[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});
const collections = () => {
  const p = composePlatform([people, library], 1);
  opened.push(p);
  const store = p.store as unknown as Record<'books', Collection<Book, 'shelf'>> & Record<'notes', Collection<Note, 'book' | 'tag'>>;
  return { books: store.books, notes: store.notes };
};

describe('byId and ownedBy', () => {
  it('key records by id, group them, and delete what a record owns with it', () => {
    const { books, notes } = collections();
    expect(books.in('shelf', 's1').map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(notes.in('book', 'b1').map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(notes.in('tag', 'x').map((n) => n.id)).toEqual(['n1', 'n3']);
    books.delete('b1');
    expect([...notes.values()].map((n) => n.id)).toEqual(['n3']);
    expect(books.get('b2')).toEqual({ id: 'b2', shelf: 's1' });
  });
});

describe('belongsTo', () => {
  // A store and a scope of the real record types' shape, made up: only what the finder reads.
  const instances = new Map([
    ['i1', { id: 'i1', workspace_id: 'w1', connector_id: 'postgresql' }],
    ['i2', { id: 'i2', workspace_id: 'w2', connector_id: 'postgresql' }],
  ]);
  const store = { connectorInstances: instances } as unknown as Store;
  const scope = (workspace: string, connector?: string) =>
    ({ workspace: { id: workspace }, ...(connector && { connector: { id: connector } }) }) as unknown as Partial<ScopeVars>;
  const find = belongsTo('connectorInstances', { workspace_id: 'workspace', connector_id: 'connector' });

  it('finds a record whose every owner field holds the id of that thing in scope', () => {
    expect(find({ store, id: 'i1', scope: scope('w1', 'postgresql') })).toBe(instances.get('i1'));
  });

  it("does not find another's, one whose owner is not in scope, or an unknown id", () => {
    expect(find({ store, id: 'i2', scope: scope('w1', 'postgresql') })).toBeUndefined();
    expect(find({ store, id: 'i1', scope: scope('w1', 's3') })).toBeUndefined();
    expect(find({ store, id: 'i1', scope: scope('w1') })).toBeUndefined();
    expect(find({ store, id: 'nope', scope: scope('w1', 'postgresql') })).toBeUndefined();
  });
});
