import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { forgetCapabilities } from '@/lib/capabilities';
import { clearSession } from '@/lib/session';
import { platform, server } from './mock-platform';

// jsdom lays nothing out; CodeMirror and the instance picker ask anyway.
const rect = { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) };
Range.prototype.getBoundingClientRect = () => rect as DOMRect;
Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Element.prototype.scrollIntoView = () => {};
// …and the Go to palette (cmdk) watches its list's size.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// findBy… and waitFor wait up to 10 s, not 1: on a busy shared two-core machine a lazily loaded page, or figures
// read after it, can take several seconds to show. A ceiling, not a wait: they return as soon as it is there.
configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => platform.reset('demo'));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  clearSession();
  // What a test taught the console about the platform's extensions is not the next test's platform.
  forgetCapabilities();
});
afterAll(() => server.close());
