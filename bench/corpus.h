// Benchmark text: NTREX news in the languages Parallax serves (from ../shared/data), falling
// back to the bundled sample corpus when that folder is absent.
#pragma once

#include <fstream>
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

inline std::vector<Doc> LoadNewsDocs(const std::string& shared_data, const std::string& source_dir) {
  std::vector<Doc> docs;
  const std::pair<const char*, const char*> kFiles[] = {
      {"en", "eng-US"}, {"sr", "srp-Latn"}, {"sr", "srp-Cyrl"}, {"sq", "sqi"}, {"hr", "hrv"},
      {"bs", "bos"},    {"mk", "mkd"},      {"zh", "zho-CN"},   {"ru", "rus"}, {"de", "deu"}};
  for (const auto& [lang, code] : kFiles) {
    std::ifstream in(shared_data + "/ntrex-128-news-parallel/newstest2019-ref." + code + ".txt");
    if (!in) continue;
    // Ten lines make one article-sized document.
    std::string line, doc;
    int n = 0;
    while (std::getline(in, line)) {
      doc += line + "\n";
      if (++n % 10 == 0) {
        docs.push_back({lang, doc});
        doc.clear();
      }
    }
    if (!doc.empty()) docs.push_back({lang, doc});
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
