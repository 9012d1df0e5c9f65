import { describe, expect, it } from "vitest";

import { barsOf, parsePolygon } from "./geometry";

describe("parsePolygon", () => {
  it("takes a ring and closes it", () => {
    const { ring, error } = parsePolygon("[[34.7,-0.15],[34.85,-0.15],[34.85,-0.05]]");
    expect(error).toBeNull();
    expect(ring).toEqual([
      [34.7, -0.15],
      [34.85, -0.15],
      [34.85, -0.05],
      [34.7, -0.15],
    ]);
  });

  it("takes a GeoJSON Polygon geometry's outer ring", () => {
    const text = JSON.stringify({ type: "Polygon", coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] });
    expect(parsePolygon(text).ring).toHaveLength(4);
  });

  it("refuses what is not a polygon", () => {
    expect(parsePolygon("not json").error).toMatch(/GeoJSON/);
    expect(parsePolygon("[[1,1],[2,2]]").error).toMatch(/three corners/);
    expect(parsePolygon("[[1,1],[2,'x'],[3,3]]").error).toBeTruthy();
    expect(parsePolygon("[[1,95],[2,1],[3,3]]").error).toMatch(/latitudes/);
  });
});

describe("barsOf", () => {
  it("scales the tallest day to the full height", () => {
    const bars = barsOf(
      [
        { day: "2026-11-28", claims: 2 },
        { day: "2026-11-29", claims: 4 },
      ],
      100,
      50,
    );
    expect(bars.map((bar) => bar.height)).toEqual([25, 50]);
    expect(bars[1]?.y).toBe(0);
    expect(bars[1]?.x).toBeGreaterThan(bars[0]?.x ?? 0);
  });

  it("keeps a lone day's bar narrow and centred, not the chart's whole width", () => {
    const [bar] = barsOf([{ day: "2026-11-30", claims: 3 }], 600, 160);
    expect(bar?.width).toBe(48);
    expect((bar?.x ?? 0) + (bar?.width ?? 0) / 2).toBe(300);
  });

  it("draws nothing for no days and flat zero days", () => {
    expect(barsOf([], 100, 50)).toEqual([]);
    expect(barsOf([{ day: "2026-11-29", claims: 0 }], 100, 50)[0]?.height).toBe(0);
  });
});
