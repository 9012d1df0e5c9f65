// world-atlas ships its TopoJSON as plain .json files (bundled by Vite); base-map.ts gives them their type.
declare module "world-atlas/countries-110m.json" {
  const topology: unknown;
  export default topology;
}
