import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";

import { parseCoverage, parsePricing } from "../coverage";

export type Company = components["schemas"]["CompanyOutput"];
export type Category = components["schemas"]["CategoryOutput"];
export type Review = components["schemas"]["ReviewOutput"];
type ProductOutput = components["schemas"]["PolicyTypeOutput"];
type ProductDetailOutput = components["schemas"]["PolicyTypeDetailOutput"];

/** A product with its coverage and pricing rules read into types (the API sends them as JSON). */
export type Product = Omit<ProductOutput, "coverage_details" | "pricing_rules"> & {
  coverage: ReturnType<typeof parseCoverage>;
  pricing: ReturnType<typeof parsePricing>;
};

/** One product as the signed-in caller sees it: whether they reviewed it and may review it (server's word). */
export type ProductDetail = Product & Pick<ProductDetailOutput, "already_reviewed" | "can_review">;

function toProduct<T extends ProductOutput>(output: T): Omit<T, "coverage_details" | "pricing_rules"> & Product {
  return { ...output, coverage: parseCoverage(output.coverage_details), pricing: parsePricing(output.pricing_rules) };
}

export interface ProductFilters {
  category?: string;
  company?: string;
  search?: string;
}

export const PRODUCTS_PAGE = 24;

export const catalogueKeys = {
  all: ["catalogue"] as const,
  categories: () => [...catalogueKeys.all, "categories"] as const,
  companies: () => [...catalogueKeys.all, "companies"] as const,
  company: (id: string) => [...catalogueKeys.all, "company", id] as const,
  products: (filters: ProductFilters, pages: number) => [...catalogueKeys.all, "products", filters, pages] as const,
  product: (id: string, viewer: string) => [...catalogueKeys.all, "product", id, viewer] as const,
  reviews: (id: string, pages: number) => [...catalogueKeys.all, "reviews", id, pages] as const,
};

// The catalogue changes rarely: five minutes before asking again.
const CATALOGUE_STALE = 5 * 60_000;

export function categoriesQuery() {
  return queryOptions({
    queryKey: catalogueKeys.categories(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/policy-categories/", { signal })),
    staleTime: CATALOGUE_STALE,
  });
}

export function companiesQuery() {
  return queryOptions({
    queryKey: catalogueKeys.companies(),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/companies/", { params: { query: { page_size: 200, ordering: "name" } }, signal })),
    staleTime: CATALOGUE_STALE,
  });
}

export function companyQuery(id: string) {
  return queryOptions({
    queryKey: catalogueKeys.company(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/companies/{company_id}/", { params: { path: { company_id: id } }, signal })),
    staleTime: CATALOGUE_STALE,
  });
}

/** The first `pages` pages of products for the filters ("show more" asks for one more page). */
export function productsQuery(filters: ProductFilters, pages: number) {
  return queryOptions({
    queryKey: catalogueKeys.products(filters, pages),
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        api.GET("/api/policy-types/", {
          params: {
            query: {
              ...(filters.category ? { category: filters.category } : {}),
              ...(filters.company ? { company: filters.company } : {}),
              ...(filters.search ? { search: filters.search } : {}),
              ordering: "name",
              page_size: PRODUCTS_PAGE * pages,
            },
          },
          signal,
        }),
      );
      return { count: page.count, products: page.results.map(toProduct) };
    },
    placeholderData: keepPreviousData,
    staleTime: CATALOGUE_STALE,
  });
}

/** `viewer`: the signed-in user's id ("" for a visitor): the review flags are theirs. */
export function productQuery(id: string, viewer: string) {
  return queryOptions({
    queryKey: catalogueKeys.product(id, viewer),
    queryFn: async ({ signal }): Promise<ProductDetail> =>
      toProduct(await unwrap(api.GET("/api/policy-types/{type_id}/", { params: { path: { type_id: id } }, signal }))),
    retry: false,
    staleTime: CATALOGUE_STALE,
  });
}

export const REVIEWS_PAGE = 10;

export function reviewsQuery(id: string, pages: number) {
  return queryOptions({
    queryKey: catalogueKeys.reviews(id, pages),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/policy-types/{type_id}/reviews/", {
          params: { path: { type_id: id }, query: { page_size: REVIEWS_PAGE * pages } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function postReview(id: string, body: { rating: number; text: string }) {
  return unwrap(api.POST("/api/policy-types/{type_id}/reviews/", { params: { path: { type_id: id } }, body }));
}
