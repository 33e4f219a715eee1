// Stance: how a text leans toward each of its targets, +1 favourable, -1 critical, 0 neutral
// or mixed, with a confidence and the words that decided it.
//
// Two layers share one reading of the text:
//  - the lexicon baseline (data/stance-lexicon.tsv): evaluative words per language with
//    negation scope (to the end of the clause, at most four words), contrast ("but", "ali",
//    "por", 但: what follows counts more than what precedes), intensifiers and diminishers;
//    each word's weight falls with its distance to the target and across clause breaks;
//  - a linear model (multinomial logistic regression) over the baseline's figures, each
//    evaluative word's place (before or after the target, in its clause or not, attitude or
//    evaluation, sign after negation), and per-language stemmed words: in the text, in the
//    target's clause by side, within five words of the target, the three words on either side
//    of it, and those between it and the next other target. (Word bigrams were tried and
//    dropped: they overfit, 0.665 against 0.676 macro-F1 on held-out NewsMTSC train; so were
//    the words of the target's sentence by side, and quotation marks.) Trained by Train() from
//    gold JSONL; the shipped default (data/stance-model.tsv) is trained by
//    tools/train_stance.sh on English news. A text in a language the model has no words for
//    is read by the lexicon alone (see Model::Speaks).
//
// All offsets are bytes into the text as given. Thread-safe after construction.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/byte_range.h"
#include "base/status.h"

namespace parallax::stance {

// What a text says about one target.
struct Target {
  std::vector<ByteRange> mentions;  // where the target is named (may be empty: the whole text)
};

struct Verdict {
  int polarity = 0;         // -1, 0, +1
  double confidence = 0;    // 0..1
  double score = 0;         // signed lean, even when polarity is 0: the lexicon's score, or P(+1) - P(-1)
  ByteRange evidence;       // the deciding words (empty when none)
};

// One training or evaluation example: a text, its language and one target with gold polarity.
struct Example {
  std::string text, lang;
  ByteRange region;  // the part of `text` to read (empty: all of it)
  Target target;
  std::vector<Target> others;  // the text's other targets (they compete for its words)
  int polarity = 0;
};

class Lexicon;

class Model {
 public:
  // Parses a model file (see Save()); `source` names it in errors.
  static Result<Model> Parse(std::string_view text, const std::string& source);
  static Result<Model> Load(const std::string& path);
  // The shipped default (data/stance-model.tsv).
  static const Model& Default();

  // Plain text: a header of # lines (provenance), then one line per feature: name and the
  // weights of the classes -1, 0, +1.
  std::string Save(const std::string& provenance) const;

  // Multinomial logistic regression by AdaGrad with L2, `epochs` passes in a fixed order
  // (deterministic). Features seen fewer than `min_count` times are dropped.
  static Model Train(const std::vector<Example>& examples, int epochs = 15, int min_count = 2);

  size_t size() const { return weights_.size(); }
  // Whether the model has word features for this lexicon language (see LexiconLanguage). A
  // text in a language the model was not trained on is read by the lexicon alone.
  bool Speaks(std::string_view lang) const;

 private:
  friend class Scorer;
  void NoteLanguages();
  std::unordered_map<std::string, std::array<float, 3>> weights_;
  std::vector<std::string> languages_;
};

class Scorer {
 public:
  // `model` null: the lexicon baseline alone. The model must outlive the scorer.
  explicit Scorer(const Model* model);
  ~Scorer();

  // The stance of `text[region]` toward each target. Words inside any target mention or inside
  // `exclude` (e.g. the speaker's name) never count as evidence.
  std::vector<Verdict> Score(std::string_view text, std::string_view lang, ByteRange region,
                             const std::vector<Target>& targets, const std::vector<ByteRange>& exclude = {}) const;

 private:
  friend class Model;
  const Lexicon& lexicon_;
  const Model* model_;
};

// The language table a BCP-47 language reads with (hr, bs, me -> sr; zh-*, yue -> zh), or "".
std::string_view LexiconLanguage(std::string_view lang);

// Gold examples from JSONL, one object per text:
//   {"text": "...", "lang": "en", "targets": [{"start": 0, "end": 6, "polarity": -1,
//                                              "mentions": [{"start": 40, "end": 43}]}]}
// One example per target; offsets are bytes; a target without start/end is the whole text.
Result<std::vector<Example>> ReadGold(std::string_view jsonl, const std::string& source);

}  // namespace parallax::stance
