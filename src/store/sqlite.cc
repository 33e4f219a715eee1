#include "store/sqlite.h"

#include <fmt/format.h>

namespace parallax::store {

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_errcode(db);
  std::string msg = fmt::format("{}: {}", what, sqlite3_errmsg(db));
  // Storage errors name the workspace file: the user has to act on it.
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  Where where{.source = file ? file : ""};
  switch (code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(msg + " (another process holds the workspace; try again)");
    case SQLITE_FULL:
      return Status::IoError(
          "the disk holding the workspace is full (articles stored before this one are kept; free space and "
          "run the ingest again to add the rest)",
          where);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corrupt(msg);
    case SQLITE_READONLY:
      return Status::IoError(msg + " (the workspace is read-only)", where);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Status::IoError(msg, where);
    case SQLITE_ERROR:
      return Status::InvalidInput(msg);
    default:
      return Status::Internal(msg);
  }
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    status_ = SqliteError(db, "prepare");
    stmt_ = nullptr;
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::Bind(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::BindBlob(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::BindPointer(int i, void* p, const char* type) {
  if (stmt_) sqlite3_bind_pointer(stmt_, i, p, type, nullptr);
  return *this;
}

bool Stmt::Step() {
  if (stmt_ == nullptr || !status_.ok()) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) status_ = SqliteError(db_, "query");
  return false;
}

Status Stmt::Run() {
  while (Step()) {
  }
  return status_;
}

void Stmt::Reset() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  status_ = Status::Ok();
}

std::string Stmt::Text(int col) const { return std::string(View(col)); }
std::string_view Stmt::View(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? std::string_view(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string_view();
}
int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int Stmt::columns() const { return stmt_ ? sqlite3_column_count(stmt_) : 0; }
std::string Stmt::ColumnName(int col) const { return sqlite3_column_name(stmt_, col); }

Status Exec(sqlite3* db, std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = SqliteError(db, "exec");
    sqlite3_free(err);
    return st;
  }
  return Status::Ok();
}

}  // namespace parallax::store
