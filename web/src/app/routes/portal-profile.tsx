import { useQuery, useQueryClient } from "@tanstack/react-query";

import { LanguageChoice } from "@/components/language-choice";
import { Skeleton } from "@/components/ui/skeleton";
import { EmailStatus, PhoneVerification } from "@/features/auth/components/verify-panels";
import { PasswordRulesList } from "@/features/auth/components/password-rules-list";
import { meQuery } from "@/features/portal-account/api/account";
import { ConsentsPanel } from "@/features/portal-account/components/consents-panel";
import { DetailsForm } from "@/features/portal-account/components/details-form";
import { EmailChangeForm } from "@/features/portal-account/components/email-change-form";
import { ErasurePanel } from "@/features/portal-account/components/erasure-panel";
import { ExportPanel } from "@/features/portal-account/components/export-panel";
import { ErrorMessage } from "@/features/portal-account/components/form-message";
import { PasswordChangeForm } from "@/features/portal-account/components/password-change-form";
import { Section } from "@/features/portal-account/components/section";
import { useDocumentTitle } from "@/hooks/use-document-title";
import { session } from "@/lib/auth";
import { useT } from "@/lib/i18n";

/**
 * `/profile`: the customer's details with their verification (the sign-up's e-mail and phone
 * panels), language, password, e-mail address, consents, and their data (export, erasure).
 */
export function Component() {
  const { t } = useT();
  useDocumentTitle(t("account.profile.title"));
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());

  async function afterPasswordChange() {
    // Every session ended with the change: sign in again, with a word on the sign-in page.
    await session.signOut({ beforeSignedOut: () => window.history.replaceState(null, "", "/login?changed=password") });
    queryClient.clear();
  }

  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">{t("account.profile.title")}</h1>
        <p className="text-sm text-muted-foreground">{t("account.profile.intro")}</p>
      </div>
      {me.isError && <ErrorMessage error={me.error} />}
      <Section id="details" title={t("account.details.title")}>
        {me.data ? <DetailsForm me={me.data} /> : <Skeleton className="h-32 w-full" />}
        {me.data?.phone && (
          <div className="flex flex-col gap-3 border-t pt-3">
            <h3 className="font-medium">{t("verify.phone.title")}</h3>
            <PhoneVerification />
          </div>
        )}
      </Section>
      <Section id="email" title={t("verify.email.title")}>
        <EmailStatus />
        {me.data && (
          <div className="border-t pt-3">
            <EmailChangeForm current={me.data.email} />
          </div>
        )}
      </Section>
      <Section id="language" title={t("language.label")} intro={t("account.language.intro")}>
        <LanguageChoice className="items-start" />
      </Section>
      <Section id="password" title={t("account.password.title")}>
        <PasswordChangeForm
          rules={(password, id) => (
            <PasswordRulesList id={id} password={password} email={me.data?.email ?? ""} name={me.data?.name ?? ""} />
          )}
          onChanged={() => void afterPasswordChange()}
        />
      </Section>
      <Section id="consents" title={t("account.consent.title")} intro={t("account.consent.intro")}>
        <ConsentsPanel />
      </Section>
      <Section id="export" title={t("account.export.title")} intro={t("account.export.intro")}>
        <ExportPanel />
      </Section>
      <Section id="erasure" title={t("account.erasure.title")} intro={t("account.erasure.intro")}>
        <ErasurePanel />
      </Section>
    </div>
  );
}
