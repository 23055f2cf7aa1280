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
 * `u` flag, as JSON Schema validators compile them.
 */

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

class Unsupported extends Error {}

/** A small parser for the syntax of a `u` regular expression, enough to see its structure. */
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported('unbalanced parenthesis');
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++; // lazy: the same backtracking
    return { kind: 'repeat', body: atom, min, max };
  }

  private atom(): Node {
    const c = this.src[this.i++]!;
    switch (c) {
      case '^':
      case '$':
        return { kind: 'assert' };
      case '.':
        return { kind: 'char', set: complement(LINE_TERMINATORS) };
      case '[':
        return { kind: 'char', set: this.charClass() };
      case '(':
        return this.group();
      case '\\':
        return this.escape(false);
      default:
        return { kind: 'char', set: [[c.codePointAt(0)!, c.codePointAt(0)!]] };
    }
  }

  private group(): Node {
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (this.src.startsWith('?=', this.i) || this.src.startsWith('?!', this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.src.startsWith('?<=', this.i) || this.src.startsWith('?<!', this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.src.startsWith('?<', this.i)) {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported('unterminated group name');
      this.i = end + 1;
    }
    const body = this.alternation();
    if (this.src[this.i++] !== ')') throw new Unsupported('unbalanced parenthesis');
    return { kind: 'group', body, lookaround };
  }

  /** After a backslash; in a class, `\b` is a backspace and references do not exist. */
  private escape(inClass: boolean): Node {
    const c = this.src[this.i++];
    if (c === undefined) throw new Unsupported('trailing backslash');
    const one = (cp: number): Node => ({ kind: 'char', set: [[cp, cp]] });
    switch (c) {
      case 'd':
        return { kind: 'char', set: DIGIT };
      case 'D':
        return { kind: 'char', set: complement(DIGIT) };
      case 'w':
        return { kind: 'char', set: WORD };
      case 'W':
        return { kind: 'char', set: complement(WORD) };
      case 's':
        return { kind: 'char', set: SPACE };
      case 'S':
        return { kind: 'char', set: complement(SPACE) };
      case 'b':
        return inClass ? one(8) : { kind: 'assert' };
      case 'B':
        return { kind: 'assert' };
      case 'n':
        return one(10);
      case 'r':
        return one(13);
      case 't':
        return one(9);
      case 'f':
        return one(12);
      case 'v':
        return one(11);
      case 'p':
      case 'P': {
        // A Unicode property: any character, as far as this analysis can tell.
        const end = this.src.indexOf('}', this.i);
        if (this.peek() === '{' && end > 0) this.i = end + 1;
        return { kind: 'char', set: ANY };
      }
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (!hex) return one(120);
        this.i += 2;
        return one(parseInt(hex[0], 16));
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.i));
        const plain = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i));
        if (braced) {
          this.i += braced[0].length;
          return one(parseInt(braced[1]!, 16));
        }
        if (plain) {
          this.i += 4;
          return one(parseInt(plain[0], 16));
        }
        return one(117);
      }
      case 'c': {
        const letter = this.peek();
        if (letter && /[A-Za-z]/.test(letter)) {
          this.i++;
          return one(letter.toUpperCase().charCodeAt(0) - 64);
        }
        return one(99);
      }
      case 'k':
        if (!inClass) return { kind: 'backref' };
        return one(107);
      case '0':
        return one(0);
      default:
        if (/[1-9]/.test(c)) {
          if (inClass) return one(c.charCodeAt(0));
          while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) this.i++;
          return { kind: 'backref' };
        }
        return one(c.codePointAt(0)!);
    }
  }

  private charClass(): CharSet {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.i++;
    }
    const set: CharSet = [];
    while (this.i < this.src.length && this.peek() !== ']') {
      const lo = this.classAtom();
      if (
        this.peek() === '-' &&
        this.src[this.i + 1] !== ']' &&
        this.src[this.i + 1] !== undefined &&
        lo.length === 1 &&
        lo[0]![0] === lo[0]![1]
      ) {
        this.i++;
        const hi = this.classAtom();
        if (hi.length === 1 && hi[0]![0] === hi[0]![1]) set.push([lo[0]![0], hi[0]![0]]);
        else set.push(...lo, ...hi, [45, 45]);
      } else set.push(...lo);
    }
    if (this.src[this.i++] !== ']') throw new Unsupported('unterminated character class');
    return negate ? complement(set) : normalize(set);
  }

  private classAtom(): CharSet {
    const c = this.src[this.i++]!;
    if (c === '\\') {
      const node = this.escape(true);
      return node.kind === 'char' ? node.set : [];
    }
    const cp = c.codePointAt(0)!;
    if (cp > 0xffff) this.i++;
    return [[cp, cp]];
  }
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

/** The characters a match can start with. */
function firstSet(n: Node): CharSet {
  switch (n.kind) {
    case 'char':
      return n.set;
    case 'seq': {
      const sets: CharSet[] = [];
      for (const item of n.items) {
        sets.push(firstSet(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
    case 'alt':
      return union(...n.branches.map(firstSet));
    case 'group':
      return n.lookaround ? [] : firstSet(n.body);
    case 'repeat':
      return n.max === 0 ? [] : firstSet(n.body);
    case 'assert':
      return [];
    case 'backref':
      return ANY;
  }
}

/** The characters a match can end with. */
function lastSet(n: Node): CharSet {
  switch (n.kind) {
    case 'seq': {
      const sets: CharSet[] = [];
      for (let k = n.items.length - 1; k >= 0; k--) {
        const item = n.items[k]!;
        sets.push(lastSet(item));
        if (!nullable(item)) break;
      }
      return union(...sets);
    }
    case 'alt':
      return union(...n.branches.map(lastSet));
    case 'group':
      return n.lookaround ? [] : lastSet(n.body);
    case 'repeat':
      return n.max === 0 ? [] : lastSet(n.body);
    default:
      return firstSet(n);
  }
}

/** Every character it can consume anywhere (lookarounds consume none). */
function allChars(n: Node): CharSet {
  switch (n.kind) {
    case 'char':
      return n.set;
    case 'seq':
      return union(...n.items.map(allChars));
    case 'alt':
      return union(...n.branches.map(allChars));
    case 'group':
      return n.lookaround ? [] : allChars(n.body);
    case 'repeat':
      return n.max === 0 ? [] : allChars(n.body);
    case 'assert':
      return [];
    case 'backref':
      return ANY;
  }
}

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

/**
 * Why `pattern` could backtrack catastrophically, or null if it cannot (as far
 * as the rules above tell). `pattern` is a valid `u` regular expression.
 */
export function patternHazard(pattern: string): string | null {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch (e) {
    return e instanceof Unsupported ? `the pattern could not be analysed (${e.message})` : 'the pattern could not be analysed';
  }
  return findHazard(tree);
}
