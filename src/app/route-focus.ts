import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/** How long a page that is still suspending may take to show its heading before focus is left where it is. */
const WAIT_FOR_HEADING_MS = 5_000;

function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('#main h1') ?? document.querySelector<HTMLElement>('h1');
}

/** Whether the page (or the user) has already put focus somewhere of its own since the navigation began. */
function focusMovedSince(before: Element | null): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && active !== before && active.isConnected;
}

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  // Scroll restoration has placed the page; focus must not move it.
  heading.focus({ preventScroll: true });
}

/**
 * After a navigation to another page (not the first load, not a change of
 * search params such as a list's filters), focus moves to the new page's
 * `h1`, so keyboard and screen-reader users start at the top of what changed
 * instead of on `<body>`. A page that placed focus itself (an autofocused
 * field) keeps it. Pages need nothing but an `h1`.
 */
export function useFocusOnNavigation(): void {
  const router = useRouter();
  useEffect(() => {
    let before: Element | null = null;
    let stopWaiting = () => {};
    const offBefore = router.subscribe('onBeforeNavigate', () => {
      before = document.activeElement;
    });
    const offRendered = router.subscribe('onRendered', (event) => {
      stopWaiting();
      if (!event.fromLocation || !event.pathChanged) return;
      const from = before;
      if (focusMovedSince(from)) return;
      const heading = pageHeading();
      if (heading) return focusHeading(heading);
      // The page is still suspending: focus its heading when it arrives, unless focus moves first.
      const observer = new MutationObserver(() => {
        if (focusMovedSince(from)) return stopWaiting();
        const arrived = pageHeading();
        if (arrived) {
          stopWaiting();
          focusHeading(arrived);
        }
      });
      const timer = setTimeout(() => stopWaiting(), WAIT_FOR_HEADING_MS);
      observer.observe(document.body, { childList: true, subtree: true });
      stopWaiting = () => {
        observer.disconnect();
        clearTimeout(timer);
        stopWaiting = () => {};
      };
    });
    return () => {
      offBefore();
      offRendered();
      stopWaiting();
    };
  }, [router]);
}
