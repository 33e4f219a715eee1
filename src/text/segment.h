// Sentence segmentation for news text.
//
// A sentence ends at . ! ? … (after any closing quotes and brackets) when white space and an
// upper-case letter, a digit or an opening quote follow, and at 。！？ (with their closing
// quotes) whatever follows. A full stop does not end a sentence after an abbreviation from
// data/abbreviations.tsv (dr., prof., tzv., npr., z., znj., p.sh., Mr., U.S. ...), after a
// single-letter initial, or after a day or ordinal number in the languages that write them with
// a stop (16. septembra 2024., 5. Međunarodni ...). Line breaks are hard boundaries, so a
// sentence never crosses a paragraph.
#pragma once

#include <string_view>
#include <vector>

#include "base/byte_range.h"

namespace parallax::text {

// `lang` is a BCP-47 language ("sr", "hr", "sq", "en", "zh"...); unknown languages use the
// rules without a language's abbreviations. Ranges are trimmed of surrounding white space.
std::vector<ByteRange> SplitSentences(std::string_view text, std::string_view lang);

// Where a wire story's dateline ends in `sentence` of `text` ("BELGRADE, March 3 (Reuters) - ",
// "PRISHTINË, 14 shtator 2024 – "): a place in capitals and a comma, then a dash within the
// first hundred bytes. `sentence.begin` when the sentence opens with none. A dateline's names
// are the wire's furniture: no one in it speaks, and no stance is read toward it.
uint32_t DatelineEnd(std::string_view text, ByteRange sentence);

}  // namespace parallax::text
