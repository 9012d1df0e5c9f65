import { Link } from "react-router";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { OpenEventsCard } from "@/features/catastrophes/components/open-events-card";
import { AgingBuckets } from "@/features/dashboard/components/aging-buckets";
import { AlertsPanelContent } from "@/features/dashboard/components/alerts-panel";
import { AssessmentsSummary, AssessorLoad } from "@/features/dashboard/components/assessments-overview";
import { DashboardFilters } from "@/features/dashboard/components/dashboard-filters";
import { DashboardHeading } from "@/features/dashboard/components/dashboard-heading";
import { KpiTiles, KpiTilesSkeleton } from "@/features/dashboard/components/kpi-tiles";
import { ClaimRows } from "@/features/dashboard/components/my-queue";
import { Panel, QueryContent } from "@/features/dashboard/components/panel";
import { StatusPriorityMatrix } from "@/features/dashboard/components/status-priority-matrix";
import { TrendPanel } from "@/features/dashboard/components/trend-panel";
import { useDashboardFilters } from "@/features/dashboard/hooks/use-dashboard-filters";
import { useDashboardQueries } from "@/features/dashboard/hooks/use-dashboard-queries";
import { useLiveDashboard } from "@/features/dashboard/hooks/use-live-dashboard";
import { claimsListLink } from "@/features/dashboard/links";
import { rangeErrorOf } from "@/features/dashboard/range-error";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { useUser } from "@/lib/auth";

/** Of the 20 claims changed last that the API lists. */
const RECENT_SHOWN = 6;
const LINK = "text-sm font-medium text-primary underline-offset-4 hover:underline";

/** `/`: the staff dashboard. Figures from /api/dashboard/*, kept live by events; range and department in the URL. */
export function Component() {
  useDocumentTitle("Dashboard");
  const user = useUser();
  const isAdmin = user.role === "admin";
  const isAssessor = user.role === "assessor";
  const [filters, changeFilters] = useDashboardFilters(isAdmin);
  const { kpi, claims, trend, assessments, alertSummary, alertList } = useDashboardQueries(filters);
  useLiveDashboard();

  // Agents and supervisors count their department; an admin the one picked (or all); an assessor their claims.
  const scopeDepartment = isAdmin ? filters.department : isAssessor ? null : user.department || null;
  const claimsLink = (query: Record<string, string>) => claimsListLink(query, scopeDepartment);

  return (
    <div className="mx-auto flex w-full max-w-[96rem] flex-col gap-6">
      <div className="flex flex-col gap-4 xl:flex-row xl:items-end xl:justify-between">
        <DashboardHeading
          role={user.role}
          department={scopeDepartment}
          range={filters.range}
          asOf={kpi.data?.as_of}
          updating={kpi.isPlaceholderData || kpi.isFetching}
        />
        <DashboardFilters
          filters={filters}
          onChange={changeFilters}
          canPickDepartment={isAdmin}
          serverError={rangeErrorOf(kpi.error)}
        />
      </div>

      {filters.problem && (
        <Alert>
          <AlertDescription>{filters.problem}</AlertDescription>
        </Alert>
      )}

      <OpenEventsCard />

      <QueryContent query={kpi} skeleton={<KpiTilesSkeleton />}>
        {(data) => <KpiTiles kpi={data} claimsLink={claimsLink} />}
      </QueryContent>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-4">
          <Panel title="My queue" description="Open claims assigned to you, earliest SLA first.">
            <QueryContent query={claims}>
              {(data) => (
                <ClaimRows
                  claims={data.my_queue}
                  label="Your open claims, earliest SLA first"
                  empty="Nothing open is assigned to you. New assignments appear here as they happen."
                />
              )}
            </QueryContent>
          </Panel>
          <Panel title="Changed last" description="The claims in scope with the latest changes.">
            <QueryContent query={claims}>
              {(data) => (
                <ClaimRows
                  claims={data.recently_changed.slice(0, RECENT_SHOWN)}
                  label="Claims changed last, newest first"
                  empty="No claim in scope yet."
                />
              )}
            </QueryContent>
          </Panel>
        </div>
        <Panel
          title="Open alerts"
          description="By severity; acknowledge what you have looked at."
          action={
            <Link to="/alerts" className={LINK}>
              All alerts
            </Link>
          }
        >
          <AlertsPanelContent summary={alertSummary} list={alertList} />
        </Panel>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Panel
          className="lg:col-span-2"
          title="Claims by status and priority"
          description="Every claim in scope today. Open a number to see those claims."
          action={
            <Link to={claimsLink({})} className={LINK}>
              All claims
            </Link>
          }
        >
          <QueryContent query={claims}>
            {(data) => <StatusPriorityMatrix matrix={data.status_priority_matrix} claimsLink={claimsLink} />}
          </QueryContent>
        </Panel>
        <Panel title="Ageing of open claims" description="Days since they were filed.">
          <QueryContent query={claims}>{(data) => <AgingBuckets aging={data.aging} />}</QueryContent>
        </Panel>
      </div>

      <Panel title="Filed and settled per day" description="Over the range.">
        <QueryContent query={trend}>{(data) => <TrendPanel trend={data} />}</QueryContent>
      </Panel>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Panel title="Assessments" description="In scope, by status; those in progress by completion.">
          <QueryContent query={assessments}>{(data) => <AssessmentsSummary overview={data} kpi={kpi.data} />}</QueryContent>
        </Panel>
        {!isAssessor && (
          <Panel title="Assessor load" description="Scheduled and in-progress assessments per assessor.">
            <QueryContent query={assessments}>{(data) => <AssessorLoad overview={data} />}</QueryContent>
          </Panel>
        )}
      </div>
    </div>
  );
}
