import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import {
  categoriesQuery,
  companiesQuery,
  productsQuery,
  type ProductFilters,
} from "@/features/catalogue/api/catalogue";
import { ProductCard } from "@/features/catalogue/components/product-card";
import { Stars } from "@/features/catalogue/components/stars";
import { useCategoryName } from "@/features/catalogue/hooks/use-category-name";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { cn } from "@/lib/cn";
import { useT } from "@/lib/i18n";

/**
 * The catalogue (`/products`): the ten categories, the companies, and their products with
 * price and rating; open to visitors who are not signed in. Filters live in the URL
 * (`?category=motor&company=<id>&q=`), so a filtered list can be shared.
 */
export function Component() {
  const { t, tn } = useT();
  useDocumentTitle(t("products.title"));
  const categoryName = useCategoryName();
  const [params, setParams] = useSearchParams();
  const filters: ProductFilters = {
    ...(params.get("category") ? { category: params.get("category") ?? "" } : {}),
    ...(params.get("company") ? { company: params.get("company") ?? "" } : {}),
    ...(params.get("q") ? { search: params.get("q") ?? "" } : {}),
  };
  const [pages, setPages] = useState(1);
  const [search, setSearch] = useState(filters.search ?? "");
  const categories = useQuery(categoriesQuery());
  const companies = useQuery(companiesQuery());
  const products = useQuery(productsQuery(filters, pages));

  function setFilter(name: "category" | "company" | "q", value: string) {
    setPages(1);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const companyCount = companies.data?.count ?? 0;
  const shown = products.data?.products.length ?? 0;
  const total = products.data?.count ?? 0;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("products.title")}</h1>
        {companies.data && <p className="text-muted-foreground">{t("products.intro", { count: companyCount })}</p>}
      </div>

      <nav aria-label={t("products.category")} className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
        <ul className="flex gap-2 pb-1">
          <li>
            <CategoryChip active={!filters.category} onSelect={() => setFilter("category", "")}>
              {t("products.allCategories")}
            </CategoryChip>
          </li>
          {(categories.data ?? []).map((category) => (
            <li key={category.slug}>
              <CategoryChip
                active={filters.category === category.slug}
                onSelect={() => setFilter("category", category.slug)}
              >
                {categoryName(category.slug)}
              </CategoryChip>
            </li>
          ))}
        </ul>
      </nav>

      <div className="grid gap-3 sm:grid-cols-2">
        <form
          role="search"
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter("q", search.trim());
          }}
        >
          <Label htmlFor="product-search">{t("products.search")}</Label>
          <div className="flex gap-2">
            <Input
              id="product-search"
              type="search"
              value={search}
              placeholder={t("products.searchPlaceholder")}
              onChange={(event) => setSearch(event.target.value)}
            />
            <Button type="submit" variant="outline" size="icon" aria-label={t("products.search")}>
              <Search aria-hidden="true" />
            </Button>
          </div>
        </form>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="product-company">{t("products.company")}</Label>
          <NativeSelect
            id="product-company"
            value={filters.company ?? ""}
            onChange={(event) => setFilter("company", event.target.value)}
          >
            <option value="">{t("products.allCompanies")}</option>
            {(companies.data?.results ?? []).map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>

      {products.isError && (
        <Alert variant="destructive">
          <AlertDescription className="flex flex-wrap items-center gap-2">
            {t("common.error")}
            <Button size="sm" variant="outline" onClick={() => void products.refetch()}>
              {t("common.retry")}
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {products.isPending && (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" role="status" aria-label={t("common.loading")}>
          {[0, 1, 2].map((index) => (
            <Skeleton key={index} className="h-48" />
          ))}
        </div>
      )}
      {products.data && products.data.products.length === 0 && (
        <p className="rounded-xl border p-6 text-center text-muted-foreground">{t("products.empty")}</p>
      )}
      {products.data && products.data.products.length > 0 && (
        <section aria-label={t("products.title")} className="flex flex-col gap-3">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {products.data.products.map((product) => (
              <li key={product.id}>
                <ProductCard product={product} />
              </li>
            ))}
          </ul>
          <p className="text-center text-sm text-muted-foreground" aria-live="polite">
            {t("products.shown", { shown, total })}
          </p>
          {shown < total && (
            <Button
              variant="outline"
              className="self-center"
              disabled={products.isFetching}
              onClick={() => setPages((count) => count + 1)}
            >
              {t("products.loadMore")}
            </Button>
          )}
        </section>
      )}

      {companies.data && companies.data.results.length > 0 && (
        <section aria-labelledby="companies-heading" className="flex flex-col gap-3">
          <h2 id="companies-heading" className="text-lg font-semibold">
            {t("products.companies")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3">
            {companies.data.results.map((company) => (
              <li key={company.id} className="flex flex-col gap-1 rounded-xl border bg-card p-4">
                <Link
                  to={`/products?company=${company.id}`}
                  className="font-semibold underline-offset-4 hover:underline"
                  onClick={() => setPages(1)}
                  data-content
                >
                  {company.name}
                </Link>
                <span className="text-sm text-muted-foreground">{tn("products.companyProducts", company.product_count)}</span>
                <Stars rating={company.average_rating} count={company.review_count} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function CategoryChip({
  active,
  onSelect,
  children,
}: {
  active: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={onSelect}
      className={cn(
        "h-9 rounded-full border px-4 text-sm whitespace-nowrap transition-colors",
        active ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-accent",
      )}
    >
      {children}
    </button>
  );
}
