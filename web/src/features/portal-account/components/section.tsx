import type { ReactNode } from "react";

/** One part of an account page: a heading, a line saying what it is for, and its content. */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="flex scroll-mt-20 flex-col gap-3 rounded-lg border p-4">
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {intro && <div className="text-sm text-muted-foreground">{intro}</div>}
      </div>
      {children}
    </section>
  );
}
