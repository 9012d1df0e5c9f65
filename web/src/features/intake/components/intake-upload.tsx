import { useQueryClient } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useId, useState } from "react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isApiError } from "@/lib/api";
import { useEvent } from "@/lib/events";

import { intakeKeys, uploadIncidents, type DryRun, type DryRunRow, type ImportStarted } from "../api/intake";
import { percentDone, readProgress, type IntakeProgress } from "../progress";

const SHOWN_ROWS = 200;

function statusBadge(status: DryRunRow["status"]) {
  if (status === "valid") return <Badge variant="secondary">Valid</Badge>;
  if (status === "replayed") return <Badge variant="outline">Already imported</Badge>;
  return <Badge variant="destructive">Refused</Badge>;
}

function DryRunResults({ result }: { result: DryRun }) {
  const shown = result.rows.slice(0, SHOWN_ROWS);
  return (
    <div className="grid gap-2">
      <p className="text-sm" data-testid="dry-run-summary">
        {result.total} rows: {result.valid} valid, {result.refused} refused, {result.replayed} already imported
        ({result.file_format.toUpperCase()}).
      </p>
      {/* Phones: one item per line of the file, its reasons below it. */}
      <ul className="grid gap-2 md:hidden" aria-label="Dry-run results">
        {shown.map((row) => (
          <li key={row.number} className="grid gap-1 rounded-lg border p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Line {row.number}</span>
              {statusBadge(row.status)}
              <span className="text-muted-foreground">{row.external_reference || row.claim_number}</span>
            </div>
            {row.errors.length > 0 && <p>{row.errors.map((error) => error.message).join(" ")}</p>}
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table scrollLabel="Dry-run results">
          <TableHeader>
            <TableRow>
              <TableHead>Line</TableHead>
              <TableHead>Result</TableHead>
              <TableHead>Reference</TableHead>
              <TableHead>Why</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.number}>
                <TableCell>{row.number}</TableCell>
                <TableCell>{statusBadge(row.status)}</TableCell>
                <TableCell>{row.external_reference || row.claim_number}</TableCell>
                <TableCell className="min-w-56 whitespace-normal">{row.errors.map((error) => error.message).join(" ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {result.rows.length > SHOWN_ROWS ? (
        <p className="text-xs text-muted-foreground">The first {SHOWN_ROWS} rows are shown.</p>
      ) : null}
    </div>
  );
}

/** Upload a file of incidents: check it (dry run), then import it and follow the job live. */
export function IntakeUpload() {
  const inputId = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"check" | "import" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [started, setStarted] = useState<ImportStarted | null>(null);
  const [progress, setProgress] = useState<IntakeProgress | null>(null);

  useEvent({ type: ["intake.progress", "intake.finished"] }, (event) => {
    const value = readProgress(event.data);
    if (!value || value.import_id !== started?.id) return;
    setProgress(value);
    if (event.type === "intake.finished") void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
  });

  async function send(asDryRun: boolean) {
    if (!file) return;
    setBusy(asDryRun ? "check" : "import");
    setError(null);
    try {
      if (asDryRun) {
        setDryRun(await uploadIncidents<DryRun>(file, true, () => {}).done);
      } else {
        const answer = await uploadIncidents<ImportStarted>(file, false, () => {}).done;
        setStarted(answer);
        setProgress({
          import_id: answer.id,
          status: answer.status,
          total: answer.total_rows,
          processed: answer.processed_rows,
          created: answer.created_count,
          refused: answer.refused_count,
          replayed: answer.replayed_count,
        });
        void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      }
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : "The file could not be sent.");
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Import a file of incidents</CardTitle>
        <CardDescription>
          CSV or XLSX with the columns policy_number, registration, incident_date, description (and optionally
          incident_address, latitude, longitude, estimated_amount, external_reference, injury, third_party_involved,
          police_report_number). Check it first: nothing is written until you import.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-2">
          <Label htmlFor={inputId}>Incidents file</Label>
          <Input
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setDryRun(null);
              setStarted(null);
              setProgress(null);
              setError(null);
            }}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" disabled={!file || busy !== null} onClick={() => void send(true)}>
            {busy === "check" && <Loader2 className="animate-spin" aria-hidden="true" />}
            Check file
          </Button>
          <Button
            type="button"
            disabled={!file || busy !== null || dryRun === null}
            onClick={() => void send(false)}
          >
            {busy === "import" && <Loader2 className="animate-spin" aria-hidden="true" />}
            Import
          </Button>
          {busy === null && dryRun !== null && dryRun.valid === 0 && !started && (
            <span className="self-center text-sm text-muted-foreground">
              No line is valid: an import would create no claim, only its report.
            </span>
          )}
          {busy !== null && (
            <span className="self-center text-sm text-muted-foreground" role="status">
              {busy === "check" ? "Checking the file…" : "Sending the file…"}
            </span>
          )}
        </div>
        {error ? (
          <Alert variant="destructive">
            <AlertTitle>The file was refused</AlertTitle>
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        {progress && started ? (
          <div className="grid gap-2" data-testid="import-progress">
            <p className="text-sm">
              {started.replayed ? "This file was imported before. " : ""}
              {progress.status === "finished" ? "Finished" : "Importing"}: {progress.processed} of {progress.total} rows,{" "}
              {progress.created} claims created, {progress.refused} refused, {progress.replayed} already imported.
            </p>
            <Progress value={percentDone(progress)} aria-label="Import progress" />
          </div>
        ) : null}
        {dryRun && !started ? <DryRunResults result={dryRun} /> : null}
      </CardContent>
    </Card>
  );
}
