/**
 * Everything the assessments pages read and write, on the typed client. Keys start with
 * `["assessments", "detail", id]` for one assessment, so an `assessment.updated` event
 * invalidates the whole workspace with one prefix; lists under `["assessments", "list"]`.
 */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";

import { api, unwrap, type components } from "@/lib/api";
import { uploadWithProgress, type Upload } from "@/lib/api/upload";

type Schemas = components["schemas"];
/**
 * The schema marks the fields customers do not get as optional (one component serves both);
 * these pages are staff-only, and staff always receive them.
 */
type Staff<T> = Required<T>;
const asStaff = <T,>(value: T) => value as Staff<T>;
export type Assessment = Staff<Schemas["Assessment"]>;
export type AssessmentStatus = Schemas["AssessmentStatusEnum"];
export type Blocker = Schemas["Blocker"];
export type Section = Staff<Schemas["Section"]>;
export type SectionKind = Schemas["AssessmentSectionKindEnum"];
export type SectionSchema = Schemas["SectionSchema"];
export type SectionUpdate = Schemas["PatchedSectionUpdateRequest"];
export type Photo = Staff<Schemas["StaffPhoto"]>;
export type PhotoUpdate = Schemas["PatchedPhotoUpdateRequest"];
export type Estimate = Schemas["Estimate"];
export type EstimateLine = Schemas["Line"];
export type EstimateInput = Schemas["EstimateCreateRequest"];
export type LineInput = Schemas["LineInputRequest"];
export type EstimateSource = Schemas["EstimateSourceEnum"];
export type EstimateStatus = Schemas["EstimateStatusEnum"];
export type LineKind = Schemas["EstimateLineKindEnum"];
export type Comparison = Schemas["Comparison"];
export type ComparisonFlag = Schemas["EstimateComparisonFlagEnum"];
export type ClaimFacts = Schemas["ClaimDetail"];

export interface AssessmentListQuery {
  status?: AssessmentStatus[];
  assessor?: string;
  ordering?: string;
  cursor?: string;
  page_size?: number;
}

export const assessmentKeys = {
  all: ["assessments"] as const,
  lists: () => ["assessments", "list"] as const,
  list: (query: AssessmentListQuery) => ["assessments", "list", query] as const,
  schemas: () => ["assessments", "section-schemas"] as const,
  detail: (id: string) => ["assessments", "detail", id] as const,
  part: (id: string, ...part: string[]) => ["assessments", "detail", id, ...part] as const,
};

export function assessmentListQuery(query: AssessmentListQuery) {
  return queryOptions({
    queryKey: assessmentKeys.list(query),
    queryFn: async ({ signal }) => {
      const page = await unwrap(api.GET("/api/assessments/", { params: { query }, signal }));
      return { ...page, results: page.results.map(asStaff) };
    },
    placeholderData: keepPreviousData,
  });
}

const hiddenNoRetry = (count: number, error: Error) => !("isHidden" in error && error.isHidden) && count < 2;

export function assessmentQuery(id: string) {
  return queryOptions({
    queryKey: assessmentKeys.detail(id),
    queryFn: async ({ signal }) =>
      asStaff(
        await unwrap(api.GET("/api/assessments/{assessment_id}/", { params: { path: { assessment_id: id } }, signal })),
      ),
    retry: hiddenNoRetry,
  });
}

/** The assessment's claim, for the workspace's header (vehicle, customer, currency). */
export function claimFactsQuery(assessmentId: string, claimId: string | undefined) {
  return queryOptions({
    queryKey: assessmentKeys.part(assessmentId, "claim", claimId ?? ""),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/claims/{claim_id}/", { params: { path: { claim_id: claimId! } }, signal })),
    enabled: !!claimId,
    staleTime: 60_000,
  });
}

/** The findings schemas never change while the app runs: fetched once. */
export function sectionSchemasQuery() {
  return queryOptions({
    queryKey: assessmentKeys.schemas(),
    queryFn: async ({ signal }) => {
      const list = await unwrap(api.GET("/api/assessments/section-schemas/", { signal }));
      return Object.fromEntries(list.map((item) => [item.kind, item.schema]));
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function sectionsQuery(id: string) {
  return queryOptions({
    queryKey: assessmentKeys.part(id, "sections"),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET("/api/assessments/{assessment_id}/sections/", { params: { path: { assessment_id: id } }, signal }),
        )
      ).map(asStaff),
  });
}

export function photosQuery(id: string) {
  return queryOptions({
    queryKey: assessmentKeys.part(id, "photos"),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET("/api/assessments/{assessment_id}/photos/", { params: { path: { assessment_id: id } }, signal }),
        )
      ).map(asStaff),
  });
}

export function estimatesQuery(id: string) {
  return queryOptions({
    queryKey: assessmentKeys.part(id, "estimates"),
    queryFn: async ({ signal }) => {
      const answer = await unwrap(
        api.GET("/api/assessments/{assessment_id}/estimates/", { params: { path: { assessment_id: id } }, signal }),
      );
      return Array.isArray(answer) ? answer : [];
    },
  });
}

/** The side-by-side comparison (`?compare=1`), against `baseline` (default: the server's choice). */
export function comparisonQuery(id: string, baseline: string | null, enabled: boolean) {
  return queryOptions({
    queryKey: assessmentKeys.part(id, "estimates", "compare", baseline ?? "default"),
    queryFn: async ({ signal }) => {
      const answer = await unwrap(
        api.GET("/api/assessments/{assessment_id}/estimates/", {
          params: { path: { assessment_id: id }, query: { compare: true, ...(baseline ? { baseline } : {}) } },
          signal,
        }),
      );
      if (Array.isArray(answer)) throw new Error("The server did not answer with a comparison.");
      return answer;
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

const path = (id: string) => ({ params: { path: { assessment_id: id } } });

export async function updateSection(id: string, kind: SectionKind, body: SectionUpdate): Promise<Section> {
  return asStaff(await unwrap(
    api.PATCH("/api/assessments/{assessment_id}/sections/{kind}/", {
      params: { path: { assessment_id: id, kind } },
      body,
    }),
  ));
}

export async function updateAssessment(id: string, body: Schemas["PatchedAssessmentUpdateRequest"]): Promise<Assessment> {
  return asStaff(await unwrap(api.PATCH("/api/assessments/{assessment_id}/", { ...path(id), body })));
}

export async function overrideTotalLoss(id: string, body: Schemas["TotalLossOverrideRequest"]): Promise<Assessment> {
  return asStaff(await unwrap(api.POST("/api/assessments/{assessment_id}/total-loss/", { ...path(id), body })));
}

export async function completeAssessment(id: string): Promise<Assessment> {
  return asStaff(await unwrap(api.POST("/api/assessments/{assessment_id}/complete/", path(id))));
}

export function createEstimate(id: string, body: EstimateInput) {
  return unwrap(api.POST("/api/assessments/{assessment_id}/estimates/", { ...path(id), body }));
}

export function updateEstimate(id: string, estimateId: string, body: Schemas["PatchedEstimateUpdateRequest"]) {
  return unwrap(
    api.PATCH("/api/assessments/{assessment_id}/estimates/{estimate_id}/", {
      params: { path: { assessment_id: id, estimate_id: estimateId } },
      body,
    }),
  );
}

export function deleteEstimate(id: string, estimateId: string) {
  return unwrap(
    api.DELETE("/api/assessments/{assessment_id}/estimates/{estimate_id}/", {
      params: { path: { assessment_id: id, estimate_id: estimateId } },
    }),
  );
}

export function acceptEstimate(id: string, estimateId: string) {
  return unwrap(
    api.POST("/api/assessments/{assessment_id}/estimates/{estimate_id}/accept/", {
      params: { path: { assessment_id: id, estimate_id: estimateId } },
    }),
  );
}

export function updatePhoto(id: string, photoId: string, body: PhotoUpdate) {
  return unwrap(
    api.PATCH("/api/assessments/{assessment_id}/photos/{photo_id}/", {
      params: { path: { assessment_id: id, photo_id: photoId } },
      body,
    }),
  );
}

export function deletePhoto(id: string, photoId: string) {
  return unwrap(
    api.DELETE("/api/assessments/{assessment_id}/photos/{photo_id}/", {
      params: { path: { assessment_id: id, photo_id: photoId } },
    }),
  );
}

/** One photo per request, so each file has its own progress and its own answer. */
export function uploadPhoto(
  id: string,
  file: File,
  options: { section?: SectionKind | null; caption?: string },
  onProgress: (percent: number) => void,
): Upload<Photo[]> {
  const form = new FormData();
  form.append("files", file, file.name);
  if (options.section) form.append("section", options.section);
  if (options.caption) form.append("caption", options.caption);
  return uploadWithProgress<Photo[]>(`/api/assessments/${encodeURIComponent(id)}/photos/`, form, onProgress);
}

/** The path of a photo's file (`thumbnail` or `full`), for fetching it as a blob with the token. */
export function photoFilePath(id: string, photoId: string, variant: "thumbnail" | "full"): string {
  return `/api/assessments/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}/${variant}/`;
}
