import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type ComponentProps } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { isApiError } from "@/lib/api";
import { useT, type MessageKey } from "@/lib/i18n";

import { createVehicle, portalKeys, vinDecodeQuery, type Vehicle } from "../api/policies";
import { errorText } from "../error-text";
import { validateVehicle, vehicleBody, type NewVehicleInput, type VehicleErrors } from "../quote";
import { normaliseVin, possibleModelYears, vinProblem, vinProblemWhileTyping, type VinProblem } from "../vin";

const EMPTY: NewVehicleInput = {
  registration: "",
  vin: "",
  make: "",
  model: "",
  year: "",
  colour: "",
  estimatedValue: "",
};

const ERROR_KEYS: Record<string, MessageKey> = {
  registrationRequired: "quote.vehicle.error.registrationRequired",
  makeRequired: "quote.vehicle.error.makeRequired",
  modelRequired: "quote.vehicle.error.modelRequired",
  yearInvalid: "quote.vehicle.error.yearInvalid",
  valueInvalid: "quote.vehicle.error.valueInvalid",
};

/**
 * A new vehicle for the quote: the VIN checked as typed (length, characters, check digit); once it
 * is complete and valid, the server decodes it and the page shows the make and model year it names,
 * with a button to fill them in.
 */
export function VehicleForm({ onCreated, onCancel }: { onCreated: (vehicle: Vehicle) => void; onCancel: () => void }) {
  const { t } = useT();
  const id = useId();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<NewVehicleInput>(EMPTY);
  const [errors, setErrors] = useState<VehicleErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const thisYear = new Date().getFullYear();

  const vin = normaliseVin(input.vin);
  const typingProblem = vinProblemWhileTyping(vin);
  const years = possibleModelYears(vin, thisYear + 1);
  const complete = vin.length === 17 && vinProblem(vin) === null;
  const decoded = useQuery({ ...vinDecodeQuery(vin), enabled: complete }).data;
  const decodedYears = decoded && decoded.modelYears.length > 0 ? decoded.modelYears : years;

  const save = useMutation({
    mutationFn: () => createVehicle(vehicleBody(input)),
    onSuccess: async (vehicle) => {
      await queryClient.invalidateQueries({ queryKey: portalKeys.vehicles });
      onCreated(vehicle);
    },
  });
  const serverError = save.error;
  const fieldFromServer = (field: string) => (isApiError(serverError) ? serverError.fieldError(field) : undefined);

  function vinText(problem: VinProblem | null): string | null {
    if (problem === null) return null;
    if (problem.code === "vin_length") return t("quote.vehicle.vin.length", { n: problem.length });
    if (problem.code === "vin_characters") return t("quote.vehicle.vin.characters");
    return t("quote.vehicle.vin.checkDigit", { found: problem.found, expected: problem.expected });
  }

  function set<K extends keyof NewVehicleInput>(key: K, value: string) {
    const next = { ...input, [key]: value };
    setInput(next);
    if (submitted) setErrors(validateVehicle(next, thisYear));
  }

  function submit() {
    setSubmitted(true);
    const found = validateVehicle(input, thisYear);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const vinMessage = vinText(typingProblem ?? (submitted && errors.vin ? vinProblem(vin) : null));
  const field = (key: keyof NewVehicleInput, label: string, props: ComponentProps<"input"> = {}) => {
    const code = errors[key];
    const known = code ? ERROR_KEYS[code] : undefined;
    const message = (known ? t(known) : undefined) ?? fieldFromServer(apiField[key]);
    return (
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-${key}`}>{label}</Label>
        <Input
          id={`${id}-${key}`}
          value={input[key]}
          onChange={(event) => set(key, event.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-${key}-error` : undefined}
          {...props}
        />
        {message && (
          <p id={`${id}-${key}-error`} className="text-sm text-destructive">
            {message}
          </p>
        )}
      </div>
    );
  };

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border p-3">
      <legend className="px-1 font-medium">{t("quote.vehicle.newTitle")}</legend>
      {field("registration", t("quote.vehicle.registration"), { autoCapitalize: "characters", autoComplete: "off" })}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-vin`}>{t("quote.vehicle.vin")}</Label>
        <Input
          id={`${id}-vin`}
          value={input.vin}
          onChange={(event) => set("vin", event.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          aria-invalid={vinMessage || fieldFromServer("vin") ? true : undefined}
          aria-describedby={`${id}-vin-help`}
        />
        <p id={`${id}-vin-help`} className="text-sm" aria-live="polite">
          {vinMessage ? (
            <span className="text-destructive">{vinMessage}</span>
          ) : fieldFromServer("vin") ? (
            <span className="text-destructive">{fieldFromServer("vin")}</span>
          ) : complete && decoded?.manufacturer ? (
            <span className="text-success" data-testid="vin-ok">
              {t(decodedYears.length > 0 ? "quote.vehicle.vin.decoded" : "quote.vehicle.vin.decodedNoYear", {
                make: decoded.manufacturer,
                country: decoded.country ?? "",
                years: decodedYears.join(" / "),
              })}
            </span>
          ) : vin.length === 17 ? (
            <span className="text-success" data-testid="vin-ok">
              {years.length > 0
                ? t("quote.vehicle.vin.okYears", { years: years.join(" / ") })
                : t("quote.vehicle.vin.ok")}
            </span>
          ) : (
            <span className="text-muted-foreground">{t("quote.vehicle.vin.help", { n: vin.length })}</span>
          )}
        </p>
        {complete && decoded?.manufacturer && !vinMessage && (
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="self-start"
            onClick={() => {
              const next = { ...input, make: decoded.manufacturer ?? input.make };
              if (decodedYears.length === 1) next.year = String(decodedYears[0]);
              setInput(next);
              if (submitted) setErrors(validateVehicle(next, thisYear));
            }}
          >
            {t("quote.vehicle.vin.useDecoded")}
          </Button>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3">
        {field("make", t("quote.vehicle.make"))}
        {field("model", t("quote.vehicle.model"))}
        {field("year", t("quote.vehicle.year"), { inputMode: "numeric", placeholder: years[0] ? String(years[0]) : undefined })}
        {field("colour", `${t("quote.vehicle.colour")} (${t("common.optional")})`)}
      </div>
      {field("estimatedValue", t("quote.vehicle.value"), { inputMode: "decimal" })}
      {serverError && !fieldFromServer("vin") && !fieldFromServer("registration") && (
        <p role="alert" className="text-sm text-destructive">
          {errorText(t, serverError)}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="button" onClick={submit} disabled={save.isPending}>
          {t("quote.vehicle.save")}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("quote.vehicle.cancel")}
        </Button>
      </div>
    </fieldset>
  );
}

const apiField: Record<keyof NewVehicleInput, string> = {
  registration: "registration",
  vin: "vin",
  make: "make",
  model: "model",
  year: "year",
  colour: "colour",
  estimatedValue: "estimated_value",
};
