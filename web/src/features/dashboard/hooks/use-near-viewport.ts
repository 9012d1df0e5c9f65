import { useEffect, useRef, useState } from "react";

/**
 * True once the element is on screen or within `margin` of it (and from then on). Heavy parts
 * below the fold (the chart library) load only when the user gets near them; where the browser
 * cannot tell (no IntersectionObserver), at once.
 */
export function useNearViewport<T extends Element>(margin = "300px") {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return [ref, near] as const;
}
