import { eventArea } from "./events";

describe("eventArea", () => {
  it("reads a circle and a polygon event, and nothing else", () => {
    expect(
      eventArea({ id: "1", code: "CAT-2026-1", name: "Kisumu floods", centre_latitude: "-0.1", centre_longitude: "34.7", radius_km: "25.00", polygon: null }),
    ).toEqual({ id: "1", code: "CAT-2026-1", name: "Kisumu floods", area: { kind: "circle", centre: [34.7, -0.1], radiusKm: 25 } });
    const ring = [
      [36, -2],
      [37, -2],
      [37, -1],
      [36, -2],
    ];
    expect(eventArea({ id: "2", code: "C", name: "Hail", polygon: ring })?.area).toEqual({ kind: "polygon", ring });
    expect(eventArea({ id: "3", polygon: [[1, 2]] })).toBeNull();
    expect(eventArea({ id: "4", centre_latitude: null })).toBeNull();
    expect(eventArea("nonsense")).toBeNull();
  });
});
