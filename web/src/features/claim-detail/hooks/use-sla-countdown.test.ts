import { formatDuration, formatSla, tickInterval } from "./use-sla-countdown";

const now = new Date("2026-11-29T12:00:00Z");

describe("formatSla", () => {
  it("counts down in the two largest units", () => {
    expect(formatSla("2026-12-01T16:00:00Z", now)).toEqual({
      text: "2d 4h left",
      label: "2 days 4 hours left before the SLA is breached",
      state: "ok",
    });
    expect(formatSla("2026-11-29T18:07:00Z", now).text).toBe("6h 07m left");
    expect(formatSla("2026-11-29T12:12:05Z", now).text).toBe("12m 05s left");
    expect(formatSla("2026-11-29T12:00:09Z", now).text).toBe("9s left");
  });

  it("turns amber in the last four hours", () => {
    expect(formatSla("2026-11-29T16:00:01Z", now).state).toBe("ok");
    expect(formatSla("2026-11-29T16:00:00Z", now).state).toBe("soon");
    expect(formatSla("2026-11-29T12:00:01Z", now).state).toBe("soon");
  });

  it("says how long ago it breached, from the due instant on", () => {
    expect(formatSla("2026-11-29T12:00:00Z", now)).toEqual({
      text: "Breached 0s ago",
      label: "SLA breached 0 seconds ago",
      state: "breached",
    });
    expect(formatSla("2026-11-29T09:00:00Z", now)).toMatchObject({ text: "Breached 3h 00m ago", state: "breached" });
    expect(formatSla("2026-11-27T11:00:00Z", now).label).toBe("SLA breached 2 days 1 hour ago");
  });

  it("shows no countdown for a claim whose SLA does not run, or without a due time", () => {
    expect(formatSla("2026-11-29T09:00:00Z", now, false).state).toBe("none");
    expect(formatSla(null, now).text).toBe("No SLA running");
    expect(formatSla("not a date", now).state).toBe("none");
  });

  it("ticks as time passes", () => {
    const due = "2026-11-29T12:01:00Z";
    expect(formatSla(due, now).text).toBe("1m 00s left");
    expect(formatSla(due, new Date("2026-11-29T12:00:01Z")).text).toBe("59s left");
    expect(formatSla(due, new Date("2026-11-29T12:01:01Z")).text).toBe("Breached 1s ago");
  });
});

describe("formatDuration", () => {
  it("names singular units and never goes negative", () => {
    expect(formatDuration(3600 + 60).long).toBe("1 hour 1 minute");
    expect(formatDuration(-5).short).toBe("0s");
  });
});

describe("tickInterval", () => {
  it("ticks every second in the hour around the due time, else every 30 seconds", () => {
    expect(tickInterval("2026-11-29T12:30:00Z", now)).toBe(1000);
    expect(tickInterval("2026-11-29T11:30:00Z", now)).toBe(1000);
    expect(tickInterval("2026-11-29T15:00:00Z", now)).toBe(30_000);
    expect(tickInterval(null, now)).toBe(60_000);
  });
});
