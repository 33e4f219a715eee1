// Stance aggregates over stored quotations: holder x target tables, voices, and the networks
// researchers continue with in their own tools (actor-target, co-mention, statement table).
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/search.h"

namespace parallax::query {

// One holder's stance toward one target in one period.
struct StanceCell {
  std::string holder, holder_name;  // speaker id and name, or the outlet, country, tag or language
  std::string target, target_name;
  std::string period;               // "" without --interval; 2024-09 or the Monday of the week
  int64_t favourable = 0, neutral = 0, critical = 0;
  double net = 0;                   // (favourable - critical) / all, in -1..1
  QuoteRow strongest;               // the most confident quotation of the prevailing side
};

struct StanceQuery {
  std::string target;         // entity id; "" all targets
  std::string by = "speaker";  // speaker | outlet | country | tag | lang
  std::string interval;       // "" | week | month
  std::string speaker;        // entity id; "" all speakers
};

// Cells ordered by the number of quotations, then holder and target, then period. A holder's
// name is the one its earliest quotation gives. With `articles`, a table by speaker or outlet
// filtered at most by date and outlet is counted from in-memory columns (ArticleColumns,
// QuoteColumns), with the same cells as the SQL.
Result<std::vector<StanceCell>> StanceTable(sqlite3* db, const Filters& f, const StanceQuery& q,
                                            ArticleColumns* articles = nullptr);

// The most quoted speakers on a topic (articles matching `query`, quotations concerning
// `target` when given), with their outlets, stance per target and representative quotations.
struct TargetCounts {
  std::string target, name;
  int64_t favourable = 0, neutral = 0, critical = 0;
};
struct Voice {
  std::string entity, name, type;
  int64_t quotes = 0;
  std::string first_day, last_day;
  std::vector<std::string> outlets;    // most quoting first
  std::vector<TargetCounts> stance;    // most concerned target first
  std::vector<QuoteRow> examples;      // up to `examples` quotations, different outlets first
};
// With `articles`, a query with at most date and outlet filters is answered from in-memory
// columns (ArticleColumns, QuoteColumns), with the same voices as the SQL.
Result<std::vector<Voice>> Voices(sqlite3* db, std::string_view query, const Filters& f, std::string_view target,
                                  int64_t limit, int examples = 3, ArticleColumns* articles = nullptr);
// Voices for either store, in two steps so that a topic's quotations are never all held with
// their words: Add() every attributed quotation, in any order (only its speaker, day, outlet,
// kind, confidence and length are kept, under a key the store chooses that orders quotations
// as the store does; ties between examples go to the earliest), then Finish() ranks the
// speakers and completes only the quotations it shows. A store that reads each quotation's
// stance with it passes it to AddStance(); otherwise Finish() reads the top speakers' stance.
class VoiceTally {
 public:
  // Fills the stance of quotations given as stubs (only id, the key, is set).
  using StanceFn = std::function<Status(std::vector<QuoteRow>&)>;
  // Replaces each stub by the stored quotation with its key (words, article, citation); a stub
  // whose quotation is gone is left with an empty article.
  using CompleteFn = std::function<Status(std::vector<QuoteRow>&)>;

  // `text_hash`: a hash of the quoted words when the store can give one without reading them (0
  // when not): a candidate example repeating a chosen one's words is then passed over unread.
  void Add(int64_t key, std::string_view speaker_entity, std::string_view speaker, std::string_view speaker_type,
           std::string_view day, std::string_view outlet, std::string_view kind, double confidence, int64_t bytes,
           uint64_t text_hash = 0);
  // One stance of the quotation added last.
  void AddStance(std::string_view target, std::string_view name, int polarity);

  // A store that holds its quotations as dictionary codes hands over its dictionaries once, then
  // adds by code (kNoCode: unset), the same quotations as Add() would give. Not mixed with Add().
  static constexpr uint32_t kNoCode = UINT32_MAX;
  struct Dictionaries {
    std::vector<std::string> speakers, names, types, days, outlets, targets;
    std::function<std::string(std::string_view target)> target_name;  // display name of a target id
  };
  void Adopt(Dictionaries d);
  void AddCoded(int64_t key, uint32_t speaker, uint32_t name, uint32_t type, uint32_t day, uint32_t outlet,
                bool quoted, double confidence, int64_t bytes, uint64_t text_hash = 0);
  void AddStanceCoded(uint32_t target, int polarity);

  Result<std::vector<Voice>> Finish(int64_t limit, int examples, const StanceFn& attach_stance,
                                    const CompleteFn& complete);

 private:
  struct Quote {
    int64_t key, bytes;
    double confidence;
    uint64_t text_hash;
    uint32_t outlet;
    bool quoted;  // direct or block: the speaker's own words
    bool side;    // takes a side toward some target
  };
  struct Speaker {
    uint32_t entity = kNoCode, name = kNoCode, type = kNoCode;
    uint32_t first_day = kNoCode, last_day = kNoCode;
    int64_t first_key = 0;
    std::vector<Quote> quotes;
    std::map<uint32_t, std::array<int64_t, 3>> stance;  // target -> critical, neutral, favourable
  };
  // Strings seen in many rows, stored once, by code.
  struct Names {
    std::vector<std::string> names;
    std::map<std::string, uint32_t, std::less<>> index;  // for Intern(); empty after Adopt()
    uint32_t Intern(std::string_view s);
    const std::string& Of(uint32_t code) const;  // "" for kNoCode
  };
  // Counts `stance` of speaker `s`'s quotation `q`.
  void Count(Speaker& s, Quote& q, uint32_t target, int polarity);
  bool DayBefore(uint32_t a, uint32_t b) const;
  const std::string& TargetName(uint32_t t);

  std::vector<Speaker> speakers_;
  std::vector<uint32_t> speaker_slot_;  // by speaker code: index in speakers_, or kNoCode
  Names entities_, names_, types_, days_, outlets_, targets_;
  std::vector<uint32_t> day_rank_;        // by day code, when the days were adopted
  std::vector<std::string> target_names_;  // by target code ("" not yet known)
  std::vector<bool> target_named_;
  std::function<std::string(std::string_view)> target_name_;
  size_t last_ = SIZE_MAX;  // the speaker of the quotation added last
  bool stance_added_ = false;
};

// Weighted edges between entities.
struct Edge {
  std::string source, source_name, source_type, target, target_name, target_type;
  int64_t weight = 0;                                // quotations (actor-target) or articles (co-mention)
  int64_t favourable = 0, neutral = 0, critical = 0;  // actor-target only
};
// Speaker -> target, from stored stance.
Result<std::vector<Edge>> ActorTargetEdges(sqlite3* db, const Filters& f, std::string_view target);
// Entities named in the same article, among the `top` most mentioned (people, organisations,
// places, topics); weight = articles naming both.
Result<std::vector<Edge>> CoMentionEdges(sqlite3* db, const Filters& f, int64_t top);

// The entities most often named in the articles matching `query` and the filters (people,
// organisations, places, topics), by number of articles.
struct EntityCount {
  std::string entity, name, type;
  int64_t articles = 0;
};
Result<std::vector<EntityCount>> TopEntities(sqlite3* db, std::string_view query, const Filters& f, int64_t limit);

// One row per quotation and target with a stance, in the shape Discourse Network Analyzer
// imports: actor, concept, agreement, date, source (the outlet), plus the words and citation.
struct Statement {
  std::string actor, actor_id, concept_name, concept_id, date, source, title, url, text;
  int polarity = 0;
};
Result<std::vector<Statement>> Statements(sqlite3* db, const Filters& f, std::string_view target);

}  // namespace parallax::query
