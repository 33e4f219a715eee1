#include "base/status.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace parallax {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidInput: return "invalid input";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kIoError: return "I/O error";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kResourceExhausted: return "limit exceeded";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal error";
  }
  return "unknown";
}

std::string Where::ToString() const {
  std::string out = source;
  auto add = [&out](std::string part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  if (record >= 0) add(fmt::format("record {}", record));
  if (offset >= 0) add(fmt::format("byte {}", offset));
  if (!field.empty()) add(fmt::format("field {}", field));
  return out;
}

Status Status::WithWhere(const Where& w) const {
  Status copy = *this;
  if (copy.where_.source.empty()) copy.where_.source = w.source;
  if (copy.where_.record < 0) copy.where_.record = w.record;
  if (copy.where_.offset < 0) copy.where_.offset = w.offset;
  if (copy.where_.field.empty()) copy.where_.field = w.field;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  if (where_.empty()) return message_;
  return fmt::format("{}: {}", message_, where_.ToString());
}

namespace internal {
void CheckFailed(const char* cond, const char* file, int line) {
  std::fprintf(stderr, "parallax: internal check failed: %s at %s:%d\n", cond, file, line);
  std::abort();
}
}  // namespace internal

}  // namespace parallax
