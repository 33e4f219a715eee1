// Language identification by Parallax and by CLD2 alone on lid-testset, for bench/compare.sh.
// Writes one line per sentence (id, ours, CLD2) to OUT and prints the seconds each spent
// identifying the whole set (median of three passes), as JSON.
// Usage: lid_compare LID_TSV OUT
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "text/langid.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: lid_compare LID_TSV OUT\n");
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  std::ifstream in(argv[1]);
  std::vector<std::pair<std::string, std::string>> items;  // id, text
  long bytes = 0;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    size_t t1 = line.find('\t'), t3 = line.find('\t', line.find('\t', t1 + 1) + 1);
    if (t3 == std::string::npos) continue;
    items.emplace_back(line.substr(0, t1), line.substr(t3 + 1));
    bytes += static_cast<long>(items.back().second.size());
  }
  // Lazily built tables are built before timing starts.
  parallax::text::LoadLanguageModels();
  // Each system runs over the whole set in its own pass, as a deployment runs one of them
  // (interleaved per sentence, each evicts the other's tables from the cache); median of 3.
  std::vector<std::string> ours(items.size()), cld2(items.size());
  auto pass = [&](auto identify, std::vector<std::string>& out) {
    std::vector<double> runs;
    for (int r = 0; r < 3; ++r) {
      auto t0 = Clock::now();
      for (size_t i = 0; i < items.size(); ++i) out[i] = identify(items[i].second);
      runs.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[1];
  };
  double ours_seconds = pass([](const std::string& t) { return parallax::text::IdentifyLanguage(t).best.tag; }, ours);
  double cld2_seconds = pass([](const std::string& t) { return parallax::text::Cld2Baseline(t); }, cld2);
  std::ofstream out(argv[2]);
  for (size_t i = 0; i < items.size(); ++i) out << items[i].first << '\t' << ours[i] << '\t' << cld2[i] << '\n';
  fmt::print("{{\"ours_seconds\": {}, \"cld2_seconds\": {}, \"bytes\": {}}}\n", ours_seconds, cld2_seconds, bytes);
  return 0;
}
