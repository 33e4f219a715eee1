// Thin RAII helpers over the SQLite C API used by the store and query modules.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace parallax::store {

// A prepared statement. Bind* take 1-based indexes; Step() returns true while a row is ready.
class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  const Status& status() const { return status_; }
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, double v);
  Stmt& BindNull(int i);
  Stmt& BindBlob(int i, std::string_view v);
  // A pointer for an extension function (sqlite3_bind_pointer); `p` must outlive the statement's run.
  Stmt& BindPointer(int i, void* p, const char* type);
  Stmt& BindOptional(int i, std::string_view v) { return v.empty() ? BindNull(i) : Bind(i, v); }
  // Advances; false at the end or on error (see status()).
  bool Step();
  // Runs to completion (for statements without rows).
  Status Run();
  void Reset();

  std::string Text(int col) const;
  // The same without a copy; valid until the next Step, Reset or read of the column as another type.
  std::string_view View(int col) const;
  int64_t Int(int col) const;
  double Real(int col) const;
  bool IsNull(int col) const;
  int columns() const;
  std::string ColumnName(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

Status Exec(sqlite3* db, std::string_view sql);
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace parallax::store
