// Status and Result<T>: errors as values, carrying what went wrong and where.
//
// Library code never throws because of input and never prints; fallible calls return Status or
// Result<T>. The edges (cli, server) map a StatusCode to an exit code or an HTTP status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parallax {

enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidInput,
  kNotFound,
  kIoError,
  kCorrupt,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

// Where an error happened: a source (file, URL, "-"), a record number (1-based line or item),
// a byte offset into the source, and a field name. Unknown parts stay empty or -1.
struct Where {
  std::string source;
  int64_t record = -1;
  int64_t offset = -1;
  std::string field;

  bool empty() const { return source.empty() && record < 0 && offset < 0 && field.empty(); }
  // "file.jsonl, record 3, field published" (only the known parts).
  std::string ToString() const;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, Where where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string m, Where w = {}) {
    return {StatusCode::kInvalidInput, std::move(m), std::move(w)};
  }
  static Status NotFound(std::string m, Where w = {}) {
    return {StatusCode::kNotFound, std::move(m), std::move(w)};
  }
  static Status IoError(std::string m, Where w = {}) {
    return {StatusCode::kIoError, std::move(m), std::move(w)};
  }
  static Status Corrupt(std::string m, Where w = {}) {
    return {StatusCode::kCorrupt, std::move(m), std::move(w)};
  }
  static Status ResourceExhausted(std::string m, Where w = {}) {
    return {StatusCode::kResourceExhausted, std::move(m), std::move(w)};
  }
  static Status Unavailable(std::string m, Where w = {}) {
    return {StatusCode::kUnavailable, std::move(m), std::move(w)};
  }
  static Status Internal(std::string m, Where w = {}) {
    return {StatusCode::kInternal, std::move(m), std::move(w)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const Where& where() const { return where_; }
  // Returns a copy whose Where is `w` where this one had none.
  Status WithWhere(const Where& w) const;
  // "message: where" or just "message".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  Where where_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    if (status_.ok()) status_ = Status::Internal("Result constructed from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace parallax

#define PLX_CONCAT_INNER_(a, b) a##b
#define PLX_CONCAT_(a, b) PLX_CONCAT_INNER_(a, b)

#define PLX_RETURN_IF_ERROR(expr)                   \
  do {                                              \
    ::parallax::Status plx_status_ = (expr);        \
    if (!plx_status_.ok()) return plx_status_;      \
  } while (0)

#define PLX_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()

#define PLX_ASSIGN_OR_RETURN(lhs, expr) \
  PLX_ASSIGN_OR_RETURN_IMPL_(PLX_CONCAT_(plx_result_, __LINE__), lhs, expr)

// For programmer errors only; never reachable from input.
#define PLX_CHECK(cond)                                                      \
  do {                                                                       \
    if (!(cond)) ::parallax::internal::CheckFailed(#cond, __FILE__, __LINE__); \
  } while (0)

namespace parallax::internal {
[[noreturn]] void CheckFailed(const char* cond, const char* file, int line);
}
