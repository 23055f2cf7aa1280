/**
 * Which `pattern`s an endpoint schema may use **[decision]**: JavaScript (and
 * Python) regular expressions backtrack, and some patterns take exponential
 * time on a string a few dozen characters long (`^(a+)+$` on
 * "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"). Such a pattern could stall the gateway
 * that checks requests against it, so saving it is refused, in the editor as
 * on the platform, with the reason:
 *
 * - a repeated group that contains another repetition (`(a+)+`, `(\w+\s?)*`,
 *   `(a{2,3})*`), unless the group starts or ends with a required character
 *   that nothing else in it can match, so each round of the outer repetition
 *   is marked off (`([a-z0-9]+-)*`, `(-[a-z0-9]+)*`, `(\d{1,3}\.){3}` are fine);
 * - a repeated group with alternatives that can start with the same character,
 *   or be empty (`(a|aa)+`, `(\d|\w)*`, `(|a)*`);
 * - two repetitions of overlapping characters in a row (`\d+\d*`, `.*.*`);
 * - backreferences (`(a)\1`).
 *
 * The analysis is conservative: it may refuse a pattern that is in fact safe,
 * never the other way round for the forms above. Patterns are read with the
 * `u` flag, as JSON Schema validators compile them, by regexpp (the parser
 * ESLint reads regular expressions with), so the ECMAScript grammar is its.
 *
 * It is not on the pages that read versions: the endpoint editor loads it
 * (`features/versions/endpoint-schema.ts`), and the platform applies it when an
 * endpoint is saved (`mock-server/versions/rules.ts`).
 */
import { RegExpParser, type AST } from '@eslint-community/regexpp';
import * as z from 'zod/mini';
import { isRegExp, JsonSchema } from './json-schema';

type Range = [number, number];
/** A set of code points, as sorted ranges. */
type CharSet = Range[];

type Node =
  | { kind: 'char'; set: CharSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; branches: Node[] }
  | { kind: 'group'; body: Node; lookaround: boolean }
  | { kind: 'repeat'; body: Node; min: number; max: number }
  | { kind: 'assert' }
  | { kind: 'backref' };

const MAX_CP = 0x10ffff;
const ANY: CharSet = [[0, MAX_CP]];
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: CharSet = [
  [9, 13],
  [32, 32],
  [160, 160],
  [5760, 5760],
  [8192, 8202],
  [8232, 8233],
  [8239, 8239],
  [8287, 8287],
  [12288, 12288],
  [65279, 65279],
];
const LINE_TERMINATORS: CharSet = [
  [10, 10],
  [13, 13],
  [8232, 8233],
];

function normalize(set: CharSet): CharSet {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const out: CharSet = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [lo, hi] of normalize(set)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  return false;
}

const union = (...sets: CharSet[]): CharSet => normalize(sets.flat());

/** regexpp's tree (the ECMAScript grammar, `u` mode) as the little the rules below need: characters as sets. */
function fromAst(node: AST.Alternative | AST.Element | AST.CharacterClassElement): Node {
  switch (node.type) {
    case 'Alternative':
      return { kind: 'seq', items: node.elements.map(fromAst) };
    case 'Group':
    case 'CapturingGroup':
      return { kind: 'group', body: alternatives(node.alternatives), lookaround: false };
    case 'Assertion':
      return node.kind === 'lookahead' || node.kind === 'lookbehind'
        ? { kind: 'group', body: alternatives(node.alternatives), lookaround: true }
        : { kind: 'assert' };
    case 'Quantifier':
      return { kind: 'repeat', body: fromAst(node.element), min: node.min, max: node.max };
    case 'Backreference':
      return { kind: 'backref' };
    case 'Character':
      return { kind: 'char', set: [[node.value, node.value]] };
    case 'CharacterClassRange':
      return { kind: 'char', set: [[node.min.value, node.max.value]] };
    case 'CharacterSet':
      return { kind: 'char', set: characterSet(node) };
    case 'CharacterClass': {
      const set = union(...node.elements.map((e) => charsOf(fromAst(e))));
      return { kind: 'char', set: node.negate ? complement(set) : set };
    }
    default:
      // `v`-mode class expressions: patterns are read in `u` mode, where they do not parse.
      return { kind: 'char', set: ANY };
  }
}

const alternatives = (branches: AST.Alternative[]): Node =>
  branches.length === 1 ? fromAst(branches[0]!) : { kind: 'alt', branches: branches.map(fromAst) };
const charsOf = (n: Node): CharSet => (n.kind === 'char' ? n.set : ANY);

function characterSet(node: AST.CharacterSet): CharSet {
  if (node.kind === 'any') return complement(LINE_TERMINATORS);
  // A Unicode property: any character, as far as these rules can tell.
  if (node.kind === 'property') return ANY;
  const set = node.kind === 'digit' ? DIGIT : node.kind === 'word' ? WORD : SPACE;
  return node.negate ? complement(set) : set;
}

// ---- properties of a node ----------------------------------------------------

/** Can it match the empty string? */
function nullable(n: Node): boolean {
  switch (n.kind) {
    case 'char':
      return false;
    case 'seq':
      return n.items.every(nullable);
    case 'alt':
      return n.branches.some(nullable);
    case 'group':
      return n.lookaround || nullable(n.body);
    case 'repeat':
      return n.min === 0 || nullable(n.body);
    case 'assert':
    case 'backref':
      return true;
  }
}

/**
 * The characters a node can consume, as each question below asks it: they
 * differ only in what a sequence contributes (`ofSeq`), and ask it again of
 * the nodes inside (`self`).
 */
function consumed(n: Node, ofSeq: (items: readonly Node[]) => CharSet, self: (n: Node) => CharSet): CharSet {
  switch (n.kind) {
    case 'char':
      return n.set;
    case 'seq':
      return ofSeq(n.items);
    case 'alt':
      return union(...n.branches.map(self));
    case 'group':
      return n.lookaround ? [] : self(n.body);
    case 'repeat':
      return n.max === 0 ? [] : self(n.body);
    case 'assert':
      return [];
    case 'backref':
      return ANY;
  }
}

/** A sequence's items up to the first that cannot match the empty string: those a match can start with. */
function leading(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const item of items) {
    out.push(item);
    if (!nullable(item)) break;
  }
  return out;
}

/** The characters a match can start with. */
const firstSet = (n: Node): CharSet => consumed(n, (items) => union(...leading(items).map(firstSet)), firstSet);

/** The characters a match can end with. */
const lastSet = (n: Node): CharSet => consumed(n, (items) => union(...leading([...items].reverse()).map(lastSet)), lastSet);

/** Every character it can consume anywhere (lookarounds consume none). */
const allChars = (n: Node): CharSet => consumed(n, (items) => union(...items.map(allChars)), allChars);

/** Does it hold a repetition whose count can vary (`*`, `+`, `?`, `{m,n}`), outside lookarounds? */
function hasVariableRepeat(n: Node): boolean {
  switch (n.kind) {
    case 'seq':
      return n.items.some(hasVariableRepeat);
    case 'alt':
      return n.branches.some(hasVariableRepeat);
    case 'group':
      return !n.lookaround && hasVariableRepeat(n.body);
    case 'repeat':
      return n.max > n.min || hasVariableRepeat(n.body);
    default:
      return false;
  }
}

/** Alternations outside lookarounds and outside nested repetitions (those are checked on their own). */
function alternations(n: Node, out: Extract<Node, { kind: 'alt' }>[] = []): Extract<Node, { kind: 'alt' }>[] {
  if (n.kind === 'alt') {
    out.push(n);
    n.branches.forEach((b) => alternations(b, out));
  } else if (n.kind === 'seq') n.items.forEach((i) => alternations(i, out));
  else if (n.kind === 'group' && !n.lookaround) alternations(n.body, out);
  return out;
}

/** Unwrap non-lookaround groups and one-item sequences. */
function strip(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.kind === 'group' && !cur.lookaround) cur = cur.body;
    else if (cur.kind === 'seq' && cur.items.length === 1) cur = cur.items[0]!;
    else return cur;
  }
}

/** The items of a sequence, flattened through plain groups. */
function seqItems(n: Node): Node[] {
  const s = strip(n);
  if (s.kind !== 'seq') return [s];
  return s.items.flatMap((i) => {
    const inner = strip(i);
    return inner.kind === 'seq' ? seqItems(inner) : [i];
  });
}

/**
 * Is each round of a repetition of `body` marked off: does it start or end
 * with a required single character that nothing else in it can match?
 */
function delimited(body: Node): boolean {
  const items = seqItems(body).filter((i) => strip(i).kind !== 'assert');
  const ends = [items[0], items[items.length - 1]];
  return ends.some((end) => {
    if (!end) return false;
    const e = strip(end);
    if (e.kind !== 'char') return false;
    const others = items.filter((i) => i !== end);
    return !overlaps(e.set, union(...others.map(allChars)));
  });
}

function findHazard(n: Node): string | null {
  switch (n.kind) {
    case 'backref':
      return 'backreferences are not allowed (they can make matching exponential)';
    case 'seq': {
      for (const item of n.items) {
        const h = findHazard(item);
        if (h) return h;
      }
      // Two unbounded repetitions in a row that can match the same characters: \d+\d*, .*.*
      const items = n.items.filter((i) => strip(i).kind !== 'assert');
      for (let k = 1; k < items.length; k++) {
        const a = strip(items[k - 1]!);
        const b = strip(items[k]!);
        // Ambiguous where the second can start with a character a round of the first can end with.
        if (
          a.kind === 'repeat' &&
          b.kind === 'repeat' &&
          a.max === Infinity &&
          b.max === Infinity &&
          overlaps(lastSet(a.body), firstSet(b.body))
        ) {
          return 'two repetitions in a row can match the same characters (e.g. \\d+\\d* or .*.*): merge them into one';
        }
      }
      return null;
    }
    case 'alt':
      for (const b of n.branches) {
        const h = findHazard(b);
        if (h) return h;
      }
      return null;
    case 'group':
      return findHazard(n.body);
    case 'repeat': {
      const inner = findHazard(n.body);
      if (inner) return inner;
      if (n.max <= 1) return null;
      if (hasVariableRepeat(n.body) && !delimited(n.body)) {
        return 'a repeated group contains another repetition (e.g. (a+)+ or (\\w+\\s?)*); start or end the group with a character nothing else in it matches, e.g. ([a-z0-9]+-)*';
      }
      for (const alt of alternations(n.body)) {
        if (alt.branches.some(nullable)) return 'a repeated group has an empty alternative (e.g. (|a)*)';
        const firsts = alt.branches.map(firstSet);
        for (let x = 0; x < firsts.length; x++) {
          for (let y = x + 1; y < firsts.length; y++) {
            if (overlaps(firsts[x]!, firsts[y]!))
              return 'a repeated group has alternatives that can start with the same character (e.g. (a|ab)* or (\\d|\\w)+)';
          }
        }
      }
      return null;
    }
    default:
      return null;
  }
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Why `pattern` could backtrack catastrophically, or null if it cannot (as far
 * as the rules above tell). `pattern` is read as a `u` regular expression; one
 * that is not valid is for the caller to refuse (`isRegExp` in json-schema.ts).
 */
export function patternHazard(pattern: string): string | null {
  let tree: AST.Pattern;
  try {
    tree = parser.parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch {
    return 'the pattern could not be analysed';
  }
  return findHazard(alternatives(tree.alternatives));
}

/** Every `pattern` of a JSON Schema that could backtrack catastrophically: where it is, and why. */
export function patternProblems(schema: unknown, at: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (typeof schema !== 'object' || schema === null) return [];
  if (Array.isArray(schema)) return schema.flatMap((item, i) => patternProblems(item, [...at, i]));
  return Object.entries(schema).flatMap(([key, value]) => {
    const hazard = key === 'pattern' && typeof value === 'string' && isRegExp(value) ? patternHazard(value) : null;
    if (hazard) return [{ path: [...at, key], message: `pattern could backtrack catastrophically: ${hazard}` }];
    return patternProblems(value, [...at, key]);
  });
}

/**
 * An endpoint's request or response schema as the platform accepts it on save
 * (`JsonSchema`), with no pattern that could backtrack catastrophically: each
 * one's issue at the pattern.
 */
export const SafeJsonSchema = JsonSchema.check(
  z.superRefine((schema, ctx) => {
    for (const problem of patternProblems(schema))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: schema });
  }),
);
