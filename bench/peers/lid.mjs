// Language identification by franc and eld (npm) on lid-testset, for bench/compare.sh.
// Writes one line per sentence (id, franc's label, eld's label) to OUT, with both peers' codes
// written as the test set's labels, and prints the seconds each spent detecting as JSON.
// Usage: node lid.mjs LID_TSV OUT
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { franc } from "franc";
import { eld } from "eld/large";

const [tsv, out] = process.argv.slice(2);
const rows = readFileSync(tsv, "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t"));

// franc answers ISO 639-3, eld ISO 639-1; the test set's labels are ISO 639-1 with a script
// where one language has two. Neither peer tells scripts apart, so the label's script is not
// scored for anyone (compare.py scores the language part).
const franc3 = {
  eng: "en", rus: "ru", srp: "sr", hrv: "hr", bos: "bs", sqi: "sq", als: "sq", aln: "sq", mkd: "mk",
  cmn: "zh", yue: "yue", bul: "bg", slv: "sl", ukr: "uk", bel: "be", ces: "cs", slk: "sk", pol: "pl",
  jpn: "ja", kor: "ko", tur: "tr", ell: "el", ron: "ro", hun: "hu", deu: "de", fra: "fr", ita: "it", spa: "es",
};

// Each peer runs over the whole set in its own pass, as bench/lid_compare.cc does.
const texts = rows.map((r) => r[3]);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
function pass(detect) {
  const out = new Array(texts.length);
  const t0 = performance.now();
  for (let i = 0; i < texts.length; i++) out[i] = detect(texts[i]);
  return [out, (performance.now() - t0) / 1000];
}
const [francOut, francSeconds] = pass((t) => franc(t, { minLength: 1 }));
const [eldOut, eldSeconds] = pass((t) => eld.detect(t).language);
const lines = rows.map(([id], i) => `${id}\t${franc3[francOut[i]] ?? francOut[i]}\t${eldOut[i] || "und"}`);
writeFileSync(out, lines.join("\n") + "\n");
console.log(JSON.stringify({ franc_seconds: francSeconds, eld_seconds: eldSeconds, bytes }));
