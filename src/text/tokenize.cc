#include "text/tokenize.h"

namespace parallax::text {

void MakeTerm(std::string_view lower_word, Stemmer* stemmer, std::string& term) {
  term.clear();
  std::string_view w = lower_word;
  if (stemmer != nullptr) w = stemmer->Stem(lower_word);
  for (size_t i = 0; i < w.size();) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c < 0x80) {
      term += static_cast<char>(c);
      ++i;
    } else {
      AppendFolded(term, DecodeUtf8(w, i));
    }
  }
}

}  // namespace parallax::text
