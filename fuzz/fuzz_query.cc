// The search-query parser: a query it accepts must be one FTS5 accepts too (searching an empty
// workspace with it never fails), and one it rejects gets a reason.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/check.h"
#include "query/search.h"
#include "store/sqlite_store.h"

namespace {

parallax::store::SqliteStore* Workspace() {
  static std::unique_ptr<parallax::store::SqliteStore> store = [] {
    std::string path = "/tmp/parallax-fuzz-query-" + std::to_string(getpid()) + ".db";
    auto opened = parallax::store::SqliteStore::Open(path, {.create = true});
    if (!opened.ok()) parallax::fuzz::Fail("cannot create the fuzz workspace");
    static std::string remove_at_exit = path;
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) unlink((remove_at_exit + suffix).c_str());
    });
    return std::move(*opened);
  }();
  return store.get();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view q(reinterpret_cast<const char*>(data), size);
  auto fts = parallax::query::ToFtsQuery(q);
  if (!fts.ok()) {
    parallax::fuzz::Require(!fts.status().message().empty(), "a rejected query has no reason");
    return 0;
  }
  auto count = parallax::query::Count(Workspace()->db(), q, {});
  if (!count.ok()) {
    std::fprintf(stderr, "query %s -> %s: %s\n", std::string(q).c_str(), fts->c_str(),
                 count.status().message().c_str());
    parallax::fuzz::Fail("an accepted query fails in FTS5");
  }
  return 0;
}
