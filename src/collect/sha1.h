// SHA-1, for the digests WARC records carry (WARC-Block-Digest, WARC-Payload-Digest), written
// "sha1:" + RFC 4648 base32 as WARC tools expect. Not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::collect {

class Sha1 {
 public:
  Sha1();
  void Update(std::string_view bytes);
  std::array<uint8_t, 20> Finish();

 private:
  void Block(const uint8_t* p);
  uint32_t h_[5];
  uint8_t buf_[64];
  size_t used_ = 0;
  uint64_t length_ = 0;  // bytes
};

std::string Sha1Hex(std::string_view bytes);
// "sha1:" and the digest in base32 (the WARC convention).
std::string WarcDigest(std::string_view bytes);

}  // namespace parallax::collect
