// Quotations and their speakers: direct, partial, block and indirect speech, in every
// quotation convention the region's languages use (“…” ‘…’ „…“ „…” »…« «…» ‹…› "…" '…'
// 「…」 『…』 ”…”), nested quotes, and <blockquote> paragraphs.
//
// Quote marks pair by convention and nest; an apostrophe between letters (don’t, Kosovo’s) is
// not a mark. A quotation left open at its paragraph's end continues into the next paragraphs
// when a closing mark ends it within twelve of them (news prints long quotations over several
// sentences or paragraphs, often reopening each); it is then one Quote per paragraph, all with
// the speaker the tag on any piece names. Otherwise it closes at its paragraph's end, so an
// unbalanced mark never derails the rest of the article. A closing mark with no opener ends a
// quotation that began at its paragraph's start. A quotation with no reporting cue and at most three words is a
// `term` (a title, a name, a scare quote) and gets no speaker.
//
// Speakers come from the entity mentions the caller passes (people, organisations, roles)
// and from pronouns: the candidate nearest to a reporting verb (data/reporting-verbs.tsv) in the
// quotation's sentence, never the listener of "told"; a pronoun, or a verb whose subject is
// unstated (Serbian "rekao je"), is the last person quoted by name or the later subject of a
// recent paragraph; a person named earlier in a sentence speaks its quotation that has no verb; a paragraph
// that is wholly a quotation continues the speaker of the quotation before it, or takes the
// speaker of a previous paragraph ending in a colon ("Vučić remarked:").
#pragma once

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/article.h"
#include "base/byte_range.h"
#include "base/hash_table.h"
#include "base/string_scan.h"

namespace parallax::quotes {

enum class Kind { kDirect, kPartial, kBlock, kIndirect, kTerm };
std::string_view KindName(Kind k);

struct Quote {
  ByteRange content;  // the quoted words without marks (indirect: the reported clause)
  Kind kind = Kind::kDirect;
  std::string speaker;         // display name, empty when unknown
  std::string speaker_entity;  // entity id, empty when unknown
  std::string speaker_type;    // person | org | role, empty when unknown
  ByteRange speaker_range;     // the speaker's words in the text (a name, role or pronoun)
  std::string cue;             // the reporting verb as written, empty when none
  double confidence = 0;
};

class QuoteFinder {
 public:
  // Reporting verbs, speaker nouns and given names from data/; `genders` are known speakers'
  // genders by entity id ('m' or 'f', from the packs), so that a pronoun or a gendered verb
  // ("…,” dodala je) refers back to a compatible speaker.
  static std::unique_ptr<QuoteFinder> Create(std::unordered_map<std::string, char> genders = {});

  // `paragraphs` index `text` (empty: lines are paragraphs); `mentions` are the text's entity
  // mentions (entities::Matcher), `lang` its language. Thread-safe.
  std::vector<Quote> Find(std::string_view text, const std::vector<Paragraph>& paragraphs, std::string_view lang,
                          const std::vector<EntityMention>& mentions) const;

 private:
  static std::string EchoKey(std::string_view words, int& spaced);
  static void EchoSpeakers(std::string_view text, std::vector<Quote>& quotes);
  static void NameRoleSpeakers(std::string_view text, const std::vector<EntityMention>& mentions, std::vector<Quote>& quotes);
  struct Verb {
    std::vector<std::string> words;  // folded words ("pointed", "out"); one CJK string for zh
    bool that = false;               // indirect speech may follow with that / da / se
    // The words that open the reported clause: one per language that writes the verb alike
    // (Serbian reče da, Macedonian рече дека: both fold to "rece").
    struct ThatWord {
      std::string folded;
      std::string lower;             // as the table writes it, in lower case (se, not së)
    };
    std::vector<ThatWord> that_words;
    bool subject = false;            // a participle ("saying", "rekavši"): the speaker is the clause's subject
    bool addressee = false;          // "told X": X is the listener, never the speaker
    bool plural = false;             // a plural form (rekli, thanë, рекоа): its subject is no one person
    bool set_off = false;            // counts only set off by commas or a sentence's edge ("Prema policiji, …")
    std::string lang;                // the table's language: en, sr (for hr, bs, me too), mk, sq, zh, de
  };
  // The verbs' language for a document in `lang`, or "" when the table has none for it (then
  // every verb counts).
  std::string_view VerbLanguage(std::string_view lang) const;
  // 'm', 'f' or 0 when unknown: a mention's gender (its entity's, else its first name's).
  char GenderOf(std::string_view entity, std::string_view name, std::string_view type) const;
  // Whether a folded word is a title of person-cues.tsv written with some ending (predsednika,
  // kryeministrit).
  bool TitleForm(std::string_view key) const;
  std::unordered_map<std::string, char> genders_;        // entity id -> gender
  std::unordered_map<std::string, char> given_genders_;  // folded given name -> gender
  std::vector<Verb> verbs_;
  // (verb language or "", first folded word) -> verbs, by HashParts: a document's words are
  // looked up by the hash they carry, among its language's verbs only.
  HashTable64<std::vector<int>> by_first_;
  std::vector<int> cjk_;                                        // verbs matched as substrings
  StringScan cjk_verbs_{{}};                                    // their words, in the order of cjk_
  std::unordered_set<std::string> verb_languages_;              // the languages the table covers
  WordSet speaker_nouns_;  // folded nouns naming unnamed speakers
  // Nouns that name a speaker only right after one of these words (folded): Albanian "tjetër"
  // is "another" after "një" and "other" elsewhere ("diçka krejt tjetër", something else).
  std::unordered_map<std::string, std::vector<std::string>> speaker_noun_after_;
  // Speaker nouns that are also determiners: speakers only when no word they count follows.
  std::unordered_set<std::string> speaker_nouns_alone_;
  WordSet titles_;         // folded titles and occupations (person-cues.tsv)
  // Titles by their first five bytes, for a title written with another ending.
  HashTable64<std::vector<std::string>> titles_by_prefix_;
  // Speaker nouns whole and without their last letter (nouns of 5+ letters).
  WordSet speaker_noun_stems_;
  // Whether some stem begins with a word's first three bytes (by a 16-bit hash of them): most
  // words begin no speaker noun and are passed over with one test.
  static size_t StemStart(std::string_view w) {
    auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
    return (byte(0) * 961 + byte(1) * 31 + byte(2)) & 0xFFFF;
  }
  std::vector<bool> stem_starts_ = std::vector<bool>(1 << 16);
  StringScan cjk_speaker_nouns_{{}};  // the same, matched as substrings
  // Folded nouns that refer back to someone named (data/description-nouns.tsv): true for an
  // organisation's (the airline, aviokompanija), false for a person's (glumac, aktori).
  std::unordered_map<std::string, bool> description_nouns_;
  // Folded words for peoples and their adjectives (data/peoples.tsv): Serbs, Srbi, American.
  std::unordered_set<std::string> peoples_;
  // Folded prepositions per language (data/prepositions.tsv; "sr" also for hr, bs): a name
  // right after one is not a subject, so never a speaker.
  std::unordered_map<std::string, std::unordered_set<std::string>> prepositions_;
};

}  // namespace parallax::quotes
