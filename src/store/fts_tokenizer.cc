#include "store/fts_tokenizer.h"

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include <fmt/format.h>

#include "text/stem.h"
#include "text/tokenize.h"

// sqlite3.h declares the FTS5 extension API (fts5_api, fts5_tokenizer).

namespace parallax::store {
namespace {

constexpr char kMarker = '\x1F';

class Tokenizer {
 public:
  text::Stemmer* StemmerFor(std::string_view lang) {
    // Croatian and Bosnian share Serbian's stemmer; region subtags ("sr-Latn") are dropped.
    std::string base(lang.substr(0, lang.find('-')));
    if (base == "hr" || base == "bs" || base == "me" || base == "sh") base = "sr";
    auto it = stemmers_.find(base);
    if (it == stemmers_.end()) it = stemmers_.emplace(base, text::Stemmer::Create(base)).first;
    return it->second.get();
  }

  const std::vector<text::Stemmer*>& QueryStemmers() {
    if (query_stemmers_.empty()) {
      for (const std::string& lang : text::Stemmer::StemmedLanguages()) {
        if (text::Stemmer* s = StemmerFor(lang)) query_stemmers_.push_back(s);
      }
    }
    return query_stemmers_;
  }

 private:
  std::map<std::string, std::unique_ptr<text::Stemmer>> stemmers_;
  std::vector<text::Stemmer*> query_stemmers_;
};

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

using TokenFn = int (*)(void*, int, const char*, int, int, int);

int Tokenize(Fts5Tokenizer* handle, void* ctx, int flags, const char* data, int size, TokenFn emit) {
  Tokenizer* tok = reinterpret_cast<Tokenizer*>(handle);
  std::string_view text(data, static_cast<size_t>(size));
  size_t skip = 0;
  std::string_view lang;
  if (!text.empty() && text[0] == kMarker) {
    size_t end = text.find(kMarker, 1);
    if (end != std::string_view::npos && end < 24) {
      lang = text.substr(1, end - 1);
      skip = end + 1;
    }
  }
  std::string_view body = text.substr(skip);
  bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  text::Stemmer* stemmer = query || lang.empty() ? nullptr : tok->StemmerFor(lang);
  std::string term;
  std::vector<std::string> alternatives;
  int rc = SQLITE_OK;
  text::ForEachWord(body, [&](std::string_view lower, ByteRange r, bool unspaced) {
    if (rc != SQLITE_OK) return;
    int begin = static_cast<int>(r.begin + skip);
    int end = static_cast<int>(r.end + skip);
    if (!query || unspaced) {
      text::MakeTerm(lower, unspaced ? nullptr : stemmer, term);
      rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), begin, end);
      return;
    }
    // Query: the folded word, then each distinct stem as a colocated synonym.
    alternatives.clear();
    text::MakeTerm(lower, nullptr, term);
    alternatives.push_back(term);
    for (text::Stemmer* s : tok->QueryStemmers()) {
      text::MakeTerm(lower, s, term);
      if (std::find(alternatives.begin(), alternatives.end(), term) == alternatives.end()) {
        alternatives.push_back(term);
      }
    }
    for (size_t k = 0; k < alternatives.size() && rc == SQLITE_OK; ++k) {
      rc = emit(ctx, k == 0 ? 0 : FTS5_TOKEN_COLOCATED, alternatives[k].data(),
                static_cast<int>(alternatives[k].size()), begin, end);
    }
  });
  return rc;
}

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

Status RegisterTokenizer(sqlite3* db) {
  fts5_api* api = GetFts5Api(db);
  if (api == nullptr) return Status::Unavailable("this SQLite has no FTS5");
  static fts5_tokenizer kTokenizer = {Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "parallax", nullptr, &kTokenizer, nullptr) != SQLITE_OK) {
    return Status::Internal("cannot register the parallax tokenizer");
  }
  return Status::Ok();
}

std::string LanguageMarker(std::string_view lang) {
  std::string m;
  m += kMarker;
  m += lang.substr(0, 16);
  m += kMarker;
  return m;
}

std::string StripLanguageMarker(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t at = text.find(kMarker, i);
    if (at == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, at - i));
    size_t end = text.find(kMarker, at + 1);
    i = end == std::string_view::npos ? text.size() : end + 1;
  }
  return out;
}

}  // namespace parallax::store
