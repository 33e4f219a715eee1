// Benchmark text: NTREX news in the languages Parallax serves (from ../shared/data), falling
// back to the bundled sample corpus when that folder is absent.
#pragma once

#include <algorithm>
#include <fstream>
#include <random>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace parallax::bench {

struct Doc {
  std::string lang;
  std::string text;
};

// Each NTREX file gives its lines in `copies` different shuffles, chunked ten lines to a
// document, so copies share single lines but are not near-duplicates of each other.
inline std::vector<Doc> LoadNewsDocs(const std::string& shared_data, const std::string& source_dir, int copies = 1) {
  std::vector<Doc> docs;
  const std::pair<const char*, const char*> kFiles[] = {
      {"en", "eng-US"}, {"sr", "srp-Latn"}, {"sr", "srp-Cyrl"}, {"sq", "sqi"}, {"hr", "hrv"},
      {"bs", "bos"},    {"mk", "mkd"},      {"zh", "zho-CN"},   {"ru", "rus"}, {"de", "deu"}};
  for (const auto& [lang, code] : kFiles) {
    std::ifstream in(shared_data + "/ntrex-128-news-parallel/newstest2019-ref." + code + ".txt");
    if (!in) continue;
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (int copy = 0; copy < copies; ++copy) {
      std::vector<std::string> order = lines;
      if (copy > 0) std::shuffle(order.begin(), order.end(), std::mt19937(static_cast<unsigned>(copy)));
      std::string doc;
      for (size_t i = 0; i < order.size(); ++i) {
        doc += order[i] + "\n";
        if ((i + 1) % 10 == 0 || i + 1 == order.size()) {
          docs.push_back({lang, doc});
          doc.clear();
        }
      }
    }
  }
  if (docs.empty()) {
    for (const char* f : {"glasnik.jsonl", "vecernje.jsonl", "zeri.jsonl", "dongfang.jsonl", "prishtinapost.jsonl"}) {
      std::ifstream in(source_dir + "/examples/sample-corpus/" + f);
      std::stringstream ss;
      ss << in.rdbuf();
      docs.push_back({"sr", ss.str()});
    }
  }
  return docs;
}

}  // namespace parallax::bench
