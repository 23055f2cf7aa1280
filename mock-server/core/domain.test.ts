// @vitest-environment node
/**
 * Composing a platform from domains (app.ts `composePlatform`): what a domain
 * adds is registered, and a mistake at the root (a name two domains claim, a
 * seed that reads a domain listed after it, an owner no domain registers) stops
 * the start with a sentence that says what to change. The domains here are
 * made up, so that core's test needs none of the real ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composePlatform, type MockPlatform } from './app';
import type { MockDomain } from './domain';
import { domainApi, get } from './operations';
import { reply } from './replies';
import * as z from 'zod/mini';

interface Note {
  id: string;
  book_id: string;
  text: string;
}

/** Made-up domains are typed loosely: their collections and settings are declared nowhere (no module augmentation). */
const domain = (d: Record<string, unknown>) => d as unknown as MockDomain;
/** Every platform needs one domain that says who a token is. */
const people = domain({ name: 'people', auth: { user: () => undefined } });

const NotePage = z.strictObject({ items: z.array(z.strictObject({ id: z.string(), text: z.string() })), per_page: z.number() });
const notesApi = domainApi(
  ['notes'],
  [
    get('/notes', 'listNotes', 'The notes', {
      auth: 'none',
      responses: { 200: { description: 'The notes', schema: NotePage } },
      handler: ({ var: { store, platform } }) => {
        const notes = [...(store as unknown as Record<string, { values(): Iterable<Note> }>).notes!.values()];
        const perPage = (platform.settings as unknown as { notesPerPage: number }).notesPerPage;
        return reply(200, NotePage, { items: notes.map(({ id, text }) => ({ id, text })), per_page: perPage });
      },
    }),
  ],
);
const books = domain({ name: 'books', collections: { books: { table: 'books', key: (b: { id: string }) => b.id } } });
const notes = domain({
  name: 'notes',
  apis: [notesApi],
  collections: {
    notes: {
      table: 'notes',
      key: (n: Note) => n.id,
      groups: { book: (n: Note) => n.book_id },
      ownedBy: { collection: 'books', group: 'book' },
    },
  },
  seed: () => ({ notes: [{ id: 'n1', book_id: 'b1', text: 'seeded' }] }),
  settings: { notesPerPage: 20 },
});

const opened: MockPlatform[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) p.close();
});
const compose = (domains: MockDomain[], options: Record<string, unknown> = {}) => {
  const p = composePlatform(domains, 1, options);
  opened.push(p);
  return p;
};

describe('composePlatform', () => {
  it("registers each domain's collections, seed, settings and sub-app", async () => {
    const p = compose([people, books, notes], { notesPerPage: 5 });
    const res = await p.app.request('/api/v1/notes');
    expect(await res.json()).toEqual({ items: [{ id: 'n1', text: 'seeded' }], per_page: 5 });
    expect((p.options as unknown as { notesPerPage: number }).notesPerPage).toBe(5);
    expect(compose([people, books, notes]).options).toMatchObject({ notesPerPage: 20 });
  });

  it('stops at a name two domains claim, naming both', () => {
    expect(() => compose([people, notes, domain({ name: 'other', settings: { notesPerPage: 1 } })])).toThrow(
      'The notes and other domains both register the setting notesPerPage',
    );
    expect(() =>
      compose([people, books, notes, domain({ name: 'copy', collections: { notes: { table: 'notes2', key: () => '' } } })]),
    ).toThrow('The store has a notes already: two domains register it');
  });

  it('stops at a seed that reads what a domain listed after it seeds, and at an owner no domain registers', () => {
    const readsLater = domain({ name: 'shelves', seed: (s: { records(n: string): unknown[] }) => (s.records('notes'), {}) });
    expect(() => compose([people, books, readsLater, notes])).toThrow(
      'The shelves seed reads notes, which the notes domain seeds after it: list notes before shelves',
    );
    expect(() => compose([people, notes])).toThrow('The collection notes is owned by books, which no domain registers');
  });

  it('needs exactly one domain to say who an access token is', () => {
    expect(() => compose([books])).toThrow('Exactly one domain says who an access token is (auth.user)');
  });
});
