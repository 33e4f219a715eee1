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

thread_local const std::vector<DocumentTerms>* t_ready = nullptr;

// The language a document's marker names, and where its text starts.
std::pair<std::string_view, size_t> ReadMarker(std::string_view text) {
  if (!text.empty() && text[0] == kMarker) {
    size_t end = text.find(kMarker, 1);
    if (end != std::string_view::npos && end < 24) return {text.substr(1, end - 1), end + 1};
  }
  return {std::string_view(), 0};
}

// Calls emit(term, begin, end) for each term of a document, as the index stores it.
template <typename Emit>
void ForEachDocumentTerm(std::string_view text, Tokenizer& tok, Emit&& emit) {
  const auto [lang, marker_end] = ReadMarker(text);
  const size_t skip = marker_end;  // clang before 16 cannot capture a structured binding
  text::Stemmer* stemmer = lang.empty() ? nullptr : tok.StemmerFor(lang);
  std::string term;
  text::ForEachWord(text.substr(skip), [&](std::string_view lower, ByteRange r, bool unspaced) {
    text::MakeTerm(lower, unspaced ? nullptr : stemmer, term);
    emit(term, static_cast<int>(r.begin + skip), static_cast<int>(r.end + skip));
  });
}

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer());
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

using TokenFn = int (*)(void*, int, const char*, int, int, int);

int Tokenize(Fts5Tokenizer* handle, void* ctx, int flags, const char* data, int size, TokenFn emit) {
  Tokenizer* tok = reinterpret_cast<Tokenizer*>(handle);
  std::string_view text(data, static_cast<size_t>(size));
  int rc = SQLITE_OK;
  if ((flags & FTS5_TOKENIZE_QUERY) == 0) {
    if (t_ready != nullptr) {
      for (const DocumentTerms& d : *t_ready) {
        if (d.text != text) continue;
        uint32_t from = 0;
        for (size_t k = 0; k < d.list.size() && rc == SQLITE_OK; ++k) {
          const DocumentTerms::Term& t = d.list[k];
          rc = emit(ctx, 0, d.terms.data() + from, static_cast<int>(t.end - from), t.begin, t.stop);
          from = t.end;
        }
        return rc;
      }
    }
    ForEachDocumentTerm(text, *tok, [&](const std::string& term, int begin, int end) {
      if (rc == SQLITE_OK) rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), begin, end);
    });
    return rc;
  }
  // Query: the folded word, then each distinct stem as a colocated synonym (a language marker,
  // if any, is skipped as in documents).
  size_t skip = ReadMarker(text).second;
  std::string term;
  std::vector<std::string> alternatives;
  text::ForEachWord(text.substr(skip), [&](std::string_view lower, ByteRange r, bool unspaced) {
    if (rc != SQLITE_OK) return;
    int begin = static_cast<int>(r.begin + skip);
    int end = static_cast<int>(r.end + skip);
    if (unspaced) {
      text::MakeTerm(lower, nullptr, term);
      rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), begin, end);
      return;
    }
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

}  // namespace

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

Status RegisterTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
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

DocumentTerms TokenizeDocument(std::string text) {
  thread_local Tokenizer tok;
  DocumentTerms d;
  d.text = std::move(text);
  d.list.reserve(d.text.size() / 6);
  ForEachDocumentTerm(d.text, tok, [&](const std::string& term, int begin, int end) {
    d.terms += term;
    d.list.push_back({static_cast<uint32_t>(d.terms.size()), begin, end});
  });
  return d;
}

ScopedDocumentTerms::ScopedDocumentTerms(const std::vector<DocumentTerms>* docs) : previous_(t_ready) { t_ready = docs; }
ScopedDocumentTerms::~ScopedDocumentTerms() { t_ready = previous_; }

}  // namespace parallax::store
