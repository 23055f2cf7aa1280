/** Every kind of JSON syntax error, with where a parser places it: the console's JSON field and the mock's checks test against the same list. */
export const JSON_SYNTAX_ERRORS: readonly [text: string, where: string][] = [
  ['{\n  "a": oops\n}', 'line 2, column 8'],
  ['{"a"', 'line 1, column 5'],
  ['{"a": 1,}', 'line 1, column 9'],
  ['{"a": "b\n"}', 'line 1, column 9'],
  ['{"a": 1}\n x', 'line 2, column 2'],
  ['{"a": [1, 2}', 'line 1, column 12'],
  ['{"a": "\\q"}', 'line 1, column 9'],
  ['{"a" 1}', 'line 1, column 6'],
  ['{"a": -}', 'line 1, column 8'],
  ['['.repeat(60_000), 'line 1, column 60001'],
];
