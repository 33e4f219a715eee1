// Language identification by Parallax and by CLD2 alone on lid-testset, for bench/compare.sh.
// Writes one line per sentence (id, ours, CLD2) to OUT and prints the seconds each spent
// identifying, as JSON.
// Usage: lid_compare LID_TSV OUT
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "text/langid.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: lid_compare LID_TSV OUT\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  std::ifstream in(argv[1]);
  std::ofstream out(argv[2]);
  // Lazily built tables are built before timing starts.
  parallax::text::IdentifyLanguage("Predsjednik je rekao da će vlada nastaviti. 中国常驻联合国代表表示。");
  double ours_seconds = 0, cld2_seconds = 0;
  long bytes = 0;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    size_t t1 = line.find('\t'), t3 = line.find('\t', line.find('\t', t1 + 1) + 1);
    if (t3 == std::string::npos) continue;
    std::string id = line.substr(0, t1), text = line.substr(t3 + 1);
    bytes += static_cast<long>(text.size());
    auto t0 = Clock::now();
    std::string ours = parallax::text::IdentifyLanguage(text).best.tag;
    auto t1c = Clock::now();
    std::string cld2 = parallax::text::Cld2Baseline(text);
    auto t2c = Clock::now();
    ours_seconds += std::chrono::duration<double>(t1c - t0).count();
    cld2_seconds += std::chrono::duration<double>(t2c - t1c).count();
    out << id << '\t' << ours << '\t' << cld2 << '\n';
  }
  fmt::print("{{\"ours_seconds\": {}, \"cld2_seconds\": {}, \"bytes\": {}}}\n", ours_seconds, cld2_seconds, bytes);
  return 0;
}
