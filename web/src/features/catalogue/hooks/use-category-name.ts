import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";

import { hasMessage, useT } from "@/lib/i18n";

import { categoriesQuery } from "../api/catalogue";

/**
 * A category's name (and description) in the reader's language: the catalogue names the ten
 * categories by slug; one added later shows the API's name until it is translated.
 */
export function useCategoryName() {
  const { t } = useT();
  const categories = useQuery(categoriesQuery()).data;
  return useCallback(
    (slug: string, part: "name" | "description" = "name") => {
      const key = part === "name" ? `category.${slug}` : `category.${slug}.description`;
      if (hasMessage(key)) return t(key);
      const category = categories?.find((item) => item.slug === slug);
      return (part === "name" ? category?.name : category?.description) ?? slug;
    },
    [t, categories],
  );
}
