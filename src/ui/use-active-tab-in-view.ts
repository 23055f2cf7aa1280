import { useEffect, useRef } from 'react';

/** Scrolls a bar sideways (never the page) so that its child marked `aria-current="page"` is in view. */
function revealCurrent(bar: HTMLElement) {
  const current = bar.querySelector<HTMLElement>('[aria-current="page"]');
  if (!current || bar.scrollWidth <= bar.clientWidth) return;
  const left = current.offsetLeft - bar.offsetLeft;
  if (left < bar.scrollLeft || left + current.offsetWidth > bar.scrollLeft + bar.clientWidth) {
    bar.scrollLeft = Math.max(0, left - (bar.clientWidth - current.offsetWidth) / 2);
  }
}

/**
 * For a tab bar that scrolls sideways on a narrow screen: the active tab is
 * scrolled into view when the bar appears and whenever the active tab changes.
 * Give the returned ref to the bar.
 */
export function useActiveTabInView<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar) return;
    revealCurrent(bar);
    const observer = new MutationObserver(() => revealCurrent(bar));
    observer.observe(bar, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });
    return () => observer.disconnect();
  }, []);
  return ref;
}
