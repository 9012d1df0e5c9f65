// The TypeScript types of every API request and answer, generated from the Django API's
// OpenAPI schema, so the web app and the API cannot drift apart.
//
//   npm run gen:api-types     regenerate src/lib/api/schema.d.ts (commit the result)
//   npm run check:api-types   fail when the committed file is not what the schema gives now
//
// The schema is dumped by `manage.py spectacular` with the project's virtualenv Python
// (PYTHON overrides it), then openapi-typescript turns it into types.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import openapiTS, { astToString } from "openapi-typescript";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(web, "..");
const target = join(web, "src/lib/api/schema.d.ts");
const check = process.argv.includes("--check");

const python = process.env.INSUREHUB_PYTHON ?? join(repo, ".venv/bin/python");
if (!existsSync(python)) {
  console.error(`No Python at ${python}: run \`make install\` first (or set INSUREHUB_PYTHON).`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), "insurehub-schema-"));
try {
  const schemaFile = join(work, "schema.json");
  execFileSync(
    python,
    ["manage.py", "spectacular", "--format", "openapi-json", "--file", schemaFile],
    { cwd: repo, env: { ...process.env, DJANGO_ENV: "test" }, stdio: ["ignore", "inherit", "inherit"] },
  );
  const ast = await openapiTS(pathToFileURL(schemaFile), { alphabetize: false });
  const header =
    "// Generated from the API's OpenAPI schema by `npm run gen:api-types` (web/scripts/api-types.mjs).\n" +
    "// Do not edit: change the API, then regenerate. `npm run check:api-types` fails when this is stale.\n\n";
  const generated = header + astToString(ast);

  if (check) {
    const current = existsSync(target) ? readFileSync(target, "utf8") : "";
    if (current !== generated) {
      const stale = join(work, "schema.d.ts");
      writeFileSync(stale, generated);
      let diff = "";
      try {
        execFileSync("diff", ["-u", target, stale], { encoding: "utf8" });
      } catch (error) {
        diff = String(/** @type {{ stdout?: string }} */ (error).stdout ?? "");
      }
      console.error(diff.split("\n").slice(0, 80).join("\n"));
      console.error(
        "\nweb/src/lib/api/schema.d.ts is not current with the API's schema: run `npm run gen:api-types` in web/ and commit it.",
      );
      process.exit(1);
    }
    console.log("API types are current with the schema.");
  } else {
    writeFileSync(target, generated);
    console.log(`Wrote ${target}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
