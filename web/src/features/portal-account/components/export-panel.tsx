import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, LoaderCircle } from "lucide-react";

import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n";

import { accountKeys, downloadExport, privacyRequestsQuery, requestExport } from "../api/account";
import { useAccountLive } from "../hooks/use-account-live";
import { EXPORT_MESSAGES, exportState, latestRequest } from "../privacy-status";

import { ErrorMessage } from "./form-message";

/**
 * "Export my data": one zip (data.json and the customer's files) built in the background; the
 * page learns it is ready from the event stream and offers the download while the link lasts.
 */
export function ExportPanel() {
  const { t, dateTime } = useT();
  const queryClient = useQueryClient();
  useAccountLive();
  const requests = useQuery(privacyRequestsQuery());
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.privacyRequests });
  const ask = useMutation({ mutationFn: requestExport, onSettled: refresh });
  const download = useMutation({ mutationFn: downloadExport, onError: refresh });

  const latest = latestRequest(requests.data ?? [], "export");
  const state = exportState(latest);

  return (
    <div className="flex flex-col gap-3">
      {requests.isError && <ErrorMessage error={requests.error} />}
      {requests.data && (
        <p role="status" data-export-state={state} className="text-sm">
          {t(EXPORT_MESSAGES[state], {
            date: latest ? dateTime(latest.created_at) : "",
            until: latest?.expires_at ? dateTime(latest.expires_at) : "",
          })}
        </p>
      )}
      {ask.isError && <ErrorMessage error={ask.error} />}
      {download.isError && <ErrorMessage error={download.error} />}
      <div className="flex flex-wrap gap-2">
        {state === "ready" && latest && (
          <Button disabled={download.isPending} onClick={() => download.mutate(latest)}>
            {download.isPending ? <LoaderCircle className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
            {t("account.export.download")}
          </Button>
        )}
        <Button
          variant={state === "ready" ? "outline" : "default"}
          disabled={ask.isPending || state === "processing" || !requests.data}
          onClick={() => ask.mutate()}
        >
          {ask.isPending && <LoaderCircle className="animate-spin" aria-hidden="true" />}
          {t(state === "none" ? "account.export.request" : "account.export.requestNew")}
        </Button>
      </div>
    </div>
  );
}
