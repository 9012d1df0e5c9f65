import { Slot } from "radix-ui";
import type * as React from "react";

import { cn } from "@/lib/cn";

import { buttonVariants, type ButtonVariantProps } from "./button-variants";

export function Button({
  className,
  variant,
  size,
  asChild = false,
  type,
  ...props
}: React.ComponentProps<"button"> & ButtonVariantProps & { asChild?: boolean }) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      data-slot="button"
      // A plain <button> inside a form submits it; say so explicitly where that is wanted.
      type={asChild ? undefined : (type ?? "button")}
      className={cn(buttonVariants({ variant, size, className }))}
      {...props}
    />
  );
}
