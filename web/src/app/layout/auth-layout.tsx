import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";

import { LanguageChoice } from "@/components/language-choice";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useDocumentLanguage } from "@/hooks/use-document-language";
import { useT } from "@/lib/i18n";

/** The frame of the sign-in, sign-up, verification and reset pages: a card, the language choice. */
export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  useDocumentLanguage();
  const { t } = useT();
  return (
    <div className="flex min-h-svh flex-col bg-muted/40">
      <header className="flex h-14 items-center gap-2 px-4">
        <Link to="/products" className="flex items-center gap-2 text-lg font-semibold">
          <ShieldCheck className="size-6 text-primary" aria-hidden="true" />
          {t("app.name")}
        </Link>
        <LanguageChoice className="ml-auto" />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center p-4 sm:items-center">
        <div className="flex w-full max-w-md flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>
                <h1 className="text-xl">{title}</h1>
              </CardTitle>
              {description && <CardDescription>{description}</CardDescription>}
            </CardHeader>
            <CardContent className="flex flex-col gap-4">{children}</CardContent>
          </Card>
          {footer && <div className="text-center text-sm text-muted-foreground">{footer}</div>}
        </div>
      </main>
    </div>
  );
}
