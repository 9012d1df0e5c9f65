import { useEffect, useState, type RefObject } from "react";

/**
 * The width an element is drawn at, in CSS pixels, kept current by a ResizeObserver; `initial`
 * until the first measure (and where there is no ResizeObserver, as in jsdom). An SVG drawn in its
 * own units reads it to keep markers and labels a readable size on a phone.
 */
export function useElementWidth(ref: RefObject<Element | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
