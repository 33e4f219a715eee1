// compromise (npm) on English news, for bench/compare.sh: its quotations and people, the
// nearest it has to Parallax's quotations and speakers. Reads JSONL records ({"text": ...}) and
// prints the seconds spent analysing (parse + quotations + people), the bytes read, and the
// counts, as JSON.
// Usage: node analyze.mjs FILE.jsonl
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import nlp from "compromise";

const texts = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
let seconds = 0;
let bytes = 0;
let quotations = 0;
let people = 0;
for (const text of texts) {
  bytes += Buffer.byteLength(text);
  const t0 = performance.now();
  const doc = nlp(text);
  const q = doc.quotations().out("array");
  const p = doc.people().out("array");
  seconds += (performance.now() - t0) / 1000;
  quotations += q.length;
  people += p.length;
}
console.log(JSON.stringify({ seconds, bytes, articles: texts.length, quotations, people }));
