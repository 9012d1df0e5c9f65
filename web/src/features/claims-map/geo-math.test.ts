import {
  bboxContains,
  bboxOfPoints,
  bboxParam,
  clusterRadius,
  lassoRing,
  MAX_POLYGON_VERTICES,
  normalizeBBox,
  panBBox,
  parseBBox,
  parsePolygon,
  pointInPolygon,
  polygonParam,
  selfIntersects,
  zoomBBox,
  type LonLat,
} from "./geo-math";

const square: LonLat[] = [
  [36, -2],
  [37, -2],
  [37, -1],
  [36, -1],
];

describe("boxes", () => {
  it("normalizes a view into a box the API accepts", () => {
    expect(normalizeBBox([37, -1, 36, -2])).toEqual([36, -2, 37, -1]);
    expect(normalizeBBox([-250, -100, 250, 100])).toEqual([-180, -90, 180, 90]);
    expect(normalizeBBox([36.1234567, -1.0000001, 37, -1])).toEqual([36.123457, -1, 37, -1]);
  });

  it("writes and reads ?bbox= in GeoJSON's order", () => {
    expect(bboxParam([36.8, -1.4, 37, -1.2])).toBe("36.8,-1.4,37,-1.2");
    expect(parseBBox("36.8,-1.4,37,-1.2")).toEqual([36.8, -1.4, 37, -1.2]);
    expect(parseBBox("37,-1.4,36.8,-1.2")).toBeNull(); // across the antimeridian, or inverted
    expect(parseBBox("36.8,-1.4,37")).toBeNull();
    expect(parseBBox("0,-91,1,0")).toBeNull();
    expect(parseBBox("a,b,c,d")).toBeNull();
    expect(parseBBox(null)).toBeNull();
  });

  it("holds points, zooms and pans", () => {
    expect(bboxOfPoints(square)).toEqual([36, -2, 37, -1]);
    expect(bboxOfPoints([])).toBeNull();
    expect(bboxContains([36, -2, 37, -1], [36.5, -1.5])).toBe(true);
    expect(bboxContains([36, -2, 37, -1], [38, -1.5])).toBe(false);
    expect(zoomBBox([0, 0, 4, 4], 2)).toEqual([1, 1, 3, 3]);
    expect(zoomBBox([0, 0, 4, 4], 2, [0, 0])).toEqual([0, 0, 2, 2]);
    expect(panBBox([0, 0, 4, 4], 0.5, -0.25)).toEqual([2, -1, 6, 3]);
  });
});

describe("polygons", () => {
  it("finds points inside with the API's rule", () => {
    expect(pointInPolygon([36.5, -1.5], square)).toBe(true);
    expect(pointInPolygon([37.5, -1.5], square)).toBe(false);
    expect(pointInPolygon([36.5, -2.5], square)).toBe(false);
    const triangle: LonLat[] = [
      [36.7, -1.35],
      [36.95, -1.35],
      [36.7, -1.1],
    ];
    expect(pointInPolygon([36.75, -1.3], triangle)).toBe(true);
    expect(pointInPolygon([36.93, -1.12], triangle)).toBe(false); // inside the box, outside the triangle
  });

  it("knows a ring drawn over itself", () => {
    expect(selfIntersects(square)).toBe(false);
    const bowtie: LonLat[] = [
      [36, -2],
      [37, -1],
      [37, -2],
      [36, -1],
    ];
    expect(selfIntersects(bowtie)).toBe(true);
  });

  it("writes and reads ?polygon=", () => {
    expect(polygonParam(square)).toBe("36,-2,37,-2,37,-1,36,-1");
    expect(parsePolygon("36,-2,37,-2,37,-1,36,-1,36,-2")).toEqual(square); // a closed ring loses its repeat
    expect(parsePolygon("36,-2,37,-2")).toBeNull();
    expect(parsePolygon("36,-2,37,-2,37")).toBeNull();
    expect(parsePolygon("36,-2,37,-2,37,-95")).toBeNull();
  });

  it("thins a drawn lasso to what the API takes and refuses a crossed one", () => {
    const circle: LonLat[] = Array.from({ length: 1000 }, (_, i) => [
      36.8 + 0.1 * Math.cos((2 * Math.PI * i) / 1000),
      -1.3 + 0.1 * Math.sin((2 * Math.PI * i) / 1000),
    ]);
    const ring = lassoRing(circle);
    expect(ring).not.toBeNull();
    expect(ring!.length).toBeLessThanOrEqual(MAX_POLYGON_VERTICES);
    expect(ring!.length).toBeGreaterThanOrEqual(3);
    expect(pointInPolygon([36.8, -1.3], ring!)).toBe(true);
    expect(
      lassoRing([
        [36, -2],
        [37, -1],
        [37, -2],
        [36, -1],
      ]),
    ).toBeNull();
    expect(
      lassoRing([
        [36, -2],
        [36, -2],
        [37, -1],
      ]),
    ).toBeNull();
  });
});

it("sizes clusters by the square root of their count", () => {
  expect(clusterRadius(1, 100)).toBe(10);
  expect(clusterRadius(100, 100)).toBe(34);
  expect(clusterRadius(25, 100)).toBeGreaterThan(clusterRadius(10, 100));
  expect(clusterRadius(5, 1)).toBe(10);
});
