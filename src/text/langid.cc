#include "text/langid.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <vector>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "base/embedded.h"
#include "base/hash.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace parallax::text {
namespace {

enum ScriptBucket { kLatn, kCyrl, kHan, kGrek, kHang, kKana, kArab, kHebr, kOtherScript, kBuckets };
constexpr const char* kBucketName[] = {"Latn", "Cyrl", "Hani", "Grek", "Kore", "Jpan", "Arab", "Hebr", "Zyyy"};

struct ScriptCounts {
  std::array<int, kBuckets> letters{};
  int macedonian_letters = 0;  // ѓ ќ ѕ
  int serbian_letters = 0;     // ђ ћ џ љ њ ј
  int russian_letters = 0;     // ы э ъ ё й щ
  int ukrainian_letters = 0;   // і ї є ґ
};

ScriptCounts CountScripts(std::string_view text) {
  ScriptCounts c;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++c.letters[kLatn];
      ++i;
      continue;
    }
    char32_t cp = DecodeUtf8(text, i);
    if (cp >= 0x400 && cp <= 0x52F) {
      ++c.letters[kCyrl];
      char32_t l = cp >= 0x410 && cp <= 0x42F ? cp + 0x20 : (cp >= 0x400 && cp <= 0x40F ? cp + 0x50 : cp);
      if (l == U'ѓ' || l == U'ќ' || l == U'ѕ') ++c.macedonian_letters;
      if (l == U'ђ' || l == U'ћ' || l == U'џ' || l == U'љ' || l == U'њ' || l == U'ј') ++c.serbian_letters;
      if (l == U'ы' || l == U'э' || l == U'ъ' || l == U'ё' || l == U'й' || l == U'щ') ++c.russian_letters;
      if (l == U'і' || l == U'ї' || l == U'є' || l == U'ґ') ++c.ukrainian_letters;
      continue;
    }
    CharClass cls = ClassOf(cp);
    if (cls != CharClass::kLetter && cls != CharClass::kUnspaced) continue;
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00)) {
      ++c.letters[kLatn];
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
    switch (sc) {
      case USCRIPT_HAN:
        c.letters[kHan] += 3;  // a Han character carries about a word
        break;
      case USCRIPT_GREEK: ++c.letters[kGrek]; break;
      case USCRIPT_HANGUL: ++c.letters[kHang]; break;
      case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: ++c.letters[kKana]; break;
      case USCRIPT_ARABIC: ++c.letters[kArab]; break;
      case USCRIPT_HEBREW: ++c.letters[kHebr]; break;
      case USCRIPT_LATIN: ++c.letters[kLatn]; break;
      case USCRIPT_CYRILLIC: ++c.letters[kCyrl]; break;
      default: ++c.letters[kOtherScript]; break;
    }
  }
  return c;
}

int DominantBucket(const ScriptCounts& c) {
  int best = kOtherScript;
  int best_n = 0;
  for (int b = 0; b < kBuckets; ++b) {
    if (c.letters[b] > best_n) {
      best_n = c.letters[b];
      best = b;
    }
  }
  // Japanese mixes kana with Han; a fair share of kana makes it Japanese.
  if (c.letters[kKana] > 0 && c.letters[kKana] * 5 >= c.letters[kHan]) return kKana;
  return best_n == 0 ? -1 : best;
}

// Hans or Hant: ICU's Traditional-Simplified transforms say which characters only one standard
// uses (a character that Hant->Hans changes is traditional; one that Hans->Hant changes is
// simplified). The table is built once, on first use, for the CJK Unified Ideographs block.
class HanTable {
 public:
  static constexpr char32_t kBegin = 0x4E00, kEnd = 0xA000;
  enum Kind : uint8_t { kBoth = 0, kSimplified = 1, kTraditional = 2 };

  HanTable() : kind_(kEnd - kBegin, kBoth) {
    UErrorCode e1 = U_ZERO_ERROR, e2 = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> to_hans(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, e1));
    std::unique_ptr<icu::Transliterator> to_hant(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, e2));
    if (U_FAILURE(e1) || U_FAILURE(e2)) return;
    // Characters separated by spaces, so that each one's output can be read back in place.
    icu::UnicodeString all;
    for (char32_t c = kBegin; c < kEnd; ++c) {
      all.append(static_cast<UChar32>(c));
      all.append(static_cast<UChar>(' '));
    }
    icu::UnicodeString hans = all, hant = all;
    to_hans->transliterate(hans);
    to_hant->transliterate(hant);
    Mark(hans, kTraditional);
    Mark(hant, kSimplified);
  }
  Kind Of(char32_t c) const { return c >= kBegin && c < kEnd ? static_cast<Kind>(kind_[c - kBegin]) : kBoth; }

 private:
  // Walks the space-separated outputs; a character whose output differs is marked `kind`.
  void Mark(const icu::UnicodeString& out, Kind kind) {
    char32_t c = kBegin;
    int32_t start = 0;
    for (int32_t i = 0; i <= out.length() && c < kEnd; ++i) {
      if (i < out.length() && out[i] != ' ') continue;
      icu::UnicodeString piece = out.tempSubString(start, i - start);
      if (piece.length() != U16_LENGTH(c) || piece.char32At(0) != static_cast<UChar32>(c)) kind_[c - kBegin] = kind;
      ++c;
      start = i + 1;
    }
  }
  std::vector<uint8_t> kind_;
};

std::string HanScript(std::string_view text) {
  static const HanTable* table = new HanTable();
  int traditional = 0, simplified = 0;
  for (size_t i = 0; i < text.size();) {
    HanTable::Kind k = table->Of(DecodeUtf8(text, i));
    traditional += k == HanTable::kTraditional;
    simplified += k == HanTable::kSimplified;
  }
  return traditional > simplified ? "Hant" : "Hans";
}

// Characters of written Cantonese that standard written Chinese does not use.
bool LooksCantonese(std::string_view text) {
  static constexpr std::u32string_view kMarkers = U"嘅咗佢喺冇嘢啲嗰哋唔睇噉嚟畀諗嘢咩";
  int n = 0;
  for (size_t i = 0; i < text.size();) {
    if (kMarkers.find(DecodeUtf8(text, i)) != std::u32string_view::npos) ++n;
  }
  return n >= 1;
}

// --- Serbian / Croatian / Bosnian -----------------------------------------------------------
// Markers on match-folded words (diacritics removed, Cyrillic in Latin). A trailing '*' makes a
// prefix. Weights are small integers; the thresholds below were set on the NTREX sr/hr/bs
// lines that lid-testset does not use.
struct Marker {
  std::string_view word;
  int ekavian, ijekavian, hr, sr, bs;
};
constexpr Marker kMarkers[] = {
    // Ekavian vs ijekavian reflexes of jat.
    {"pre", 1, 0, 0, 0, 0}, {"prije", 0, 1, 0, 0, 0}, {"posle", 1, 0, 0, 0, 0},
    {"poslije", 0, 1, 0, 0, 0}, {"vreme*", 1, 0, 0, 0, 0}, {"vrijeme*", 0, 1, 0, 0, 0},
    {"vremen*", 1, 0, 0, 0, 0}, {"mesto", 1, 0, 0, 0, 0}, {"mesta", 1, 0, 0, 0, 0},
    {"mestu", 1, 0, 0, 0, 0}, {"mjest*", 0, 1, 0, 0, 0}, {"dete", 1, 0, 0, 0, 0},
    {"dijete", 0, 1, 0, 0, 0}, {"deca", 1, 0, 0, 0, 0}, {"djeca", 0, 1, 0, 0, 0},
    {"dece", 1, 0, 0, 0, 0}, {"djece", 0, 1, 0, 0, 0}, {"rec", 1, 0, 0, 0, 0},
    {"reci", 1, 0, 0, 0, 0}, {"rijec*", 0, 1, 0, 0, 0}, {"svet", 1, 0, 0, 0, 0},
    {"sveta", 1, 0, 0, 0, 0}, {"svetu", 1, 0, 0, 0, 0}, {"svetsk*", 1, 0, 0, 0, 0},
    {"svijet*", 0, 1, 0, 0, 0}, {"uvek", 1, 0, 0, 0, 0}, {"uvijek", 0, 1, 0, 0, 0},
    {"gde", 1, 0, 0, 0, 0}, {"gdje", 0, 1, 0, 0, 0}, {"ovde", 1, 0, 0, 0, 0},
    {"ovdje", 0, 1, 0, 0, 0}, {"cena", 1, 0, 0, 0, 0}, {"cene", 1, 0, 0, 0, 0},
    {"cijen*", 0, 1, 0, 0, 0}, {"promen*", 1, 0, 0, 0, 0}, {"promjen*", 0, 1, 0, 0, 0},
    {"primen*", 1, 0, 0, 0, 0}, {"primjen*", 0, 1, 0, 0, 0}, {"predsedn*", 1, 0, 0, 0, 0},
    {"predsjedn*", 0, 1, 0, 0, 0}, {"sednic*", 1, 0, 0, 0, 0}, {"sjednic*", 0, 1, 0, 0, 0},
    {"sever*", 1, 0, 0, 0, 0}, {"sjever*", 0, 1, 0, 0, 0}, {"mesec*", 1, 0, 0, 0, 0},
    {"mjesec*", 0, 1, 0, 0, 0}, {"vest", 1, 0, 0, 0, 0}, {"vesti", 1, 0, 0, 0, 0},
    {"vijest*", 0, 1, 0, 0, 0}, {"deo", 1, 0, 0, 0, 0}, {"dio", 0, 1, 0, 0, 0},
    {"delu", 1, 0, 0, 0, 0}, {"dijelu", 0, 1, 0, 0, 0}, {"dela", 1, 0, 0, 0, 0},
    {"djela", 0, 1, 0, 0, 0}, {"videti", 1, 0, 0, 0, 0}, {"vidjeti", 0, 1, 0, 0, 0},
    {"ziveti", 1, 0, 0, 0, 0}, {"zivjeti", 0, 1, 0, 0, 0}, {"lep*", 1, 0, 0, 0, 0},
    {"lijep*", 0, 1, 0, 0, 0}, {"beo", 1, 0, 0, 0, 0}, {"bijel*", 0, 1, 0, 0, 0},
    {"ceo", 1, 0, 0, 0, 0}, {"cijel*", 0, 1, 0, 0, 0}, {"celog", 1, 0, 0, 0, 0},
    {"savet*", 1, 0, 0, 0, 0}, {"savjet*", 0, 1, 0, 0, 0}, {"veruj*", 1, 0, 0, 0, 0},
    {"vjeruj*", 0, 1, 0, 0, 0}, {"verovat*", 1, 0, 0, 0, 0}, {"vjerojatn*", 0, 1, 1, 0, 0},
    {"vjerovat*", 0, 1, 0, 0, 0}, {"nedelj*", 1, 0, 0, 1, 0}, {"nedjelj*", 0, 1, 0, 0, 0},
    {"hteo", 1, 0, 0, 0, 0}, {"htio", 0, 1, 0, 0, 0}, {"reseni*", 1, 0, 0, 0, 0},
    {"rjesen*", 0, 1, 0, 0, 0}, {"uslov*", 0, 0, 0, 1, 0}, {"uvjet*", 0, 1, 1, 0, 0},
    {"smer*", 1, 0, 0, 0, 0}, {"smjer*", 0, 1, 0, 0, 0}, {"mere", 1, 0, 0, 0, 0},
    {"mjere", 0, 1, 0, 0, 0}, {"mera", 1, 0, 0, 0, 0}, {"mjera", 0, 1, 0, 0, 0},
    {"izvestaj*", 1, 0, 0, 0, 0}, {"izvjest*", 0, 1, 0, 0, 0}, {"izvjesc*", 0, 1, 2, 0, 0},
    {"clan*", 0, 0, 0, 0, 0}, {"delimi*", 1, 0, 0, 0, 0}, {"djelomi*", 0, 1, 1, 0, 0},
    {"obezbed*", 1, 0, 0, 1, 0}, {"osiguran*", 0, 0, 0, 0, 0},
    // Lexical markers.
    {"tko", 0, 0, 2, 0, 0}, {"ko", 0, 0, 0, 1, 1}, {"sta", 0, 0, 0, 1, 1}, {"sto", 0, 0, 1, 0, 0},
    {"tisuc*", 0, 0, 2, 0, 0}, {"hiljad*", 0, 0, 0, 1, 1}, {"kruh*", 0, 0, 2, 0, 0},
    {"hleb*", 1, 0, 0, 1, 0}, {"hljeb*", 0, 1, 0, 0, 2}, {"historij*", 0, 0, 0, 0, 2},
    {"istorij*", 0, 0, 0, 2, 0}, {"povijes*", 0, 0, 2, 0, 0}, {"opstin*", 0, 0, 0, 2, 0},
    {"opcin*", 0, 0, 1, 0, 1}, {"bezbedn*", 1, 0, 0, 2, 0}, {"sigurnos*", 0, 0, 1, 0, 1},
    {"saradnj*", 0, 0, 0, 1, 1}, {"suradnj*", 0, 0, 2, 0, 0}, {"vazduh*", 0, 0, 0, 2, 0},
    {"zrak*", 0, 0, 1, 0, 1}, {"nauk*", 0, 0, 0, 1, 1}, {"znanost*", 0, 0, 2, 0, 0},
    {"znanstven*", 0, 0, 2, 0, 0}, {"naucn*", 0, 0, 0, 1, 1}, {"tacno", 0, 0, 0, 1, 1},
    {"tocno", 0, 0, 2, 0, 0}, {"porodic*", 0, 0, 0, 1, 1}, {"obitelj*", 0, 0, 2, 0, 0},
    {"pozorist*", 0, 0, 0, 1, 1}, {"kazalist*", 0, 0, 2, 0, 0}, {"voz", 0, 0, 0, 1, 1},
    {"vlak*", 0, 0, 2, 0, 0}, {"sedmic*", 0, 0, 0, 0, 2}, {"tjedan*", 0, 0, 2, 0, 0},
    {"tjedn*", 0, 0, 2, 0, 0}, {"univerzitet*", 0, 0, 0, 1, 1}, {"sveucilist*", 0, 0, 2, 0, 0},
    {"tokom", 0, 0, 0, 1, 1}, {"tijekom", 0, 1, 2, 0, 0}, {"takode", 0, 0, 0, 2, 0},
    {"takodje", 0, 0, 0, 2, 0}, {"takoder", 0, 0, 1, 0, 1}, {"racunar*", 0, 0, 0, 2, 0},
    {"racunal*", 0, 0, 2, 0, 0}, {"kompjuter*", 0, 0, 0, 0, 1}, {"centar", 0, 0, 0, 1, 1},
    {"srediste", 0, 0, 1, 0, 0}, {"hemij*", 0, 0, 0, 1, 1}, {"kemij*", 0, 0, 2, 0, 0},
    {"milion*", 0, 0, 0, 1, 1}, {"milijun*", 0, 0, 2, 0, 0}, {"gospodarstv*", 0, 0, 2, 0, 0},
    {"europ*", 0, 0, 2, 0, 0}, {"evrop*", 0, 0, 0, 1, 1}, {"lahko", 0, 0, 0, 0, 2},
    {"lahk*", 0, 0, 0, 0, 1}, {"juni", 0, 0, 0, 0, 1}, {"juli", 0, 0, 0, 0, 1},
    {"jun", 0, 0, 0, 1, 0}, {"jul", 0, 0, 0, 1, 0}, {"avgust*", 0, 0, 0, 1, 1},
    {"august*", 0, 0, 1, 0, 0}, {"sijecanj*", 0, 0, 3, 0, 0}, {"sijecnj*", 0, 0, 3, 0, 0},
    {"veljac*", 0, 0, 3, 0, 0}, {"ozuj*", 0, 0, 3, 0, 0}, {"travanj*", 0, 0, 3, 0, 0},
    {"travnj*", 0, 0, 3, 0, 0}, {"svib*", 0, 0, 3, 0, 0}, {"lipanj*", 0, 0, 3, 0, 0},
    {"lipnj*", 0, 0, 3, 0, 0}, {"srpanj*", 0, 0, 3, 0, 0}, {"srpnj*", 0, 0, 3, 0, 0},
    {"kolovoz*", 0, 0, 3, 0, 0}, {"rujan*", 0, 0, 3, 0, 0}, {"rujn*", 0, 0, 3, 0, 0},
    {"listopad*", 0, 0, 3, 0, 0}, {"studen*", 0, 0, 2, 0, 0}, {"prosin*", 0, 0, 3, 0, 0},
    {"fudbal*", 0, 0, 0, 1, 1}, {"nogomet*", 0, 0, 2, 0, 0}, {"ucesc*", 0, 0, 0, 1, 1},
    {"sudjelov*", 0, 1, 2, 0, 0}, {"odnosno", 0, 0, 0, 0, 0}, {"stoga", 0, 0, 1, 0, 0},
    {"dakle", 0, 0, 0, 0, 0}, {"ovog", 0, 0, 0, 1, 0}, {"ovoga", 0, 0, 1, 0, 0},
    {"vec", 0, 0, 0, 0, 0}, {"bit", 0, 0, 1, 0, 0}, {"cu", 0, 0, 0, 0, 0},
    {"trebalo", 0, 0, 0, 0, 0}, {"izmedu", 0, 0, 0, 0, 0}, {"drzav*", 0, 0, 0, 0, 0},
    {"mnogo", 0, 0, 0, 1, 1}, {"puno", 0, 0, 1, 0, 0}, {"jos", 0, 0, 0, 0, 0},
    {"hiljadu", 0, 0, 0, 1, 1}, {"osoba", 0, 0, 1, 0, 0}, {"lica", 0, 0, 0, 1, 0},
    {"posto", 0, 0, 0, 0, 0}, {"odsto", 0, 0, 0, 2, 0}, {"procenat*", 0, 0, 0, 1, 1},
    {"postot*", 0, 0, 2, 0, 0}, {"bolnic*", 0, 0, 0, 0, 0}, {"ljekar*", 0, 1, 0, 0, 2},
    {"lekar*", 1, 0, 0, 2, 0}, {"lijecn*", 0, 1, 2, 0, 0}, {"lecen*", 1, 0, 0, 0, 0},
    {"lijecen*", 0, 1, 0, 0, 0}, {"zdravlj*", 0, 0, 0, 0, 0}, {"tacka", 0, 0, 0, 1, 1},
    {"tocka", 0, 0, 2, 0, 0}, {"glazb*", 0, 0, 2, 0, 0}, {"muzik*", 0, 0, 0, 1, 1},
    {"zrakoplov*", 0, 0, 2, 0, 0}, {"avion*", 0, 0, 0, 1, 1}, {"ocekiv*", 0, 0, 0, 0, 0},
};

// Markers indexed by their word (exact) or prefix (without the '*'), built once.
struct MarkerIndex {
  std::unordered_map<std::string_view, const Marker*> exact;
  std::unordered_map<std::string_view, const Marker*> prefix;
  size_t longest_prefix = 0;
  MarkerIndex() {
    for (const Marker& m : kMarkers) {
      std::string_view w = m.word;
      if (!w.empty() && w.back() == '*') {
        w.remove_suffix(1);
        prefix.emplace(w, &m);
        longest_prefix = std::max(longest_prefix, w.size());
      } else {
        exact.emplace(w, &m);
      }
    }
  }
  // An exact word wins; otherwise the longest matching prefix.
  const Marker* Find(std::string_view word) const {
    if (auto it = exact.find(word); it != exact.end()) return it->second;
    for (size_t n = std::min(word.size(), longest_prefix); n >= 2; --n) {
      if (auto it = prefix.find(word.substr(0, n)); it != prefix.end()) return it->second;
    }
    return nullptr;
  }
};

const MarkerIndex& Markers() {
  static const MarkerIndex* index = new MarkerIndex();
  return *index;
}

struct SouthSlavicScores {
  int ekavian = 0, ijekavian = 0, hr = 0, sr = 0, bs = 0;
};

SouthSlavicScores ScoreSouthSlavic(std::string_view text) {
  SouthSlavicScores s;
  std::string folded = FoldForMatch(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !((folded[i] >= 'a' && folded[i] <= 'z'))) ++i;
    size_t start = i;
    while (i < folded.size() && folded[i] >= 'a' && folded[i] <= 'z') ++i;
    if (i == start) break;
    std::string_view word(folded.data() + start, i - start);
    if (const Marker* m = Markers().Find(word)) {
      s.ekavian += m->ekavian;
      s.ijekavian += m->ijekavian;
      s.hr += m->hr;
      s.sr += m->sr;
      s.bs += m->bs;
    }
  }
  return s;
}

// The Latin-script sr/hr/bs model: averaged-perceptron weights per feature (words and
// character 1-4-grams of " word "), trained by tools/train_lid.py into data/lid-sr-hr-bs.tsv.
class SouthSlavicModel {
 public:
  SouthSlavicModel() {
    std::string_view data = EmbeddedData("lid-sr-hr-bs.tsv");
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
      if (t3 == std::string_view::npos) continue;
      std::array<float, 3> w = {std::stof(std::string(line.substr(t1 + 1, t2 - t1 - 1))),
                                std::stof(std::string(line.substr(t2 + 1, t3 - t2 - 1))),
                                std::stof(std::string(line.substr(t3 + 1)))};
      weights_.emplace(Hash64(line.substr(0, t1)), w);
    }
  }

  // Summed weights for sr, hr, bs over the distinct features of `text`. Features are hashed
  // ("w:word", "c:gram") exactly as Hash64 hashes the names tools/train_lid.py writes.
  std::array<double, 3> Score(std::string_view text) const {
    std::string lower = Lower(text);
    std::vector<uint64_t> feats;
    feats.reserve(lower.size() * 4);
    std::vector<size_t> cuts;
    std::string padded;
    size_t i = 0;
    while (i < lower.size()) {
      size_t start = i;
      char32_t c = DecodeUtf8(lower, i);
      if (!IsWordChar(c)) continue;
      // The word and its code point boundaries, as offsets into " word ".
      cuts.assign({0, 1});
      size_t end = i;
      bool digits_only = u_isdigit(static_cast<UChar32>(c));
      while (end < lower.size()) {
        size_t k = end;
        char32_t d = DecodeUtf8(lower, k);
        if (!IsWordChar(d)) break;
        digits_only = digits_only && u_isdigit(static_cast<UChar32>(d));
        cuts.push_back(end - start + 1);
        end = k;
      }
      i = end;
      if (digits_only) continue;
      std::string_view word(lower.data() + start, end - start);
      cuts.push_back(word.size() + 1);
      cuts.push_back(word.size() + 2);
      feats.push_back(PrefixedHash("w:", word));
      padded.assign(1, ' ');
      padded.append(word);
      padded.push_back(' ');
      for (size_t n = 1; n <= 4; ++n) {
        for (size_t k = 0; k + n < cuts.size(); ++k) {
          std::string_view g(padded.data() + cuts[k], cuts[k + n] - cuts[k]);
          if (g != " ") feats.push_back(PrefixedHash("c:", g));
        }
      }
    }
    std::array<double, 3> score = {0, 0, 0};
    // Each distinct feature counts once (training used presence): a small open-addressing set.
    size_t cap = 64;
    while (cap < feats.size() * 2) cap <<= 1;
    std::vector<uint64_t> seen(cap, 0);
    for (uint64_t f : feats) {
      uint64_t key = f | 1;  // 0 marks an empty slot
      size_t slot = key & (cap - 1);
      while (seen[slot] != 0 && seen[slot] != key) slot = (slot + 1) & (cap - 1);
      if (seen[slot] == key) continue;
      seen[slot] = key;
      auto it = weights_.find(f);
      if (it == weights_.end()) continue;
      for (int k = 0; k < 3; ++k) score[k] += it->second[k];
    }
    return score;
  }

 private:
  static bool IsWordChar(char32_t c) { return c == '_' || u_isalnum(static_cast<UChar32>(c)); }
  std::unordered_map<uint64_t, std::array<float, 3>> weights_;
};

const SouthSlavicModel& GetSouthSlavicModel() {
  static const SouthSlavicModel* m = new SouthSlavicModel();
  return *m;
}

// Chooses among sr, hr and bs: the trained model, with the hand-written markers (ekavian /
// ijekavian reflexes, tko/ko, tisuća/hiljada ...) as a further vote.
std::string RefineSouthSlavic(std::string_view text, double* confidence) {
  SouthSlavicScores m = ScoreSouthSlavic(text);
  std::array<double, 3> s = GetSouthSlavicModel().Score(text);
  s[0] += 0.5 * (2.0 * m.ekavian + m.sr);
  s[1] += 0.5 * (0.8 * m.ijekavian + m.hr);
  s[2] += 0.5 * (0.8 * m.ijekavian + m.bs);
  if (m.ekavian > m.ijekavian) s[0] += 1.0;
  static constexpr const char* kLangs[] = {"sr", "hr", "bs"};
  int best = static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
  double second = -1e9;
  for (int k = 0; k < 3; ++k) {
    if (k != best) second = std::max(second, s[k]);
  }
  *confidence = std::min(0.99, 0.5 + 0.05 * (s[best] - second));
  return kLangs[best];
}

bool IsSouthSlavic(std::string_view lang) { return lang == "sr" || lang == "hr" || lang == "bs" || lang == "me"; }

}  // namespace

std::string DominantScript(std::string_view text) {
  ScriptCounts c = CountScripts(text);
  int b = DominantBucket(c);
  if (b < 0) return "Zyyy";
  if (b == kHan) return HanScript(text);
  return kBucketName[b];
}

LangResult IdentifyLanguage(std::string_view text) {
  LangResult out;
  ScriptCounts counts = CountScripts(text);
  int bucket = DominantBucket(counts);
  int total_letters = 0;
  for (int n : counts.letters) total_letters += n;
  if (bucket < 0) {
    out.best = {"und", "und", "Zyyy", 0};
    return out;
  }

  // Scripts that name their language need no statistics.
  if (bucket == kHan || bucket == kHang || bucket == kGrek || bucket == kKana) {
    double share = total_letters > 0 ? double(counts.letters[bucket]) / total_letters : 0;
    std::string script = bucket == kHan ? HanScript(text) : kBucketName[bucket];
    std::string lang = bucket == kHan ? "zh" : bucket == kHang ? "ko" : bucket == kGrek ? "el" : "ja";
    if (bucket == kHan && script == "Hant" && LooksCantonese(text)) lang = "yue";
    std::string tag = bucket == kHan ? lang + "-" + script : lang;
    out.best = {tag, lang, script, std::round(std::min(0.99, share) * 100) / 100};
    return out;
  }
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language summary = CLD2::ExtDetectLanguageSummary(text.data(), static_cast<int>(text.size()), true, &hints, 0,
                                 language3, percent3, scores3, nullptr, &text_bytes, &reliable);
  auto code = [](CLD2::Language l) { return std::string(CLD2::LanguageCode(l)); };

  std::string script = bucket == kHan ? HanScript(text) : kBucketName[bucket];
  double script_share = total_letters > 0 ? double(counts.letters[bucket]) / total_letters : 0;
  // The summary is CLD2's best guess even when unreliable; language3[0] may be UNKNOWN then.
  std::string lang = code(summary != CLD2::UNKNOWN_LANGUAGE ? summary : language3[0]);
  double confidence = reliable ? 0.6 + 0.4 * percent3[0] / 100.0 : 0.3 + 0.3 * percent3[0] / 100.0;

  if (bucket == kCyrl) {
    // CLD2 often says bg or ru for short Serbian and Macedonian text; their letters decide.
    if (counts.macedonian_letters > 0) {
      lang = "mk";
    } else if (counts.serbian_letters > 0 && lang != "mk") {
      lang = "sr";
    } else if (counts.ukrainian_letters > 0 && lang != "be") {
      lang = "uk";
    } else if (counts.russian_letters > 0 && (lang == "sr" || lang == "mk")) {
      lang = "ru";
    }
  }
  if (lang == "zh-Hant") lang = "zh";
  if (IsSouthSlavic(lang) && bucket == kLatn) {
    lang = RefineSouthSlavic(text, &confidence);
  } else if (lang == "sr" && bucket == kCyrl) {
    confidence = std::max(confidence, 0.9);
  }
  if (lang == "un" || lang == "xx") {
    // CLD2 found no evidence (very short text). Latin script then most likely is English, the
    // commonest Latin-script language of international news; say so with low confidence.
    lang = bucket == kLatn ? "en" : "und";
    confidence = 0.2;
  }

  std::string tag = lang;
  if (lang == "sr") tag = bucket == kCyrl ? "sr-Cyrl" : "sr-Latn";
  if (lang == "zh") tag = "zh-" + script;
  out.best = {tag, lang, script, std::round(confidence * script_share * 100) / 100};
  for (int k = 1; k < 3; ++k) {
    if (language3[k] == CLD2::UNKNOWN_LANGUAGE || percent3[k] == 0) continue;
    std::string alt = code(language3[k]);
    if (alt == lang) continue;
    out.alternatives.push_back({alt, alt, script, percent3[k] / 100.0});
  }
  return out;
}

}  // namespace parallax::text
