// Lints many texts with Harper in one Node process: usage
//   node lint.mjs <texts.json>     where texts.json is [{"id": "...", "text": "..."}, ...]
// Prints one JSON array of findings: {id, kind, message, start, end, problem}, with start and
// end counted in code points from the start of that text (as Python indexes a str).
import { readFileSync } from "node:fs";
import { LocalLinter } from "harper.js";
import { binaryInlined } from "harper.js/binaryInlined";

// Harper lints one long document three times faster than the same text in many calls: texts
// go in batches, apart by blank lines (a paragraph break, so no sentence runs across two).
const BATCH = 40;
const GAP = "\n\n\n";

const texts = JSON.parse(readFileSync(process.argv[2], "utf8"));
const linter = new LocalLinter({ binary: binaryInlined });
await linter.setup();
const findings = [];
for (let first = 0; first < texts.length; first += BATCH) {
  const batch = texts.slice(first, first + BATCH);
  const starts = [];
  let offset = 0;
  for (const { text } of batch) {
    starts.push(offset);
    offset += [...text].length + GAP.length;
  }
  for (const lint of await linter.lint(batch.map((t) => t.text).join(GAP))) {
    const span = lint.span();
    let which = starts.length - 1;
    while (which > 0 && starts[which] > span.start) which -= 1;
    findings.push({
      id: batch[which].id,
      kind: lint.lint_kind(),
      message: lint.message(),
      start: span.start - starts[which],
      end: span.end - starts[which],
      problem: lint.get_problem_text(),
    });
  }
}
process.stdout.write(JSON.stringify(findings));
