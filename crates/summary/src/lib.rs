//! The story in key dates: the days of a collection of articles that
//! matter most, each with the sentences that say what happened and the
//! articles behind it — timeline summarisation, as a journalist's timeline
//! of a story reads.
//!
//! It works on the sources of a store's events ([`Source`], as
//! [`dateline_store::Store::sources`] gives them): each is one article
//! dating something on one day (or, where nothing finer is told, one month
//! or year).
//!
//! **Which days.** A day matters when the news of it was published and
//! when later articles still look back to it:
//!
//! ```text
//! score(d) = ln(1 + later(d)) + 2 · ln(1 + published(d) + published(d + 1))
//! ```
//!
//! `later(d)`: the articles published two days or more after `d` that date
//! an event on `d`; `published(d)`: the articles published on `d` (the
//! news of a day comes out that day and the next). A day whose events are
//! only ever announced ahead (scheduled, expected, a deadline) and never
//! told as happened counts half: plans slip; so does a day no later
//! article refers back to, when three or more were published. The weights were chosen on
//! the five Timeline17 development timelines (`dateline eval tls`); a
//! plain count of the articles that date each day ranks worse there (date
//! F1 0.76 against 0.85). A month or a year is a candidate only where
//! nothing finer inside it is dated; it scores half of `ln(1 + later)`.
//!
//! **How many.** As many as asked; otherwise the days scoring at least
//! [`AUTO_SHARE`] of the best day's score, at most twice the square root
//! of the number of articles and [`AUTO_MAX`], at least 5 (or all there
//! are).
//!
//! **Which sentences.** For each day, most important first, the sentences
//! of the articles that date an event on it (those that report it only
//! through their publication date when there are too few) are ranked by
//! how close their content words are to what all of them say about that
//! day (cosine to the day's centroid), a bonus for a word of the query,
//! and a penalty for a sentence too short or too long to read alone; a
//! sentence too close to one already chosen, for this day or another, is
//! skipped.

use dateline_core::{Date, DateSource, Status, TimexValue};
use dateline_store::Source;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// Without a number of dates, those scoring at least this share of the
/// best day's score are key dates.
pub const AUTO_SHARE: f64 = 0.6;
/// Without a number of dates, at most this many.
pub const AUTO_MAX: usize = 50;
/// At most this many summary sentences per date.
pub const MAX_SENTENCES: usize = 10;

/// Weight of the articles published on and just after a day.
const PUBLISHED_WEIGHT: f64 = 2.0;
/// Factor of a day only ever told ahead of time.
const ANNOUNCED_ONLY: f64 = 0.5;
/// Factor of a month or a year: it says less than a day.
const PERIOD: f64 = 0.5;
/// Factor of a day no later article refers back to, though at least
/// [`FORGOTTEN_AFTER`] were published.
const FORGOTTEN: f64 = 0.5;
/// Later articles enough to expect one of them to refer back to a day
/// that mattered.
const FORGOTTEN_AFTER: usize = 3;
/// Two sentences closer than this (cosine of their content words) say the
/// same thing.
const REDUNDANT: f64 = 0.5;
/// Added to a sentence that holds a word of the query.
const QUERY_BONUS: f64 = 0.5;
/// Added to a sentence that tells the day's event as happened: a key
/// date's summary says what happened, not what was planned.
const HAPPENED_BONUS: f64 = 0.2;
/// A sentence of fewer content words, or more, reads badly alone.
const READABLE_WORDS: std::ops::RangeInclusive<usize> = 4..=40;

/// What to summarise, and how much.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// How many dates; chosen from the collection when `None`.
    pub dates: Option<usize>,
    /// Summary sentences per date, 1 to [`MAX_SENTENCES`].
    pub sentences: usize,
    /// Words the summary is about: a sentence that holds one ranks higher.
    pub query: Vec<String>,
    /// Only dates from this day on.
    pub from: Option<Date>,
    /// Only dates up to this day.
    pub to: Option<Date>,
}

impl Default for Options {
    fn default() -> Options {
        Options { dates: None, sentences: 1, query: Vec::new(), from: None, to: None }
    }
}

/// Options that cannot give a summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidOptions(String);

impl fmt::Display for InvalidOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidOptions {}

impl Options {
    /// Checks the numbers: at least one date, 1 to [`MAX_SENTENCES`]
    /// sentences, `from` not after `to`.
    pub fn validate(&self) -> Result<(), InvalidOptions> {
        if self.dates == Some(0) {
            return Err(InvalidOptions("the number of key dates must be at least 1".into()));
        }
        if !(1..=MAX_SENTENCES).contains(&self.sentences) {
            return Err(InvalidOptions(format!(
                "sentences per date must be from 1 to {MAX_SENTENCES}, not {}",
                self.sentences
            )));
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from > to {
                return Err(InvalidOptions(format!("from {from} is after to {to}")));
            }
        }
        Ok(())
    }
}

/// One key date of the story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyDate {
    /// The day (`2010-01-12`), or a month or year where nothing finer is told.
    pub date: TimexValue,
    /// Its first day.
    pub start: Date,
    /// Its last day.
    pub end: Date,
    /// How much it matters (see the crate's documentation).
    pub score: f64,
    /// What most sources say of its events.
    pub status: Status,
    /// How many articles date an event on it.
    pub source_count: usize,
    /// The summary: the sentences that say what happened.
    pub summary: Vec<Cited>,
    /// Every article behind it, with its sentence, oldest first.
    pub sources: Vec<Cited>,
}

/// A sentence and the article it is from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cited {
    /// The article's id.
    pub doc: String,
    /// Its publication date.
    pub dct: Date,
    /// Its title, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sentence.
    pub sentence: String,
}

impl Cited {
    fn of(source: &Source) -> Cited {
        Cited {
            doc: source.doc.clone(),
            dct: source.dct,
            title: source.title.clone(),
            url: source.url.clone(),
            sentence: source.sentence.clone(),
        }
    }
}

/// The key dates of the story the sources tell, in date order.
///
/// ```
/// use dateline_summary::{key_dates, Options};
/// let options = Options { dates: Some(3), ..Options::default() };
/// assert!(key_dates(&[], &options).unwrap().is_empty());
/// ```
pub fn key_dates(sources: &[Source], options: &Options) -> Result<Vec<KeyDate>, InvalidOptions> {
    options.validate()?;
    let candidates = candidates(sources, options);
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    // The number of articles breaks a tie of scores: counted once, not in
    // every comparison.
    let mut ranked: Vec<(usize, Candidate<'_>)> = candidates.into_iter().map(|c| (c.docs(), c)).collect();
    ranked.sort_by(|(a_docs, a), (b_docs, b)| {
        b.score.total_cmp(&a.score).then(b_docs.cmp(a_docs)).then(a.start.cmp(&b.start))
    });
    let mut candidates: Vec<Candidate<'_>> = ranked.into_iter().map(|(_, c)| c).collect();
    let articles: HashSet<&str> = sources.iter().map(|s| s.doc.as_str()).collect();
    let wanted = options.dates.unwrap_or_else(|| automatic_count(&candidates, articles.len()));
    candidates.truncate(wanted);

    let query: HashSet<String> =
        options.query.iter().flat_map(|q| content_words(q)).map(|(word, _)| word).collect();
    let mut chosen: Vec<Words> = Vec::new();
    let mut dates: Vec<KeyDate> = candidates
        .iter()
        .map(|candidate| {
            let summary = summarise(candidate, options.sentences, &query, &mut chosen);
            candidate.key_date(summary)
        })
        .collect();
    dates.sort_by_key(|d| (d.start, d.end));
    Ok(dates)
}

/// The days scoring at least [`AUTO_SHARE`] of the best one's, no more
/// than twice the square root of the number of articles (a story of 300
/// articles: 35 at most) nor [`AUTO_MAX`], and at least 5 (or all there
/// are); `ranked` is best first.
fn automatic_count(ranked: &[Candidate<'_>], articles: usize) -> usize {
    let best = ranked[0].score;
    let above = ranked.iter().take_while(|c| c.score >= best * AUTO_SHARE).count();
    let most = ((2.0 * (articles as f64).sqrt()).round() as usize).min(AUTO_MAX);
    let least = ranked.len().min(5);
    above.min(most).max(least)
}

/// One article's mention of something on a date.
#[derive(Clone, Copy)]
struct Mention<'a> {
    source: &'a Source,
}

/// A date that may be key, with what the articles say of it.
struct Candidate<'a> {
    date: TimexValue,
    start: Date,
    end: Date,
    score: f64,
    /// Sources that date an event on it.
    told: Vec<Mention<'a>>,
    /// Sources that let an event be dated on it from their story only.
    reported: Vec<Mention<'a>>,
}

impl<'a> Candidate<'a> {
    fn docs(&self) -> usize {
        self.told.iter().map(|m| &m.source.doc).collect::<HashSet<_>>().len()
    }

    fn status(&self) -> Status {
        let mentions = if self.told.is_empty() { &self.reported } else { &self.told };
        let mut counts: Vec<(Status, usize)> = Vec::new();
        for m in mentions {
            match counts.iter_mut().find(|(s, _)| *s == m.source.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.source.status, 1)),
            }
        }
        // The first status told wins a tie.
        counts.iter().rev().max_by_key(|(_, n)| *n).map_or(Status::Occurred, |(s, _)| *s)
    }

    fn key_date(&self, summary: Vec<Cited>) -> KeyDate {
        let mentions = if self.told.is_empty() { &self.reported } else { &self.told };
        let mut seen = HashSet::new();
        let mut sources: Vec<Cited> = mentions
            .iter()
            .filter(|m| seen.insert((&m.source.doc, &m.source.sentence)))
            .map(|m| Cited::of(m.source))
            .collect();
        sources.sort_by(|a, b| (a.dct, &a.doc).cmp(&(b.dct, &b.doc)));
        let source_count = sources.iter().map(|c| &c.doc).collect::<HashSet<_>>().len();
        KeyDate {
            date: self.date.clone(),
            start: self.start,
            end: self.end,
            score: self.score,
            status: self.status(),
            source_count,
            summary,
            sources,
        }
    }
}

/// Every date the sources give, scored.
fn candidates<'a>(sources: &'a [Source], options: &Options) -> Vec<Candidate<'a>> {
    let mut published: HashMap<Date, HashSet<&str>> = HashMap::new();
    let mut dates: BTreeMap<(Date, Date), Candidate<'a>> = BTreeMap::new();
    for source in sources {
        published.entry(source.dct).or_default().insert(&source.doc);
        let Some((start, end)) = source.date.range() else { continue };
        if !is_summary_unit(start, end) {
            continue;
        }
        if options.from.is_some_and(|from| start < from) || options.to.is_some_and(|to| end > to) {
            continue;
        }
        let candidate = dates.entry((start, end)).or_insert_with(|| Candidate {
            date: if start == end { TimexValue::parse(&start.to_string()) } else { source.date.clone() },
            start,
            end,
            score: 0.0,
            told: Vec::new(),
            reported: Vec::new(),
        });
        let mention = Mention { source };
        match source.date_source {
            DateSource::Explicit => candidate.told.push(mention),
            DateSource::Inferred => candidate.reported.push(mention),
        }
    }
    // A period is a candidate only where nothing finer inside it is told.
    let told: Vec<(Date, Date)> =
        dates.values().filter(|c| !c.told.is_empty()).map(|c| (c.start, c.end)).collect();
    let finer_inside = |c: &Candidate<'_>| {
        told.iter().any(|&(start, end)| (start, end) != (c.start, c.end) && c.start <= start && end <= c.end)
    };
    let published_on = |day: Date| published.get(&day).map_or(0, HashSet::len);
    // Each article's publication date, in order.
    let mut publications: Vec<Date> =
        published.iter().flat_map(|(&dct, docs)| docs.iter().map(move |_| dct)).collect();
    publications.sort_unstable();
    let mut out: Vec<Candidate<'a>> = dates
        .into_values()
        // A date no article tells (only events dated from their stories
        // fall on it) is no key date: it lends them to one that is.
        .filter(|c| !c.told.is_empty() && (c.start == c.end || !finer_inside(c)))
        .collect();
    for candidate in &mut out {
        let later = candidate
            .told
            .iter()
            .filter(|m| later_than(candidate.end, m.source.dct))
            .map(|m| &m.source.doc)
            .collect::<HashSet<_>>()
            .len();
        let mut score = (later as f64).ln_1p();
        if candidate.start != candidate.end {
            score *= PERIOD;
        } else {
            let day = candidate.start;
            let news = published_on(day) + day.tomorrow().map_or(0, published_on);
            score += PUBLISHED_WEIGHT * (news as f64).ln_1p();
        }
        let announced_only = !candidate.told.is_empty()
            && candidate
                .told
                .iter()
                .all(|m| matches!(m.source.status, Status::Scheduled | Status::Expected | Status::Deadline));
        if announced_only {
            score *= ANNOUNCED_ONLY;
        }
        let later_news =
            publications.len() - publications.partition_point(|&dct| !later_than(candidate.end, dct));
        if later == 0 && later_news >= FORGOTTEN_AFTER {
            score *= FORGOTTEN;
        }
        candidate.score = score;
    }
    out
}

/// Whether an article published on `published` looks back at `day`: it
/// came out two days or more after it.
fn later_than(day: Date, published: Date) -> bool {
    published > day.tomorrow().unwrap_or(day)
}

/// A day, or a month, season, quarter or year: longer periods say too
/// little to be a date of a timeline.
fn is_summary_unit(start: Date, end: Date) -> bool {
    start <= end && start.until(end).is_ok_and(|span| span.get_days() <= 366)
}

/// A sentence's content words, each once, with its count.
type Words = HashMap<String, f64>;

fn content_words(text: &str) -> Words {
    let mut words = Words::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 2 {
            continue;
        }
        let word = word.to_lowercase();
        if dateline_english::function_words::STOP_WORDS.binary_search(&word.as_str()).is_ok() {
            continue;
        }
        *words.entry(word).or_insert(0.0) += 1.0;
    }
    words
}

fn cosine(a: &Words, b: &Words) -> f64 {
    let dot: f64 = a.iter().filter_map(|(w, x)| b.get(w).map(|y| x * y)).sum();
    let norm = |v: &Words| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator == 0.0 {
        0.0
    } else {
        dot / denominator
    }
}

/// Up to `wanted` sentences for one date; `chosen` holds the sentences
/// already picked for any date, and takes these.
fn summarise(
    candidate: &Candidate<'_>,
    wanted: usize,
    query: &HashSet<String>,
    chosen: &mut Vec<Words>,
) -> Vec<Cited> {
    let mut pool: Vec<(&Source, Words)> = Vec::new();
    let mut seen = HashSet::new();
    let told = candidate.told.iter();
    let distinct_told = candidate.told.iter().map(|m| &m.source.sentence).collect::<HashSet<_>>().len();
    let reported = candidate.reported.iter().take(if distinct_told < wanted { usize::MAX } else { 0 });
    for mention in told.chain(reported) {
        if seen.insert(&mention.source.sentence) {
            pool.push((mention.source, content_words(&mention.source.sentence)));
        }
    }
    let mut centroid = Words::new();
    for (_, words) in &pool {
        for word in words.keys() {
            *centroid.entry(word.clone()).or_insert(0.0) += 1.0;
        }
    }
    let mut ranked: Vec<(f64, usize)> = pool
        .iter()
        .enumerate()
        .map(|(i, (source, words))| {
            let mut score = cosine(words, &centroid);
            if words.keys().any(|w| query.contains(w)) {
                score += QUERY_BONUS;
            }
            if source.status.happened() {
                score += HAPPENED_BONUS;
            }
            if !READABLE_WORDS.contains(&words.len()) {
                score *= 0.5;
            }
            (score, i)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut summary = Vec::new();
    for &(_, i) in &ranked {
        if summary.len() == wanted {
            break;
        }
        let (source, words) = &pool[i];
        if chosen.iter().any(|c| cosine(c, words) > REDUNDANT) {
            continue;
        }
        chosen.push(words.clone());
        summary.push(Cited::of(source));
    }
    if summary.is_empty() {
        // Every sentence repeats another date's: the best still says what
        // happened on this one.
        if let Some(&(_, i)) = ranked.first() {
            summary.push(Cited::of(pool[i].0));
        }
    }
    summary
}

/// TimelineJS 3 JSON of the key dates, ready to publish: one slide per
/// date, its first summary sentence as the headline, the others and the
/// sources (linked where they have an address) as its text.
pub fn to_timelinejs(dates: &[KeyDate], title: &str) -> serde_json::Value {
    use dateline_store::{html_escape, timelinejs_date};
    let slides: Vec<serde_json::Value> = dates
        .iter()
        .map(|d| {
            let headline = d.summary.first().map_or("", |c| c.sentence.as_str());
            let mut text: String =
                d.summary.iter().skip(1).map(|c| format!("<p>{}</p>", html_escape(&c.sentence))).collect();
            let sources: Vec<String> = d
                .sources
                .iter()
                .map(|s| {
                    let name = html_escape(s.title.as_deref().unwrap_or(&s.doc));
                    match &s.url {
                        Some(url) => format!("<a href=\"{}\">{name}</a> ({})", html_escape(url), s.dct),
                        None => format!("{name} ({})", s.dct),
                    }
                })
                .collect();
            text.push_str(&format!(
                "<p><small>{} · {} source(s): {}</small></p>",
                d.status,
                d.source_count,
                sources.join("; ")
            ));
            serde_json::json!({
                "start_date": timelinejs_date(d.start),
                "end_date": timelinejs_date(d.end),
                "text": { "headline": html_escape(headline), "text": text },
                "unique_id": format!("date-{}", d.date),
            })
        })
        .collect();
    serde_json::json!({ "title": { "text": { "headline": html_escape(title), "text": "" } }, "events": slides })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::DateSource;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn source(doc: &str, dct: &str, date: &str, status: Status, sentence: &str) -> Source {
        Source {
            doc: doc.into(),
            dct: day(dct),
            title: None,
            url: None,
            sentence: sentence.into(),
            date: TimexValue::parse(date),
            status,
            expression: date.into(),
            date_source: DateSource::Explicit,
        }
    }

    /// An earthquake on the 12th that every later article recalls, an
    /// aid conference on the 25th told by one, a vote only ever planned.
    fn story() -> Vec<Source> {
        let quake = "A magnitude 7.0 earthquake struck the capital, destroying the presidential palace.";
        let mut sources: Vec<Source> = (13..=20)
            .map(|d| source(&format!("a{d}"), &format!("2010-01-{d}"), "2010-01-12", Status::Occurred, quake))
            .collect();
        sources.push(source(
            "a21",
            "2010-01-21",
            "2010-01-12",
            Status::Occurred,
            "Rescuers have pulled survivors from the rubble since the earthquake struck.",
        ));
        sources.push(source(
            "a19",
            "2010-01-19",
            "2010-01-25",
            Status::Scheduled,
            "Donors will meet in Montreal to plan the reconstruction of the country.",
        ));
        sources.push(source(
            "a14",
            "2010-01-14",
            "2010-02",
            Status::Expected,
            "Elections could be postponed by the disaster.",
        ));
        sources
    }

    #[test]
    fn the_day_later_articles_recall_ranks_first_with_its_best_sentence() {
        let sources = story();
        let dates = key_dates(&sources, &Options { dates: Some(1), ..Options::default() }).unwrap();
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].date, TimexValue::parse("2010-01-12"));
        assert_eq!(dates[0].source_count, 9);
        assert_eq!(dates[0].status, Status::Occurred);
        assert!(dates[0].summary[0].sentence.starts_with("A magnitude 7.0"));
        // Sources oldest first, one line per article and sentence.
        assert_eq!(dates[0].sources.len(), 9);
        assert_eq!(dates[0].sources[0].doc, "a13");
    }

    #[test]
    fn dates_come_in_date_order_and_a_month_only_where_no_day_is_told() {
        let sources = story();
        let dates = key_dates(&sources, &Options { dates: Some(5), ..Options::default() }).unwrap();
        let values: Vec<String> = dates.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(values, ["2010-01-12", "2010-01-25", "2010-02"]);
        let planned = &dates[1];
        assert_eq!(planned.status, Status::Scheduled);
        assert!(planned.score < dates[0].score);
    }

    #[test]
    fn a_second_sentence_says_something_new() {
        let sources = story();
        let options = Options { dates: Some(1), sentences: 2, ..Options::default() };
        let dates = key_dates(&sources, &options).unwrap();
        let summary: Vec<&str> = dates[0].summary.iter().map(|c| c.sentence.as_str()).collect();
        assert_eq!(summary.len(), 2);
        assert!(summary[1].starts_with("Rescuers"));
    }

    #[test]
    fn the_query_and_the_window_focus_the_summary() {
        let sources = story();
        let options = Options {
            dates: Some(1),
            query: vec!["survivors".into()],
            from: Some(day("2010-01-01")),
            to: Some(day("2010-01-31")),
            ..Options::default()
        };
        let dates = key_dates(&sources, &options).unwrap();
        assert!(dates[0].summary[0].sentence.starts_with("Rescuers"));
        let late = Options { from: Some(day("2010-01-20")), ..options };
        let dates = key_dates(&sources, &late).unwrap();
        assert_eq!(dates[0].date, TimexValue::parse("2010-01-25"));
    }

    #[test]
    fn bad_numbers_are_refused_and_nothing_gives_nothing() {
        let sources = story();
        for bad in [
            Options { dates: Some(0), ..Options::default() },
            Options { sentences: 0, ..Options::default() },
            Options { sentences: MAX_SENTENCES + 1, ..Options::default() },
            Options { from: Some(day("2010-02-01")), to: Some(day("2010-01-01")), ..Options::default() },
        ] {
            assert!(key_dates(&sources, &bad).is_err(), "{bad:?}");
        }
        assert!(key_dates(&[], &Options::default()).unwrap().is_empty());
        let none = Options { from: Some(day("2011-01-01")), ..Options::default() };
        assert!(key_dates(&sources, &none).unwrap().is_empty());
    }

    #[test]
    fn timelinejs_has_a_slide_per_date_with_its_summary_as_headline() {
        let sources = story();
        let dates = key_dates(&sources, &Options { dates: Some(2), ..Options::default() }).unwrap();
        let json = to_timelinejs(&dates, "Haiti <quake>");
        assert_eq!(json["title"]["text"]["headline"], "Haiti &lt;quake&gt;");
        let slides = json["events"].as_array().unwrap();
        assert_eq!(slides.len(), 2);
        assert_eq!(slides[0]["start_date"]["day"], "12");
        assert!(slides[0]["text"]["headline"].as_str().unwrap().starts_with("A magnitude 7.0"));
        assert!(slides[0]["text"]["text"].as_str().unwrap().contains("9 source(s)"));
    }

    proptest::proptest! {
        #[test]
        fn any_collection_gives_at_most_k_dates_in_order_each_with_a_summary(
            told in proptest::collection::vec((0u8..40, 0u8..40, 0usize..6, 0usize..4, proptest::bool::ANY), 0..60),
            k in 1usize..8,
            l in 1usize..4,
        ) {
            const WORDS: [&str; 4] = ["Troops left the city", "Talks resumed in Geneva", "Rain flooded the valley", "x"];
            let on = |n: u8| Date::new(2020, 1 + (n / 28) as i8, 1 + (n % 28) as i8).unwrap();
            let sources: Vec<Source> = told
                .iter()
                .enumerate()
                .map(|(i, &(told, published, status, words, inferred))| {
                    let (date, dct) = (on(told), on(published));
                    let mut s = source(&format!("d{}", i % 7), &dct.to_string(), &date.to_string(), Status::ALL[status], WORDS[words]);
                    if inferred {
                        s.date_source = DateSource::Inferred;
                    }
                    s
                })
                .collect();
            let dates = key_dates(&sources, &Options { dates: Some(k), sentences: l, ..Options::default() }).unwrap();
            proptest::prop_assert!(dates.len() <= k);
            proptest::prop_assert!(dates.windows(2).all(|w| w[0].start <= w[1].start));
            for d in &dates {
                proptest::prop_assert!((1..=l).contains(&d.summary.len()));
                proptest::prop_assert!(!d.sources.is_empty() && d.score.is_finite());
            }
            let automatic = key_dates(&sources, &Options::default()).unwrap();
            proptest::prop_assert!(automatic.len() <= AUTO_MAX);
        }
    }

    #[test]
    fn without_a_number_the_collection_chooses_it() {
        let sources = story();
        let dates = key_dates(&sources, &Options::default()).unwrap();
        // Fewer than five candidates: all of them.
        assert_eq!(dates.len(), 3);
    }
}
