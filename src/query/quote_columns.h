// An in-memory copy of a SQLite workspace's attributed quotations (kind other than term, speaker
// known) and their stance rows, as dictionary codes in arrays, shared by every connection of the
// process to the same file.
//
// Why: the voices of a topic and the stance tables tally every quotation of every matching
// article. At a million articles that is millions of quotation and stance rows, and SQLite spent
// 2-6 s a query reading them (random reads of quote and stance rows for each match). With the
// copy, a query walks the matches and reads arrays.
//
// Invariants:
//  - Get() gives a copy that holds everything the connection sees: equal to it, or newer (then
//    the rows the connection cannot see belong to articles it cannot see, as an article, its
//    quotations and their stance are written in one transaction). The store only ever appends
//    quotations and stance rows (nothing in Parallax updates or deletes them), so the largest
//    quotation id and stance rowid name a state: when either grows, the rows after the old ones
//    are read and appended (a copy of the old arrays plus the new rows; the old copy stays valid
//    for whoever holds it). A workspace written otherwise (rows deleted or changed outside
//    Parallax) is read whole again only when the maxima change.
//  - Quotations are held in id order, and Parallax writes an article's quotations together after
//    it, so they are in article order too; a workspace where they are not is refused
//    (kUnavailable) and the caller answers with SQL.
//  - Memory: about 60 bytes per attributed quotation and 16 per stance row (a million articles of
//    the synthetic corpus: 7.3 million quotations, 11 million stance rows, about 620 MB), held
//    once per process and file.
// Thread-safe: Get() may be called from any thread, each with its own connection; the copy it
// returns is immutable.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

struct sqlite3;

namespace parallax::query {

class QuoteColumns {
 public:
  static constexpr uint32_t kNull = UINT32_MAX;

  struct Quote {
    int64_t id = 0;
    double confidence = 0;
    uint64_t text_hash = 0;            // Hash64 of the quoted words; 0 when not stored (before schema 7)
    uint32_t article = 0;              // articles.rowid
    uint32_t name = kNull, type = kNull;  // codes in names() and types(); kNull when unset
    uint32_t bytes = 0;                // length of the quoted words
    uint8_t kind = 0;                  // code in kinds()
  };
  // The speaker's code is apart (SpeakerOf) and so is a stance row's confidence (Confidence):
  // walks over millions of rows read only the narrow columns they need.
  struct Stance {
    uint32_t target;  // code in targets()
    int8_t polarity;
  };

  // The copy for the workspace `db` is connected to, read or extended as needed.
  static Result<std::shared_ptr<const QuoteColumns>> Get(sqlite3* db);

  const std::vector<Quote>& quotes() const { return quotes_; }
  // The code in speakers() of quotes()[i]'s speaker.
  uint32_t SpeakerOf(size_t i) const { return speaker_[i]; }
  // The quotations of an article: a range of indices into quotes().
  std::pair<size_t, size_t> OfArticle(int64_t rowid) const;
  // The stance rows of quotes()[i], in stored order.
  std::span<const Stance> StanceOf(size_t i) const {
    return {stance_.data() + stance_begin_[i], stance_.data() + stance_begin_[i + 1]};
  }
  // The confidence of a stance row from StanceOf().
  double Confidence(const Stance& s) const { return stance_confidence_[static_cast<size_t>(&s - stance_.data())]; }
  // A speaker's quotations in the order voices consider them as examples: by ExampleScore(),
  // best first, among equals the earliest. Indices into quotes().
  std::span<const uint32_t> RankedOf(uint32_t speaker) const {
    if (static_cast<size_t>(speaker) + 1 >= ranked_begin_.size()) return {};
    return {ranked_.data() + ranked_begin_[speaker], ranked_.data() + ranked_begin_[speaker + 1]};
  }
  // The place of quotes()[i] in its speaker's RankedOf().
  uint32_t RankOf(size_t i) const { return rank_of_[i]; }
  // How good an example of its speaker's voice a quotation is: the speaker's own words (direct
  // or block) before reported speech, the speaker surely identified, a full thought (at least 40
  // bytes, not a whole page), taking a side toward some target.
  static double ExampleScore(bool quoted, double confidence, int64_t bytes, bool side);

  const std::vector<std::string>& speakers() const { return speakers_.values; }
  const std::vector<std::string>& names() const { return names_.values; }
  const std::vector<std::string>& types() const { return types_.values; }
  const std::vector<std::string>& kinds() const { return kinds_.values; }
  const std::vector<std::string>& targets() const { return targets_.values; }
  // The code of a target id, or kNull when no stance row names it; the same for a speaker.
  uint32_t Target(std::string_view id) const;
  uint32_t Speaker(std::string_view id) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  struct Dictionary {
    std::vector<std::string> values;
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> codes;
    uint32_t Code(std::string_view v);
  };
  // Reads the rows after the ones held (all of them when this is empty).
  Status Extend(sqlite3* db, int64_t max_quote, int64_t max_stance);

  int64_t max_quote_ = 0, max_stance_ = 0;  // the state held: largest quotation id, stance rowid
  std::vector<Quote> quotes_;
  std::vector<uint32_t> speaker_;  // per quotation
  std::vector<uint32_t> stance_begin_{0};  // per quotation, plus one past the end
  std::vector<Stance> stance_;
  std::vector<double> stance_confidence_;  // per stance row
  std::vector<uint32_t> article_begin_;  // per article rowid: the first quotation at or after it
  std::vector<uint32_t> ranked_;         // quotation indices by speaker, then RankedOf() order
  std::vector<uint32_t> ranked_begin_;   // per speaker code, plus one past the end
  std::vector<uint32_t> rank_of_;        // per quotation: its place in its speaker's part of ranked_
  Dictionary speakers_, names_, types_, kinds_, targets_;
};

}  // namespace parallax::query
