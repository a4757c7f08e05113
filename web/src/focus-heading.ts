// Where focus goes when the page changes without a page load: to the new page's heading, so a
// screen reader announces where the officer now is and Tab continues from the page, not from the
// navigation link that was followed. Pages arrive lazily, so the heading may not exist yet.
import { useEffect, useRef } from 'react';

/** Focuses the h1 inside `#${containerId}` whenever `page` changes (not on the first render). */
export function useFocusHeadingOnNavigation(page: string, containerId: string): void {
  // The page focus was last moved for: the first render (and StrictMode's second run) moves nothing.
  const shown = useRef(page);
  useEffect(() => {
    if (shown.current === page) return;
    shown.current = page;
    const container = document.getElementById(containerId);
    if (!container) return;
    const focusHeading = (): boolean => {
      const heading = container.querySelector('h1');
      if (!heading) return false;
      focusElement(heading);
      return true;
    };
    if (focusHeading()) return;
    const watcher = new MutationObserver(() => {
      if (focusHeading()) watcher.disconnect();
    });
    watcher.observe(container, { childList: true, subtree: true });
    return () => watcher.disconnect();
  }, [page, containerId]);
}

/** Focus on an element that is not a control (a heading, the main area), made focusable by script only. */
export function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}
