import { useQuery } from "@tanstack/react-query";
import { BadgeCheck, CloudSun, Mail, MapPin, Phone, ShieldAlert, UserPlus } from "lucide-react";
import { useState, type ReactNode } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { formatDate, formatDateTime, formatMoney, formatRelative } from "@/lib/format";

import {
  customerQuery,
  enrichmentQuery,
  policyQuery,
  vehicleChecksQuery,
  vehicleQuery,
  type ClaimDetail,
  type Enrichment,
  type VehicleCheck,
} from "../api/claim";

import { AssignDialog, type AssignRole } from "./assign-dialog";
import { humanize } from "./labels";

/** A compact two-column definition list for the side cards. */
export function Facts({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(6.5rem,auto)_1fr] gap-x-3 gap-y-1.5 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SideCard({
  title,
  action,
  children,
  className,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card className={cn("gap-3 py-4", className)}>
      <CardHeader className="flex flex-row items-center justify-between gap-2 px-4">
        <CardTitle>
          <h2 className="text-sm font-semibold">{title}</h2>
        </CardTitle>
        {action}
      </CardHeader>
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  );
}

function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="flex flex-col gap-2">
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-1/2" />
    </div>
  );
}

function Failed({ error }: { error: unknown }) {
  return (
    <p className="text-sm text-destructive">
      {isApiError(error) ? error.message : "Could not load this."}
    </p>
  );
}

function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}

/** The incident as the customer told it. */
export function IncidentCard({ claim }: { claim: ClaimDetail }) {
  return (
    <SideCard title="Incident">
      <div className="flex flex-col gap-3">
        <p className="text-sm whitespace-pre-line">{claim.description}</p>
        <Facts
          rows={[
            ["When", formatDateTime(claim.incident_date)],
            [
              "Where",
              claim.incident_address || claim.incident_latitude ? (
                <span className="inline-flex items-start gap-1">
                  <MapPin className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
                  <span>
                    {claim.incident_address}
                    {claim.incident_latitude && (
                      <span className="block text-xs text-muted-foreground">
                        {claim.incident_latitude}, {claim.incident_longitude}
                      </span>
                    )}
                  </span>
                </span>
              ) : (
                "Not given"
              )
            ],
            ["Injury", yesNo(claim.injury)],
            ["Total loss?", claim.total_loss_hint ? "The customer thinks so" : "No"],
            ["Third party", yesNo(claim.third_party_involved)],
            ["Police report", claim.police_report_number || "None"],
            ["Department", humanize(claim.department)],
            ["Filed", formatDateTime(claim.submitted_at ?? claim.created_at)],
            ["Last activity", formatRelative(claim.last_activity_at ?? claim.updated_at)],
          ]}
        />
      </div>
    </SideCard>
  );
}

function Verified({ verified }: { verified: boolean }) {
  return verified ? (
    <BadgeCheck className="size-3.5 text-emerald-700" aria-label="verified" role="img" />
  ) : (
    <span className="text-xs text-muted-foreground">(not verified)</span>
  );
}

/** The customer and how to reach them (every read of the contact is audited by the API). */
export function CustomerCard({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(customerQuery(claim.id));
  return (
    <SideCard title="Customer">
      {isPending ? (
        <Loading label="Loading the customer" />
      ) : error ? (
        <Failed error={error} />
      ) : (
        <div className="flex flex-col gap-1.5 text-sm">
          <p className="font-medium">{data.name || claim.customer_name}</p>
          <p className="flex items-center gap-1.5">
            <Mail className="size-3.5 text-muted-foreground" aria-hidden="true" />
            <a href={`mailto:${data.email}`} className="truncate text-primary hover:underline">
              {data.email}
            </a>
            <Verified verified={data.email_verified} />
          </p>
          <p className="flex items-center gap-1.5">
            <Phone className="size-3.5 text-muted-foreground" aria-hidden="true" />
            {data.phone ? (
              <>
                <a href={`tel:${data.phone}`} className="text-primary hover:underline">
                  {data.phone}
                </a>
                <Verified verified={data.phone_verified} />
              </>
            ) : (
              <span className="text-muted-foreground">No phone on file</span>
            )}
          </p>
          <p className="text-xs text-muted-foreground">
            {data.open_claims === 1 ? "This is their only open claim." : `${data.open_claims} open claims.`}
          </p>
        </div>
      )}
    </SideCard>
  );
}

export function PolicyCard({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(policyQuery(claim.id, claim.policy));
  return (
    <SideCard title="Policy">
      {isPending ? (
        <Loading label="Loading the policy" />
      ) : error ? (
        <Failed error={error} />
      ) : (
        <Facts
          rows={[
            ["Number", <span className="font-medium">{data.policy_number}</span>],
            ["Product", `${data.product} (${data.company})`],
            ["Period", `${formatDate(data.start_date)} – ${formatDate(data.end_date)}`],
            ["Status", humanize(data.status)],
            ["Sum insured", formatMoney(data.sum_insured, data.currency)],
          ]}
        />
      )}
    </SideCard>
  );
}

const CHECK_LABELS: Record<string, string> = { dvla: "Registry", hpi: "History", vin: "VIN" };

function checkTone(check: VehicleCheck): string {
  if (check.findings && Array.isArray(check.findings) && check.findings.length > 0) return "border-red-200 bg-red-50 text-red-900";
  if (check.status === "ok") return "border-emerald-200 bg-emerald-50 text-emerald-900";
  return "border-border bg-muted text-foreground";
}

function latestPerKind(checks: VehicleCheck[]): VehicleCheck[] {
  const seen = new Map<string, VehicleCheck>();
  for (const check of checks) if (!seen.has(check.kind)) seen.set(check.kind, check); // newest first
  return [...seen.values()];
}

export function VehicleCard({ claim }: { claim: ClaimDetail }) {
  const vehicleId = claim.vehicle;
  const vehicle = useQuery({ ...vehicleQuery(claim.id, vehicleId ?? ""), enabled: !!vehicleId });
  const checks = useQuery({ ...vehicleChecksQuery(claim.id, vehicleId ?? ""), enabled: !!vehicleId });
  if (!vehicleId) {
    return (
      <SideCard title="Vehicle">
        <p className="text-sm text-muted-foreground">No vehicle on this claim.</p>
      </SideCard>
    );
  }
  return (
    <SideCard title="Vehicle">
      {vehicle.isPending ? (
        <Loading label="Loading the vehicle" />
      ) : vehicle.error ? (
        <Failed error={vehicle.error} />
      ) : (
        <div className="flex flex-col gap-3">
          <Facts
            rows={[
              ["Registration", <span className="font-medium">{vehicle.data.registration}</span>],
              ["Vehicle", `${vehicle.data.year} ${vehicle.data.make} ${vehicle.data.model}${vehicle.data.colour ? `, ${vehicle.data.colour}` : ""}`],
              ["VIN", <span className="font-mono text-xs">{vehicle.data.vin}</span>],
              ["Value", formatMoney(vehicle.data.estimated_value, vehicle.data.currency)],
            ]}
          />
          <div className="flex flex-col gap-1.5">
            <h3 className="text-xs font-medium text-muted-foreground">Vehicle checks</h3>
            {checks.isPending ? (
              <Skeleton className="h-5 w-2/3" />
            ) : checks.error ? (
              <Failed error={checks.error} />
            ) : checks.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">None run yet.</p>
            ) : (
              <ul className="flex flex-col gap-1.5">
                {latestPerKind(checks.data).map((check) => {
                  const findings = Array.isArray(check.findings) ? (check.findings as unknown[]).map(String) : [];
                  return (
                    <li key={check.id} className="flex flex-wrap items-center gap-1.5 text-sm">
                      <Badge variant="outline" className={checkTone(check)}>
                        {CHECK_LABELS[check.kind] ?? humanize(check.kind)}: {humanize(check.status)}
                      </Badge>
                      {findings.map((finding) => (
                        <Badge key={finding} variant="outline" className="border-red-200 bg-red-50 text-red-900">
                          {humanize(finding)}
                        </Badge>
                      ))}
                      {!["ok", "pending", "not_configured"].includes(check.status) && (
                        <span className="text-xs text-muted-foreground">{sourceNote(check.status, check.error)}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      )}
    </SideCard>
  );
}

/** Who works on the claim, with the buttons to change it (agents, supervisors and admins). */
export function AssignmentCard({ claim, canAssign }: { claim: ClaimDetail; canAssign: boolean }) {
  const [role, setRole] = useState<AssignRole | null>(null);
  const row = (label: string, name: string | null, which: AssignRole) => (
    <div className="flex items-center justify-between gap-2">
      <div className="min-w-0 text-sm">
        <p className="text-muted-foreground">{label}</p>
        <p className={cn("truncate", name ? "font-medium" : "text-muted-foreground")}>{name ?? "Nobody yet"}</p>
      </div>
      {canAssign && (
        <Button size="sm" variant="outline" onClick={() => setRole(which)} aria-label={`Assign the ${which}`}>
          <UserPlus aria-hidden="true" />
          {name ? "Change" : "Assign"}
        </Button>
      )}
    </div>
  );
  return (
    <SideCard title="Assignment">
      <div className="flex flex-col gap-3">
        {row("Agent", claim.assigned_agent_name, "agent")}
        {row("Assessor", claim.assigned_assessor_name, "assessor")}
      </div>
      {canAssign && <AssignDialog claim={claim} role={role} onClose={() => setRole(null)} />}
    </SideCard>
  );
}

interface Part {
  status?: string;
  error?: string;
  provider?: string;
}

function partOf(parts: unknown, name: string): Part | undefined {
  if (typeof parts !== "object" || parts === null) return undefined;
  const part = (parts as Record<string, unknown>)[name];
  return typeof part === "object" && part !== null ? part : undefined;
}

/** Why an outside source has no answer, in words for an agent (the provider's own error is for ops). */
const PART_STATUS: Record<string, string> = {
  pending: "Not fetched yet",
  unavailable: "Source unreachable; tried again later",
  rate_limited: "Source busy; tried again later",
  not_configured: "Source not set up",
  not_found: "Not found",
  invalid: "The source could not use the address",
  failed: "The lookup failed",
};

function sourceNote(status: string | undefined, error: string | undefined): string {
  if (status === "ok") return "";
  if (status && PART_STATUS[status]) return PART_STATUS[status];
  return error || humanize(status ?? "pending");
}

function partNote(part: Part | undefined): string {
  if (!part) return PART_STATUS.pending!;
  return sourceNote(part.status, part.error);
}

function num(value: unknown, unit: string, digits = 1): string | null {
  return typeof value === "number" ? `${value.toFixed(digits)} ${unit}` : null;
}

/** What outside sources said (weather, distance from home, vehicle checks) and the risk flags: staff only. */
export function EnrichmentCard({ claim }: { claim: ClaimDetail }) {
  const { data, error, isPending } = useQuery(enrichmentQuery(claim.id));
  return (
    <SideCard
      title="Outside checks"
      action={
        data && (
          <Badge variant="outline" className="text-xs">
            {humanize(data.status)}
          </Badge>
        )
      }
    >
      {isPending ? (
        <Loading label="Loading the outside checks" />
      ) : error ? (
        <Failed error={error} />
      ) : data === null ? (
        <p className="text-sm text-muted-foreground">Not run for this claim yet.</p>
      ) : (
        <EnrichmentFacts enrichment={data} />
      )}
    </SideCard>
  );
}

function EnrichmentFacts({ enrichment }: { enrichment: Enrichment }) {
  const weather = (typeof enrichment.weather === "object" && enrichment.weather ? enrichment.weather : {}) as Record<string, unknown>;
  const place = (typeof enrichment.incident_location === "object" && enrichment.incident_location
    ? enrichment.incident_location
    : {}) as Record<string, unknown>;
  const flags = Array.isArray(enrichment.risk_flags) ? (enrichment.risk_flags as unknown[]).map(String) : [];
  const weatherText = [
    num(weather.temperature_c, "°C"),
    num(weather.precipitation_6h_mm, "mm rain in 6 h"),
    num(weather.max_gusts_6h_kmh, "km/h gusts", 0),
    weather.hail_6h === true ? "hail" : null,
  ]
    .filter(Boolean)
    .join(", ");
  const parts = enrichment.parts;
  return (
    <div className="flex flex-col gap-3">
      <Facts
        rows={[
          [
            "Place",
            typeof place.display_name === "string" && place.display_name
              ? place.display_name
              : partNote(partOf(parts, "incident_location")) || "Given by the customer",
          ],
          [
            "Weather",
            <span className="inline-flex items-start gap-1">
              <CloudSun className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
              {weatherText || partNote(partOf(parts, "weather")) || "No reading"}
            </span>,
          ],
          [
            "From home",
            enrichment.distance_from_home_km != null
              ? `${enrichment.distance_from_home_km} km`
              : partNote(partOf(parts, "home_location")) || "Unknown",
          ],
        ]}
      />
      <div className="flex flex-col gap-1.5">
        <h3 className="text-xs font-medium text-muted-foreground">Risk flags</h3>
        {flags.length === 0 ? (
          <p className="text-sm text-muted-foreground">None.</p>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {flags.map((flag) => (
              <li key={flag}>
                <Badge variant="outline" className="border-red-200 bg-red-50 text-red-900">
                  <ShieldAlert aria-hidden="true" />
                  {humanize(flag)}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
      {enrichment.fetched_at && (
        <p className="text-xs text-muted-foreground">Checked {formatRelative(enrichment.fetched_at)}.</p>
      )}
    </div>
  );
}
