//! Timeline summarisation (TLS) scores against Timeline17-style gold
//! timelines, computed as the literature computes them: with tilse
//! (Martschat and Markert 2017, 2018) over ROUGE-1.5.5, the way news-tls
//! (Ghalandari and Ifrim 2020) calls it, without Perl. On 83 timeline
//! pairs (Timeline17 gold against shifted and cross-topic copies, and
//! generated timelines full of stop words, inflections and punctuation)
//! all fifteen numbers equal those of tilse 0.2.1 and its ROUGE-1.5.5 to
//! within 1e-16.
//!
//! **Date F1.** P = |system dates ∩ reference dates| / |system dates|,
//! R = the same over reference dates, F1 = 2PR / (P + R).
//!
//! **ROUGE tokens.** As ROUGE-1.5.5 reads a summary with tilse's options
//! (`-m -s`, raw counts): a sentence is cut at its first `<` (pyrouge
//! writes it into an HTML line), `^` becomes the word `circ` (pyrouge
//! writes `&circ;`), ASCII letters are lower-cased, and tokens are the
//! maximal runs of ASCII letters and digits (any other character,
//! hyphens included, separates). Tokens on ROUGE's stop-word list (its
//! `smart_common_words.txt`: SMART's list plus `reuters`, `ap`, month
//! and weekday abbreviations, `news`, `index` and the like) are dropped,
//! and a token of more than three characters is stemmed: its WordNet 2.0
//! base form when WordNet lists it as an irregular inflection, otherwise
//! its Porter stem (see `porter.rs`). The tokens of a day's sentences are
//! one sequence, so n-grams run across sentence boundaries.
//!
//! **Concatenated ROUGE-N** (N = 1, 2; tilse's `concat`): each timeline's
//! token sequences, dates ascending, are joined into one. The hits are
//! the clipped n-gram overlap, Σ over n-grams of min(system count,
//! reference count); P = hits / system n-grams, R = hits / reference
//! n-grams.
//!
//! **Alignment-based ROUGE-N** (tilse's `align_date_content_costs_many_to_one`,
//! "align+ m:1"). The cost of pairing system date s with reference date r
//! is (1 − 1/(|s − r| + 1)) · (1 − F), where |s − r| is in days and F is
//! tilse's approximate ROUGE-1 F1 of the two days' summaries: tokens split
//! on whitespace, case kept, not stemmed, without tokens that are a
//! substring of ASCII punctuation (`.`, `,`, `(`…); F = 2pr / (p + r) over
//! clipped token matches. So a same-day pair costs 0 whatever it says.
//! For precision each system date goes to the reference date of least
//! cost, for recall each reference date to the system date of least cost,
//! the earliest date on ties (so a shifted copy of a timeline pairs some
//! dates with the wrong day's summary). With hits the clipped overlap of
//! a pair's two days and w = 1/(|s − r| + 1),
//! P = Σ over system dates of w · hits / Σ system n-grams, and
//! R = Σ over reference dates of w · hits / Σ reference n-grams.
//!
//! Every F1 is 2PR / (P + R), and 0 when P + R = 0; a ratio with nothing
//! to divide by (an empty timeline) is 0, where tilse would fail.
//! [`TlsScore::mean`] averages as tilse's `Scores` and news-tls do: P and
//! R are averaged over timelines and F1 is computed from the two means.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::civil::Date;
use serde::Serialize;

use crate::porter::rouge_stem;
use crate::{Error, Prf};

/// One dated entry of a timeline summary: a day and its sentences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DatedSummary {
    /// The day.
    pub date: Date,
    /// What happened that day, one sentence per string.
    pub sentences: Vec<String>,
}

/// A timeline summary, dates ascending, one entry per date.
///
/// [`TimelineSummary::from_entries`] and the readers keep that order;
/// [`score_tls`] does not rely on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TimelineSummary {
    /// The entries.
    pub entries: Vec<DatedSummary>,
}

impl TimelineSummary {
    /// Sorts entries by date and merges entries of the same date, keeping
    /// their sentences in the order given.
    ///
    /// ```
    /// use dateline_eval::{DatedSummary, TimelineSummary};
    /// use jiff::civil::date;
    /// let entry = |day, text: &str| DatedSummary { date: date(2009, 5, day), sentences: vec![text.into()] };
    /// let timeline = TimelineSummary::from_entries([entry(4, "c"), entry(1, "a"), entry(1, "b")]);
    /// assert_eq!(timeline.len(), 2);
    /// assert_eq!(timeline.entries[0].sentences, ["a", "b"]);
    /// assert_eq!(timeline.first_date(), Some(date(2009, 5, 1)));
    /// assert_eq!(timeline.mean_sentences_per_date(), 1.5);
    /// ```
    pub fn from_entries(entries: impl IntoIterator<Item = DatedSummary>) -> TimelineSummary {
        let mut by_date: BTreeMap<Date, Vec<String>> = BTreeMap::new();
        for entry in entries {
            by_date.entry(entry.date).or_default().extend(entry.sentences);
        }
        let entries = by_date.into_iter().map(|(date, sentences)| DatedSummary { date, sentences }).collect();
        TimelineSummary { entries }
    }

    /// The dates, in entry order.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.entries.iter().map(|entry| entry.date)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The earliest date.
    pub fn first_date(&self) -> Option<Date> {
        self.dates().min()
    }

    /// The latest date.
    pub fn last_date(&self) -> Option<Date> {
        self.dates().max()
    }

    /// The number of sentences over all dates.
    pub fn sentence_count(&self) -> usize {
        self.entries.iter().map(|entry| entry.sentences.len()).sum()
    }

    /// Sentences per date (0 when empty); news-tls asks systems for this
    /// many, rounded, per date.
    pub fn mean_sentences_per_date(&self) -> f64 {
        if self.entries.is_empty() {
            0.0
        } else {
            self.sentence_count() as f64 / self.entries.len() as f64
        }
    }

    /// The sentences of a date, when it has an entry.
    pub fn sentences_on(&self, date: Date) -> Option<&[String]> {
        self.entries.iter().find(|entry| entry.date == date).map(|entry| entry.sentences.as_slice())
    }
}

/// Reads a Timeline17 gold timeline file (see [`parse_t17_timeline`]);
/// errors name the file, and the line when there is one.
///
/// ```
/// use std::path::Path;
/// let error = dateline_eval::read_t17_timeline(Path::new("no/such/timeline.txt")).unwrap_err();
/// assert!(error.message().contains("no/such/timeline.txt"));
/// ```
pub fn read_t17_timeline(path: &Path) -> Result<TimelineSummary, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| Error::file(format!("cannot read {}: {error}", path.display())))?;
    parse_t17_timeline(&text, &path.display().to_string())
}

/// Parses a timeline in the Timeline17 format: blocks separated by a line
/// of dashes, each a `YYYY-MM-DD` line and then one sentence per line.
/// Blank lines are skipped and lines are trimmed; a date line without a
/// separator before it starts a new block. Blocks of one date are merged
/// (Timeline17 has such dates; tilse's and news-tls's readers keep only the
/// last block). `origin` names the text in errors.
///
/// ```
/// use jiff::civil::date;
/// let text = "2009-05-04\nFifth case .\n----\n2009-05-01\nA case .\n----\n2009-05-01\nAnother .\n";
/// let timeline = dateline_eval::parse_t17_timeline(text, "bbc.txt").unwrap();
/// assert_eq!(timeline.dates().collect::<Vec<_>>(), [date(2009, 5, 1), date(2009, 5, 4)]);
/// assert_eq!(timeline.entries[0].sentences, ["A case .", "Another ."]);
///
/// let error = dateline_eval::parse_t17_timeline("2011-04-0\nJury selection begins .\n", "mj.txt").unwrap_err();
/// assert_eq!(error.line_number(), Some(1));
/// assert!(error.message().contains("mj.txt"));
/// ```
pub fn parse_t17_timeline(text: &str, origin: &str) -> Result<TimelineSummary, Error> {
    let mut entries = Vec::new();
    let mut current: Option<DatedSummary> = None;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.len() >= 3 && line.bytes().all(|b| b == b'-') {
            entries.extend(current.take());
            continue;
        }
        let date_shaped = is_date_shaped(line);
        if current.is_none() || date_shaped {
            let date = date_shaped.then(|| parse_date(line)).flatten().ok_or_else(|| {
                Error::line(index + 1, format!("expected a date (YYYY-MM-DD) in {origin}, found {line:?}"))
            })?;
            entries.extend(current.replace(DatedSummary { date, sentences: Vec::new() }));
        } else if let Some(entry) = current.as_mut() {
            entry.sentences.push(line.to_string());
        }
    }
    entries.extend(current);
    Ok(TimelineSummary::from_entries(entries))
}

/// `dddd-dd-dd`.
fn is_date_shaped(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() == 10
        && bytes
            .iter()
            .enumerate()
            .all(|(i, &b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
}

fn parse_date(line: &str) -> Option<Date> {
    let year = line[0..4].parse().ok()?;
    let month = line[5..7].parse().ok()?;
    let day = line[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Scores of one system timeline against one reference timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TlsScore {
    /// Date selection.
    pub date: Prf,
    /// ROUGE-1 of the concatenated summaries.
    pub concat_rouge1: Prf,
    /// ROUGE-2 of the concatenated summaries.
    pub concat_rouge2: Prf,
    /// Alignment-based ROUGE-1 (align+ m:1).
    pub align_rouge1: Prf,
    /// Alignment-based ROUGE-2 (align+ m:1).
    pub align_rouge2: Prf,
}

impl TlsScore {
    /// The average over timelines as tilse and news-tls report it: mean P,
    /// mean R, and F1 of those two means (not the mean F1). Zeros when
    /// `scores` is empty.
    ///
    /// ```
    /// use dateline_eval::{Prf, TlsScore};
    /// let with_date = |p, r| TlsScore { date: Prf { p, r, f1: 0.0 }, ..TlsScore::default() };
    /// let mean = TlsScore::mean(&[with_date(1.0, 0.0), with_date(0.0, 1.0)]);
    /// assert_eq!((mean.date.p, mean.date.r, mean.date.f1), (0.5, 0.5, 0.5));
    /// ```
    pub fn mean(scores: &[TlsScore]) -> TlsScore {
        if scores.is_empty() {
            return TlsScore::default();
        }
        let n = scores.len() as f64;
        let average = |pick: fn(&TlsScore) -> Prf| {
            let p = scores.iter().map(|score| pick(score).p).sum::<f64>() / n;
            let r = scores.iter().map(|score| pick(score).r).sum::<f64>() / n;
            prf(p, r)
        };
        TlsScore {
            date: average(|score| score.date),
            concat_rouge1: average(|score| score.concat_rouge1),
            concat_rouge2: average(|score| score.concat_rouge2),
            align_rouge1: average(|score| score.align_rouge1),
            align_rouge2: average(|score| score.align_rouge2),
        }
    }
}

/// Scores a system timeline against a reference timeline as tilse does
/// (see the module documentation for the definitions).
///
/// ```
/// use dateline_eval::{score_tls, DatedSummary, TimelineSummary};
/// use jiff::civil::date;
/// let day = |d, text: &str| DatedSummary { date: date(2010, 1, d), sentences: vec![text.into()] };
/// let reference = TimelineSummary::from_entries([day(12, "An earthquake strikes Haiti .")]);
/// // The right summary one day late: full concatenated ROUGE, half the aligned credit.
/// let system = TimelineSummary::from_entries([day(13, "An earthquake strikes Haiti .")]);
/// let score = score_tls(&system, &reference);
/// assert_eq!(score.date.f1, 0.0);
/// assert_eq!(score.concat_rouge1.f1, 1.0);
/// assert_eq!(score.align_rouge1.f1, 0.5);
/// ```
pub fn score_tls(system: &TimelineSummary, reference: &TimelineSummary) -> TlsScore {
    let system = Day::all(system);
    let reference = Day::all(reference);
    let shared = system.iter().filter(|day| reference.iter().any(|other| other.date == day.date)).count();
    let date = prf(ratio(shared as f64, system.len()), ratio(shared as f64, reference.len()));

    let concat = |days: &[Day]| days.iter().flat_map(|day| day.tokens.iter().cloned()).collect::<Vec<_>>();
    let (system_text, reference_text) = (concat(&system), concat(&reference));
    let concat_rouge = |n| {
        let counts = overlap(&system_text, &reference_text, n);
        let hits = counts.hits as f64;
        prf(ratio(hits, counts.system), ratio(hits, counts.reference))
    };

    let costs: Vec<Vec<f64>> =
        system.iter().map(|s| reference.iter().map(|r| alignment_cost(s, r)).collect()).collect();
    let precision_pairs: Vec<(usize, usize)> =
        costs.iter().enumerate().filter_map(|(s, row)| least(row.iter().copied()).map(|r| (s, r))).collect();
    let recall_pairs: Vec<(usize, usize)> =
        (0..reference.len()).filter_map(|r| least(costs.iter().map(|row| row[r])).map(|s| (s, r))).collect();
    let align_rouge = |n| {
        let weighted_hits = |pairs: &[(usize, usize)]| {
            let hits = pairs.iter().map(|&(s, r)| {
                let weight = date_weight(system[s].date, reference[r].date);
                weight * overlap(&system[s].tokens, &reference[r].tokens, n).hits as f64
            });
            hits.sum::<f64>()
        };
        // Every date of one side is paired unless the other side is empty,
        // and then there is nothing to credit: the totals are the
        // denominators either way.
        let system_total = system.iter().map(|day| ngram_count(&day.tokens, n)).sum();
        let reference_total = reference.iter().map(|day| ngram_count(&day.tokens, n)).sum();
        prf(
            ratio(weighted_hits(&precision_pairs), system_total),
            ratio(weighted_hits(&recall_pairs), reference_total),
        )
    };

    TlsScore {
        date,
        concat_rouge1: concat_rouge(1),
        concat_rouge2: concat_rouge(2),
        align_rouge1: align_rouge(1),
        align_rouge2: align_rouge(2),
    }
}

/// One date of a timeline, analysed for both ROUGE and the alignment.
struct Day<'a> {
    date: Date,
    /// ROUGE's tokens.
    tokens: Vec<String>,
    /// tilse's alignment words and their counts.
    words: HashMap<&'a str, usize>,
    word_total: usize,
}

impl<'a> Day<'a> {
    /// The dates of a timeline, ascending, entries of one date merged.
    fn all(timeline: &'a TimelineSummary) -> Vec<Day<'a>> {
        let mut by_date: BTreeMap<Date, Vec<&'a str>> = BTreeMap::new();
        for entry in &timeline.entries {
            by_date.entry(entry.date).or_default().extend(entry.sentences.iter().map(String::as_str));
        }
        by_date.into_iter().map(|(date, sentences)| Day::new(date, &sentences)).collect()
    }

    fn new(date: Date, sentences: &[&'a str]) -> Day<'a> {
        let mut tokens = Vec::new();
        let mut words = HashMap::new();
        let mut word_total = 0;
        for sentence in sentences {
            rouge_tokens(sentence, &mut tokens);
            for word in sentence.split(is_python_space).filter(|w| !w.is_empty() && !PUNCTUATION.contains(w))
            {
                *words.entry(word).or_insert(0) += 1;
                word_total += 1;
            }
        }
        Day { date, tokens, words, word_total }
    }
}

/// Appends the ROUGE tokens of one sentence (see the module documentation).
fn rouge_tokens(sentence: &str, tokens: &mut Vec<String>) {
    let visible = sentence.split('<').next().unwrap_or_default();
    let mut word = String::new();
    let mut finish = |word: &mut String| {
        if !word.is_empty() && STOP_WORDS.binary_search(&word.as_str()).is_err() {
            tokens.push(rouge_stem(word));
        }
        word.clear();
    };
    for c in visible.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else {
            finish(&mut word);
            if c == '^' {
                word.push_str("circ");
                finish(&mut word);
            }
        }
    }
    finish(&mut word);
}

/// What Python's `str.split()` splits on.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `string.punctuation`: tilse drops words that are substrings of it.
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;

/// tilse's cost of pairing a system date with a reference date.
fn alignment_cost(system: &Day, reference: &Day) -> f64 {
    (1.0 - date_weight(system.date, reference.date)) * (1.0 - approximate_rouge1(system, reference))
}

/// tilse's `compute_rouge_approximation`: unigram F1 on raw words.
fn approximate_rouge1(system: &Day, reference: &Day) -> f64 {
    let matches: usize =
        system.words.iter().map(|(word, &n)| n.min(reference.words.get(word).copied().unwrap_or(0))).sum();
    let p = ratio(matches as f64, system.word_total);
    let r = ratio(matches as f64, reference.word_total);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// 1 / (days apart + 1).
fn date_weight(a: Date, b: Date) -> f64 {
    let days = u64::from((a - b).get_days().unsigned_abs());
    1.0 / (days + 1) as f64
}

/// The index of the least value, the first one on ties (NumPy's `argmin`).
fn least(values: impl Iterator<Item = f64>) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, value) in values.enumerate() {
        if best.is_none_or(|(_, least)| value < least) {
            best = Some((i, value));
        }
    }
    best.map(|(i, _)| i)
}

/// Clipped n-gram overlap and the n-gram counts of both sides.
struct Overlap {
    hits: usize,
    system: usize,
    reference: usize,
}

fn overlap(system: &[String], reference: &[String], n: usize) -> Overlap {
    let system_grams = ngrams(system, n);
    let reference_grams = ngrams(reference, n);
    let hits =
        reference_grams.iter().map(|(gram, &count)| count.min(*system_grams.get(gram).unwrap_or(&0))).sum();
    Overlap { hits, system: ngram_count(system, n), reference: ngram_count(reference, n) }
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

fn ngram_count(tokens: &[String], n: usize) -> usize {
    (tokens.len() + 1).saturating_sub(n)
}

fn ratio(numerator: f64, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator / denominator as f64
    }
}

fn prf(p: f64, r: f64) -> Prf {
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

/// ROUGE-1.5.5's `smart_common_words.txt`, the entries that can be a token
/// (all letters and digits), sorted for binary search.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "a", "able", "about", "above", "according", "accordingly", "across", "actually", "after", "afterwards",
    "again", "against", "all", "allow", "allows", "almost", "alone", "along", "already", "also", "although",
    "always", "am", "amid", "among", "amongst", "an", "and", "another", "any", "anybody", "anyhow",
    "anyone", "anything", "anyway", "anyways", "anywhere", "ap", "apart", "appear", "appreciate",
    "appropriate", "apr", "are", "around", "as", "aside", "ask", "asking", "associated", "at", "aug",
    "available", "away", "awfully", "b", "be", "became", "because", "become", "becomes", "becoming", "been",
    "before", "beforehand", "behind", "being", "believe", "below", "beside", "besides", "best", "better",
    "between", "beyond", "both", "brief", "but", "by", "c", "came", "can", "cannot", "cant", "cause",
    "causes", "certain", "certainly", "changes", "clearly", "co", "com", "come", "comes", "concerning",
    "consequently", "consider", "considering", "contain", "containing", "contains", "corresponding",
    "could", "course", "currently", "d", "dec", "definitely", "described", "despite", "did", "different",
    "do", "does", "doing", "done", "down", "downwards", "during", "e", "each", "edu", "eg", "eight",
    "either", "else", "elsewhere", "enough", "entirely", "especially", "et", "etc", "even", "ever", "every",
    "everybody", "everyone", "everything", "everywhere", "ex", "exactly", "example", "except", "f", "far",
    "feb", "few", "fifth", "five", "followed", "following", "follows", "for", "former", "formerly", "forth",
    "four", "fri", "from", "further", "furthermore", "g", "get", "gets", "getting", "given", "gives", "go",
    "goes", "going", "gone", "got", "gotten", "greetings", "h", "had", "happens", "hardly", "has", "have",
    "having", "he", "hello", "help", "hence", "her", "here", "hereafter", "hereby", "herein", "hereupon",
    "hers", "herself", "hi", "him", "himself", "his", "hither", "hopefully", "how", "howbeit", "however",
    "i", "ie", "if", "ignored", "immediate", "in", "inasmuch", "inc", "indeed", "index", "indicate",
    "indicated", "indicates", "inner", "insofar", "instead", "into", "inward", "is", "it", "its", "itself",
    "j", "jan", "jul", "jun", "just", "k", "keep", "keeps", "kept", "know", "known", "knows", "l", "lately",
    "later", "latter", "latterly", "least", "less", "lest", "let", "like", "liked", "likely", "little",
    "look", "looking", "looks", "ltd", "m", "mainly", "many", "mar", "may", "maybe", "me", "mean",
    "meanwhile", "merely", "might", "mon", "more", "moreover", "most", "mostly", "much", "must", "my",
    "myself", "n", "namely", "nd", "near", "nearly", "necessary", "need", "needs", "neither", "never",
    "nevertheless", "new", "news", "next", "nine", "no", "nobody", "non", "none", "noone", "nor",
    "normally", "not", "nothing", "nov", "novel", "now", "nowhere", "o", "obviously", "oct", "of", "off",
    "often", "oh", "ok", "okay", "old", "on", "once", "one", "ones", "only", "onto", "or", "other",
    "others", "otherwise", "ought", "our", "ours", "ourselves", "out", "outside", "over", "overall", "own",
    "p", "particular", "particularly", "per", "perhaps", "placed", "please", "plus", "possible",
    "presumably", "probably", "provides", "q", "que", "quite", "qv", "r", "rather", "rd", "re", "really",
    "reasonably", "regarding", "regardless", "regards", "relatively", "respectively", "reuters", "right",
    "s", "said", "same", "sat", "saw", "say", "saying", "says", "second", "secondly", "see", "seeing",
    "seem", "seemed", "seeming", "seems", "seen", "self", "selves", "sensible", "sent", "sep", "serious",
    "seriously", "seven", "several", "shall", "she", "should", "since", "six", "so", "some", "somebody",
    "somehow", "someone", "something", "sometime", "sometimes", "somewhat", "somewhere", "soon", "sorry",
    "specified", "specify", "specifying", "still", "sub", "such", "sup", "sure", "t", "take", "taken",
    "tech", "tell", "tends", "th", "than", "thank", "thanks", "thanx", "that", "thats", "the", "their",
    "theirs", "them", "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore",
    "therein", "theres", "thereupon", "these", "they", "think", "third", "this", "thorough", "thoroughly",
    "those", "though", "three", "through", "throughout", "thru", "thu", "thus", "to", "together", "too",
    "took", "toward", "towards", "tried", "tries", "truly", "try", "trying", "tue", "twice", "two", "u",
    "un", "under", "unfortunately", "unless", "unlikely", "until", "unto", "up", "upon", "us", "use",
    "used", "useful", "uses", "using", "usually", "uucp", "v", "value", "various", "very", "via", "viz",
    "vs", "w", "want", "wants", "was", "way", "we", "wed", "welcome", "well", "went", "were", "what",
    "whatever", "when", "whence", "whenever", "where", "whereafter", "whereas", "whereby", "wherein",
    "whereupon", "wherever", "whether", "which", "while", "whither", "who", "whoever", "whole", "whom",
    "whose", "why", "will", "willing", "wish", "with", "within", "without", "wonder", "would", "x", "y",
    "yes", "yet", "you", "your", "yours", "yourself", "yourselves", "z", "zero",
];

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn timeline(days: &[(i8, &str)]) -> TimelineSummary {
        let entry = |&(day, text): &(i8, &str)| DatedSummary {
            date: date(2020, 1, day),
            sentences: text.split(" | ").map(String::from).collect(),
        };
        TimelineSummary::from_entries(days.iter().map(entry))
    }

    fn assert_prf(actual: Prf, p: f64, r: f64, f1: f64) {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(actual.p, p) && close(actual.r, r) && close(actual.f1, f1),
            "{actual:?} != {p} {r} {f1}"
        );
    }

    #[test]
    fn tls_scores_of_a_hand_computed_example() {
        let system = timeline(&[(1, "Storm hits coast ."), (3, "Floods close roads .")]);
        let reference = timeline(&[
            (1, "Storm hits the coast ."),
            (2, "Roads close after floods ."),
            (5, "Rain stops ."),
        ]);
        let score = score_tls(&system, &reference);
        // Dates: only 01-01 is shared. P = 1/2, R = 1/3, F1 = 2·(1/6)/(5/6) = 0.4.
        assert_prf(score.date, 0.5, 1.0 / 3.0, 0.4);
        // ROUGE tokens ("the", "after" are stop words; hits → hit, floods → flood, ...):
        //   system    storm hit coast | flood close road
        //   reference storm hit coast | road close flood | rain stop
        // Concatenated ROUGE-1: all 6 system unigrams match; 8 reference unigrams.
        // P = 6/6, R = 6/8, F1 = 1.5/1.75 = 6/7.
        assert_prf(score.concat_rouge1, 1.0, 0.75, 6.0 / 7.0);
        // Concatenated ROUGE-2: "storm hit", "hit coast" match, of 5 system and
        // 7 reference bigrams. P = 2/5, R = 2/7, F1 = 1/3.
        assert_prf(score.concat_rouge2, 0.4, 2.0 / 7.0, 1.0 / 3.0);
        // Alignment costs (1 − 1/(days + 1)) · (1 − F), F on raw words, case kept:
        //   sys 01-01 → ref 01-01 (cost 0).
        //   sys 01-03: ref 01-01 costs 2/3 · 1; ref 01-02 costs 1/2 · (1 − 2/7), as only
        //   "close" matches ("Floods" ≠ "floods"), p = 1/3, r = 1/4, F = 2/7; ref 01-05
        //   costs 2/3 · 1. So → ref 01-02, weight 1/2.
        // Precision: (1·3 + 1/2·3) / (3 + 3) = 0.75.
        //   ref 01-01 → sys 01-01 (weight 1, 3 hits); ref 01-02 → sys 01-03 (cost 5/14
        //   beats 1/2; weight 1/2, 3 hits); ref 01-05 → sys 01-03 (2/3 beats 4/5; 0 hits).
        // Recall: (3 + 1.5 + 0) / (3 + 3 + 2) = 0.5625. F1 = 2·0.75·0.5625/1.3125 = 9/14.
        assert_prf(score.align_rouge1, 0.75, 0.5625, 9.0 / 14.0);
        // Aligned ROUGE-2: only 01-01's two bigrams match, with weight 1.
        // P = 2/(2 + 2) = 0.5, R = 2/(2 + 2 + 1) = 0.4, F1 = 0.4/0.9.
        assert_prf(score.align_rouge2, 0.5, 0.4, 0.4 / 0.9);
    }

    #[test]
    fn tls_scores_equal_rouge_1_5_5_through_tilse() {
        // Expected values from tilse 0.2.1 running its ROUGE-1.5.5. ROUGE tokens:
        //   system    child accompany troop swine flu case rise lrb 27 rrb caf close
        //             gener circ condit 2009
        //   reference child accompani troop case swine flu rise 27 cafe close repair
        //             mondai condit gener 2009
        // (stop words such as "u", "s", "said", "reuters" dropped; WordNet gives
        // children → child, accompanied → accompany, rose → rise; "<b> for repairs"
        // is cut; x^y is x circ y; café is caf.)
        let system = timeline(&[
            (1, "The Children accompanied U.S. troops . | Swine-flu cases rose -LRB- 27 -RRB- ."),
            (4, "Reuters said the caf\u{e9} was closed <b> for repairs ."),
            (9, "Generalization of x^y conditions in 2009 ."),
        ]);
        let reference = timeline(&[
            (1, "A child accompanies the troops . | Cases of swine flu rose to 27 ."),
            (3, "The cafe closed for repairs on Monday ."),
            (8, "Conditions generalized in 2009 ."),
        ]);
        let score = score_tls(&system, &reference);
        assert_prf(score.date, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0);
        assert_prf(score.concat_rouge1, 0.6875, 0.7333333333333333, 0.7096774193548386);
        assert_prf(score.concat_rouge2, 0.06666666666666667, 0.07142857142857142, 0.0689655172413793);
        assert_prf(score.align_rouge1, 0.5625, 0.6, 0.5806451612903225);
        assert_prf(score.align_rouge2, 0.07692307692307693, 0.08333333333333333, 0.08);
    }

    #[test]
    fn tls_reader_merges_repeated_dates_and_names_a_bad_date_line() {
        let text = "2009-05-04\r\nFifth case .  \n--------------------------------\n2009-05-01\nA case .\n\n\
                    ----\n2009-05-01\nAnother case .\nAnd more .\n2009-04-29\nNo separator before me .\n";
        let timeline = parse_t17_timeline(text, "test.txt").unwrap();
        assert_eq!(
            timeline.dates().collect::<Vec<_>>(),
            [date(2009, 4, 29), date(2009, 5, 1), date(2009, 5, 4)]
        );
        assert_eq!(
            timeline.sentences_on(date(2009, 5, 1)).unwrap(),
            ["A case .", "Another case .", "And more ."]
        );
        assert_eq!(timeline.sentences_on(date(2009, 5, 4)).unwrap(), ["Fifth case ."]);
        assert_eq!(timeline.sentence_count(), 5);
        assert_eq!(timeline.last_date(), Some(date(2009, 5, 4)));

        let bad = "2011-03-03\nThe trial is delayed .\n----\n2011-04-0\nJury selection begins .\n";
        let error = parse_t17_timeline(bad, "bbc.co.uk.txt").unwrap_err();
        assert_eq!(error.line_number(), Some(4));
        assert_eq!(
            error.to_string(),
            "line 4: expected a date (YYYY-MM-DD) in bbc.co.uk.txt, found \"2011-04-0\""
        );
        let impossible = parse_t17_timeline("2009-02-30\nA .\n", "x").unwrap_err();
        assert_eq!(impossible.line_number(), Some(1));
        assert!(parse_t17_timeline("", "x").unwrap().is_empty());
    }

    #[test]
    fn tls_perfect_system_scores_one_everywhere() {
        let reference = timeline(&[(1, "Storm hits coast ."), (3, "Floods close roads . | Rain stops .")]);
        let score = score_tls(&reference, &reference);
        for prf in
            [score.date, score.concat_rouge1, score.concat_rouge2, score.align_rouge1, score.align_rouge2]
        {
            assert_prf(prf, 1.0, 1.0, 1.0);
        }
    }

    #[test]
    fn tls_empty_timelines_score_zero_not_nan() {
        let reference = timeline(&[(1, "Storm hits coast .")]);
        let empty = TimelineSummary::default();
        for score in [score_tls(&empty, &reference), score_tls(&reference, &empty), score_tls(&empty, &empty)]
        {
            assert_eq!(score, TlsScore::default());
        }
        assert_eq!(TlsScore::mean(&[]), TlsScore::default());
        assert_eq!(empty.mean_sentences_per_date(), 0.0);
    }

    #[test]
    fn tls_mean_recomputes_f1_from_mean_precision_and_recall() {
        let reference = timeline(&[(1, "Storm hits coast ."), (3, "Floods close roads .")]);
        let half = timeline(&[(1, "Storm hits coast .")]);
        let scores = [score_tls(&reference, &reference), score_tls(&half, &reference)];
        let mean = TlsScore::mean(&scores);
        assert_prf(mean.date, 1.0, 0.75, 2.0 * 0.75 / 1.75);
    }

    #[test]
    fn tls_stop_words_are_sorted_tokens() {
        assert!(STOP_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(STOP_WORDS
            .iter()
            .all(|word| word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())));
    }

    fn arbitrary_timeline() -> impl Strategy<Value = TimelineSummary> {
        let words = prop::sample::select(vec![
            "Storm", "storms", "the", "coast", "-LRB-", ".", "2009", "café", "a<b",
        ]);
        let sentence = prop::collection::vec(words, 0..6).prop_map(|words| words.join(" "));
        let entry = (1i8..28, prop::collection::vec(sentence, 0..3))
            .prop_map(|(day, sentences)| DatedSummary { date: date(2020, 2, day), sentences });
        prop::collection::vec(entry, 0..5).prop_map(|entries| TimelineSummary { entries })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn tls_parser_never_panics(text in "\\PC{0,200}|([0-9-]{0,11}\n[a-z .]{0,12}\n){0,6}") {
            let _ = parse_t17_timeline(&text, "arbitrary");
        }

        #[test]
        fn tls_scores_stay_between_zero_and_one(system in arbitrary_timeline(), reference in arbitrary_timeline()) {
            let score = score_tls(&system, &reference);
            let mean = TlsScore::mean(&[score, score_tls(&reference, &system)]);
            for prf in [score.date, score.concat_rouge1, score.concat_rouge2, score.align_rouge1, score.align_rouge2,
                        mean.align_rouge1] {
                for value in [prf.p, prf.r, prf.f1] {
                    prop_assert!((0.0..=1.0).contains(&value), "{:?}", score);
                }
            }
        }
    }
}
