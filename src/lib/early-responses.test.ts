import { afterEach, expect, test } from 'vitest';
import { dropEarlyResponses, takeEarlyResponse } from './early-responses';

const answer = (at: number) => ({ at, response: Promise.resolve(new Response('{}')) });

afterEach(() => {
  globalThis.__hsEarlyResponses = undefined;
});

test('an early answer is taken once, by exactly its URL', () => {
  globalThis.__hsEarlyResponses = new Map([['/api/v1/auth/whoami', answer(0)]]);
  expect(takeEarlyResponse('/api/v1/auth/whoami?x=1', 1)).toBeUndefined();
  expect(takeEarlyResponse('/api/v1/auth/whoami', 1)).toBeDefined();
  expect(takeEarlyResponse('/api/v1/auth/whoami', 2)).toBeUndefined();
});

test('an answer older than ten seconds is not taken: a read that late wants fresh data', () => {
  globalThis.__hsEarlyResponses = new Map([['/api/v1/organizations', answer(0)]]);
  expect(takeEarlyResponse('/api/v1/organizations', 10_000)).toBeUndefined();
  expect(globalThis.__hsEarlyResponses.size).toBe(0);
});

test('an answer that came after the app read its URL itself is not taken by a later read (a refresh after a write)', () => {
  expect(takeEarlyResponse('/api/v1/organizations/o1/workspaces?limit=100', 1)).toBeUndefined();
  globalThis.__hsEarlyResponses = new Map([['/api/v1/organizations/o1/workspaces?limit=100', answer(2)]]);
  expect(takeEarlyResponse('/api/v1/organizations/o1/workspaces?limit=100', 3)).toBeUndefined();
  expect(globalThis.__hsEarlyResponses.size).toBe(0);
});

test('dropped answers are not taken; without any (no session, no early script) nothing is', () => {
  expect(takeEarlyResponse('/api/v1/auth/whoami', 0)).toBeUndefined();
  globalThis.__hsEarlyResponses = new Map([['/api/v1/auth/whoami', answer(0)]]);
  dropEarlyResponses();
  expect(takeEarlyResponse('/api/v1/auth/whoami', 1)).toBeUndefined();
});
