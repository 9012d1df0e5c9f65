import { useEffect } from "react";

/** Sets the tab's title ("Claims · InsureHub") while the page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const previous = document.title;
    document.title = title ? `${title} · InsureHub` : "InsureHub";
    return () => {
      document.title = previous;
    };
  }, [title]);
}
