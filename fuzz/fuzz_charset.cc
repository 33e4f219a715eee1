// Charset conversion and detection: whatever the bytes and the declaration, the result is valid
// UTF-8 or a clear rejection.
#include <cstdint>
#include <string_view>

#include "fuzz/charsets.h"
#include "fuzz/check.h"
#include "ingest/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view declared = parallax::fuzz::TakeCharset(data, size);
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = parallax::ingest::ToUtf8(bytes, declared);
  if (decoded.ok()) {
    parallax::fuzz::Require(parallax::text::IsValidUtf8(decoded->utf8), "ToUtf8 returned invalid UTF-8");
    parallax::fuzz::Require(!decoded->charset.empty(), "ToUtf8 did not say which charset it read");
  }
  parallax::ingest::DetectCharset(bytes);
  parallax::ingest::SniffHtmlCharset(bytes);
  parallax::fuzz::Require(parallax::text::IsValidUtf8(parallax::text::RepairUtf8(bytes)),
                          "RepairUtf8 returned invalid UTF-8");
  return 0;
}
