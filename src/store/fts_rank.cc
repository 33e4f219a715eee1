#include "store/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "store/fts_tokenizer.h"
#include "store/sqlite.h"

namespace parallax::store {

namespace {

// What every row of one query shares: the IDF of each phrase and the average length.
struct QueryData {
  double average = 0;
  std::vector<double> idf, freq;
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* n) {
  ++*static_cast<int64_t*>(n);
  return SQLITE_OK;
}

int Prepare(const Fts5ExtensionApi* api, Fts5Context* fts, QueryData& d) {
  const int phrases = api->xPhraseCount(fts);
  d.idf.assign(static_cast<size_t>(phrases), 0);
  d.freq.assign(static_cast<size_t>(phrases), 0);
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) d.average = static_cast<double>(tokens) / static_cast<double>(rows);
  for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
    int64_t hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRow);
    // IDF = log((N - n + 0.5) / (n + 0.5)), kept above zero for words in most documents.
    double idf = std::log((static_cast<double>(rows) - static_cast<double>(hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    d.idf[static_cast<size_t>(i)] = idf <= 0.0 ? 1e-6 : idf;
  }
  return rc;
}

// Sets `rank` to the row's bm25 rank (lower is better) and returns an SQLite result code.
// `args`: the function's arguments after the table and the pointer, the column weights.
int Score(const Fts5ExtensionApi* api, Fts5Context* fts, const DocSizes* sizes, int argc, sqlite3_value** args,
          double& rank) {
  constexpr double k1 = 1.2, b = 0.75;
  auto* d = static_cast<QueryData*>(api->xGetAuxdata(fts, 0));
  int rc = SQLITE_OK;
  if (d == nullptr) {
    d = new QueryData();
    rc = Prepare(api, fts, *d);
    if (rc != SQLITE_OK) {
      delete d;
      return rc;
    }
    rc = api->xSetAuxdata(fts, d, [](void* p) { delete static_cast<QueryData*>(p); });
    if (rc != SQLITE_OK) return rc;
  }
  // Each phrase's frequency in this row, every instance weighted by its column's weight.
  std::fill(d->freq.begin(), d->freq.end(), 0.0);
  int instances = 0;
  rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) d->freq[static_cast<size_t>(phrase)] += argc > column ? sqlite3_value_double(args[column]) : 1.0;
  }
  // The row's length in tokens, from memory when it is there.
  const sqlite3_int64 rowid = api->xRowid(fts);
  int tokens = 0;
  if (sizes != nullptr && rowid >= 0 && static_cast<size_t>(rowid) < sizes->tokens.size() && sizes->tokens[static_cast<size_t>(rowid)] > 0) {
    tokens = static_cast<int>(sizes->tokens[static_cast<size_t>(rowid)]);
  } else if (rc == SQLITE_OK) {
    rc = api->xColumnSize(fts, -1, &tokens);
  }
  double score = 0;
  const double length = static_cast<double>(tokens);
  for (size_t i = 0; rc == SQLITE_OK && i < d->idf.size(); ++i) {
    score += d->idf[i] * ((d->freq[i] * (k1 + 1.0)) / (d->freq[i] + k1 * (1 - b + b * length / d->average)));
  }
  rank = -1.0 * score;
  return rc;
}

void Bm25Top(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto* top = argc > 0 ? static_cast<TopRanks*>(sqlite3_value_pointer(argv[0], kTopRanksType)) : nullptr;
  if (top == nullptr) {
    sqlite3_result_error(ctx, "parallax_bm25_top needs a TopRanks pointer", -1);
    return;
  }
  double rank = 0;
  int rc = Score(api, fts, top->sizes, argc - 1, argv + 1, rank);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  top->Offer(rank, api->xRowid(fts));
  sqlite3_result_int(ctx, 1);
}

// A SQLite varint (1 to 9 bytes, big-endian groups of 7 bits); false if it runs off the end.
bool ReadVarint(const unsigned char*& p, const unsigned char* end, uint64_t& v) {
  v = 0;
  for (int i = 0; i < 9; ++i) {
    if (p == end) return false;
    unsigned char c = *p++;
    if (i == 8) {
      v = (v << 8) | c;
      return true;
    }
    v = (v << 7) | (c & 0x7f);
    if ((c & 0x80) == 0) return true;
  }
  return true;
}

}  // namespace

Status RegisterRank(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return Status::Unavailable("this SQLite has no FTS5");
  if (api->xCreateFunction(api, "parallax_bm25_top", nullptr, Bm25Top, nullptr) != SQLITE_OK) {
    return Status::Internal("cannot register parallax_bm25_top");
  }
  return Status::Ok();
}

void TopRanks::Offer(double rank, int64_t rowid) {
  const Entry e{rank, rowid};
  if (heap.size() < keep) {
    heap.push_back(e);
    std::push_heap(heap.begin(), heap.end());
  } else if (keep > 0 && e < heap.front()) {
    std::pop_heap(heap.begin(), heap.end());
    heap.back() = e;
    std::push_heap(heap.begin(), heap.end());
  }
}

void TopRanks::Merge(const TopRanks& other) {
  for (const Entry& e : other.heap) Offer(e.rank, e.rowid);
}

std::vector<std::pair<int64_t, double>> TopRanks::Best() const {
  std::vector<Entry> sorted = heap;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::pair<int64_t, double>> out;
  for (const Entry& e : sorted) out.emplace_back(e.rowid, e.rank);
  return out;
}

Status ReadDocSizes(sqlite3* db, const std::string& fts, int64_t end, DocSizes& out) {
  out.tokens.assign(static_cast<size_t>(std::max<int64_t>(end, 0)), 0);
  Stmt st(db, "SELECT id, sz FROM \"" + fts + "_docsize\" WHERE id < ?");
  st.Bind(1, end);
  while (st.Step()) {
    int64_t id = st.Int(0);
    std::string_view blob = st.View(1);
    const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
    const auto* stop = p + blob.size();
    uint64_t total = 0, n = 0;
    while (p < stop && ReadVarint(p, stop, n)) total += n;
    if (id >= 0 && id < end) out.tokens[static_cast<size_t>(id)] = static_cast<uint32_t>(std::min<uint64_t>(total, UINT32_MAX));
  }
  return st.status();
}

}  // namespace parallax::store
