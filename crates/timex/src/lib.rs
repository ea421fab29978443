//! Temporal expressions: find them in English news text and resolve each to
//! a TimeML TIMEX3 value relative to the article's publication date.
//!
//! ```
//! use dateline_timex::Tagger;
//! use dateline_core::Date;
//!
//! let tagger = Tagger::new();
//! let dct = Date::new(2020, 11, 26).unwrap(); // a Thursday
//! let found = tagger.tag("Troops had entered the district on Friday.", dct);
//! assert_eq!(found[0].text, "Friday");
//! assert_eq!(found[0].value, "2020-11-20");
//! ```

mod calendars;
mod grammar;
mod holiday;
mod lexicon;
mod resolve;
mod tense;
mod value;

use dateline_core::{Date, DocumentType, Tense, Timex};
use dateline_text::Segmented;
use grammar::{Expr, Grammar, Word};
use lexicon::{Lex, Unit};
use resolve::{resolve, Context, Resolved};
use tense::{requested, tense_of};
use value::{Amount, Point};

/// Finds and resolves temporal expressions.
///
/// Built once and shared: it holds no per-document state, so one tagger can
/// serve every thread.
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    _private: (),
}

impl Tagger {
    /// A tagger for English.
    pub fn new() -> Tagger {
        Tagger { _private: () }
    }

    /// Every temporal expression in `text`, in order, resolved against the
    /// document creation time `dct`.
    ///
    /// ```
    /// use dateline_timex::Tagger;
    /// use dateline_core::{Date, TimexMod};
    ///
    /// let dct = Date::new(2020, 11, 26).unwrap();
    /// let found = Tagger::new().tag("The fighting lasted for over a month.", dct);
    /// assert_eq!(found[0].text, "over a month");
    /// assert_eq!(found[0].value, "P1M");
    /// assert_eq!(found[0].modifier, Some(TimexMod::MoreThan));
    /// ```
    pub fn tag(&self, text: &str, dct: Date) -> Vec<Timex> {
        self.tag_segmented(&Segmented::new(text), dct).into_iter().map(|tagged| tagged.timex).collect()
    }

    /// Every temporal expression of a segmented text, in order, with the
    /// tense of its clause.
    ///
    /// ```
    /// use dateline_core::{Date, Tense};
    /// use dateline_text::Segmented;
    /// use dateline_timex::Tagger;
    ///
    /// let text = Segmented::new("The talks will resume on Monday.");
    /// let found = Tagger::new().tag_segmented(&text, Date::new(2020, 11, 26).unwrap());
    /// assert_eq!(found[0].timex.value, "2020-11-30");
    /// assert_eq!(found[0].tense, Tense::Future);
    /// ```
    pub fn tag_segmented(&self, text: &Segmented<'_>, dct: Date) -> Vec<Tagged> {
        self.tag_as(text, dct, DocumentType::News)
    }

    /// Every temporal expression of a segmented text, and the type of
    /// document it was read as: colloquial when it is short and informal
    /// (see [`looks_colloquial`]), a narrative when most of the years it
    /// writes out lie far from the publication date (a history, a
    /// background piece), else news.
    ///
    /// ```
    /// use dateline_core::{Date, DocumentType};
    /// use dateline_text::Segmented;
    /// use dateline_timex::Tagger;
    ///
    /// let dct = Date::new(2009, 12, 19).unwrap();
    /// let history = Segmented::new(
    ///     "The war began in 1939. Paris fell in June 1940; in August, the Blitz began. It ended in 1945.",
    /// );
    /// let (found, kind) = Tagger::new().tag_auto(&history, dct);
    /// assert_eq!(kind, DocumentType::Narrative);
    /// assert_eq!(found[2].timex.value, "1940-08");
    /// let news = Segmented::new("Talks resume on Monday, the first since 1994.");
    /// assert_eq!(Tagger::new().tag_auto(&news, dct).1, DocumentType::News);
    /// let post = Segmented::new("cant wait for sat nite!! @jo");
    /// let (found, kind) = Tagger::new().tag_auto(&post, dct);
    /// assert_eq!(kind, DocumentType::Colloquial);
    /// assert_eq!(found[0].timex.value, "2009-12-19TNI");
    /// ```
    pub fn tag_auto(&self, text: &Segmented<'_>, dct: Date) -> (Vec<Tagged>, DocumentType) {
        if looks_colloquial(text) {
            return (self.tag_as(text, dct, DocumentType::Colloquial), DocumentType::Colloquial);
        }
        let news = self.tag_as(text, dct, DocumentType::News);
        match looks_narrative(&news, dct) {
            true => (self.tag_as(text, dct, DocumentType::Narrative), DocumentType::Narrative),
            false => (news, DocumentType::News),
        }
    }

    /// Every temporal expression of a segmented text, read as the given
    /// type of document: in a narrative, relative dates count from the
    /// date in focus ("In March 1965 ...; two months later": May 1965).
    ///
    /// ```
    /// use dateline_core::{Date, DocumentType};
    /// use dateline_text::Segmented;
    /// use dateline_timex::Tagger;
    ///
    /// let text = Segmented::new("Germany invaded Poland in September 1939. In April, it invaded Norway.");
    /// let dct = Date::new(2009, 12, 19).unwrap();
    /// let values = |kind| -> Vec<String> {
    ///     Tagger::new().tag_as(&text, dct, kind).iter().map(|t| t.timex.value.to_string()).collect()
    /// };
    /// assert_eq!(values(DocumentType::Narrative), ["1939-09", "1939-04"]);
    /// assert_eq!(values(DocumentType::News), ["1939-09", "2009-04"]);
    /// ```
    pub fn tag_as(&self, text: &Segmented<'_>, dct: Date, kind: DocumentType) -> Vec<Tagged> {
        let tokens = &text.tokens;
        let colloquial = kind == DocumentType::Colloquial;
        let mut words: Vec<Word<'_>> = tokens.iter().map(|token| Word::classify(token, colloquial)).collect();
        hide_addresses(tokens, &mut words);
        let grammar = Grammar::new(&words, colloquial, kind == DocumentType::Narrative);
        let mut found = Vec::new();
        let mut reference: Option<Point> = None;
        for sentence in text.sentences.iter().cloned() {
            let mut i = sentence.start;
            while i < sentence.end {
                let Some(hit) = grammar.longest_at(i).filter(|hit| hit.last <= sentence.end) else {
                    i += 1;
                    continue;
                };
                i = hit.last;
                // Informal writing capitalises at will: a capital tells no name.
                if !colloquial && in_title(&words, sentence.start, hit.first, hit.last, &hit.expr) {
                    continue;
                }
                if names_a_day_in_a_hashtag(tokens, hit.first, hit.last) {
                    continue;
                }
                // A request ("book a room for Friday") looks ahead, and so
                // does a plan told without a verb ("lunch on Saturday").
                let tense = match colloquial && requested(&words, sentence.start, hit.first) {
                    true => Tense::Future,
                    false => match tense_of(&words, sentence.clone(), hit.first, hit.last) {
                        Tense::Unknown if colloquial && on_a_day(&words, &hit) => Tense::Future,
                        tense => tense,
                    },
                };
                let compared = hit.first.checked_sub(1).is_some_and(|p| {
                    matches!(
                        tokens[p].text.to_ascii_lowercase().as_str(),
                        "with" | "from" | "than" | "versus" | "vs"
                    )
                });
                // A narrative counts from the date in focus once it has one.
                // (A year before the era has no calendar range: its 1 January.)
                let focus_day = reference.and_then(|r| {
                    r.range().map(|(first, _)| first).or_else(|| Date::new(r.year(), 1, 1).ok())
                });
                let (anchor, narrative) = match (kind, focus_day) {
                    (DocumentType::Narrative, Some(day)) => (day, true),
                    _ => (dct, false),
                };
                let ctx = Context { dct: anchor, reference, tense, compared, narrative, colloquial };
                let Some(mut resolved) = range_start(&grammar, &words, sentence.clone(), &hit, &ctx)
                    .or_else(|| resolve(&hit.expr, &ctx))
                else {
                    continue;
                };
                // A narrative that has told no date yet: "In April" is an
                // April of no known year, never the publication's.
                if kind == DocumentType::Narrative && focus_day.is_none() {
                    if let (Resolved::Point(point), false) = (&resolved, told_in_full(&hit.expr)) {
                        resolved = Resolved::Other(resolved.kind(), unanchored(&hit.expr, *point));
                    }
                }
                if let Resolved::Point(point) = resolved {
                    let ended_by = hit.first.checked_sub(1).map(|p| words[p].text);
                    // A story told in the past does not move on to what
                    // was then still to come ("for a campaign planned in
                    // 1976").
                    let anticipated = narrative && tense == Tense::Future;
                    if !anticipated && moves_focus(&hit.expr, point, reference, ended_by, tense, anchor) {
                        reference = Some(point);
                    }
                }
                let (first, last) = (&tokens[hit.first], &tokens[hit.last - 1]);
                let value = colloquial.then(|| day_of_written_year(&hit.expr)).flatten();
                let timex = Timex {
                    start: first.start,
                    end: last.end,
                    text: text.text[first.bytes.start..last.bytes.end].to_string(),
                    kind: resolved.kind(),
                    value: value.unwrap_or_else(|| resolved.value()),
                    modifier: hit.modifier,
                };
                found.push(Tagged { timex, tense });
            }
        }
        found
    }
}

/// In a post, a year written out ("at IFA 2014", "circa 2011") dates an
/// event or a photo: a day of that year, not told (`2014-XX-XX`), as the
/// TempEval annotation of posts values it. A year counted from the day of
/// writing ("last year") keeps its year value.
fn day_of_written_year(expr: &Expr) -> Option<dateline_core::TimexValue> {
    match expr {
        Expr::Point(Point::Year(year @ 1..=9999)) => {
            Some(dateline_core::TimexValue::parse(&format!("{year:04}-XX-XX")))
        }
        _ => None,
    }
}

/// Whether an expression is a day after "on" ("lunch on Saturday"), or a
/// time on such a day ("at noon on Saturday").
fn on_a_day(words: &[Word<'_>], hit: &grammar::Found) -> bool {
    let on = |i: usize| words.get(i).is_some_and(|w| w.lex == Lex::Kw(lexicon::Kw::On));
    (hit.first > 0 && on(hit.first - 1)) || matches!(hit.expr, Expr::Clock(Some(_), ..)) && on(hit.last)
}

/// A hashtag is read when it tells a date ("#Nov5", "#720pm"), not when it
/// names a day ("Happy #Friday", "#Christmas"): whether tokens
/// `first..last` are a hashtag of the second kind.
fn names_a_day_in_a_hashtag(tokens: &[dateline_text::Token<'_>], first: usize, last: usize) -> bool {
    use dateline_text::TokenKind;
    let tagged = first > 0 && tokens[first - 1].text == "#" && !tokens[first].space_before;
    let digits = tokens[first..last].iter().any(|t| t.kind == TokenKind::Number);
    let letters = tokens[first..last].iter().any(|t| t.kind == TokenKind::Word);
    tagged && !(digits && letters)
}

/// Web addresses ("http://t.co/2014/05") and the names of @mentions
/// ("@sunday_times") are hidden from the grammar: they date nothing.
fn hide_addresses(tokens: &[dateline_text::Token<'_>], words: &mut [Word<'_>]) {
    let glued = |j: usize, text: &str| tokens.get(j).is_some_and(|t| !t.space_before && t.text == text);
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if !matches!(token.text.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W' | b'@')) {
            i += 1;
            continue;
        }
        let address = (token.text.eq_ignore_ascii_case("http") || token.text.eq_ignore_ascii_case("https"))
            && glued(i + 1, ":")
            && glued(i + 2, "/")
            || token.text.eq_ignore_ascii_case("www") && glued(i + 1, ".");
        let mention = token.text == "@"
            && tokens.get(i + 1).is_some_and(|t| !t.space_before && t.kind == dateline_text::TokenKind::Word);
        if !address && !mention {
            i += 1;
            continue;
        }
        let first = if mention { i + 1 } else { i };
        let mut end = first + 1;
        while end < tokens.len() && !tokens[end].space_before {
            end += 1;
        }
        words[first..end].fill(grammar::HIDDEN);
        i = end;
    }
}

/// How many words (runs of letters or digits) a text may have and still
/// be read as colloquial: a post or a message, not an article.
const COLLOQUIAL_WORDS: usize = 80;

/// Chat spellings, interjections and swearing: marks of informal writing.
const CHAT_WORDS: &[&str] = &[
    "lol", "lmao", "lmfao", "rofl", "omg", "omfg", "btw", "idk", "imo", "imho", "tbh", "pls", "plz", "thx",
    "thanx", "ur", "gonna", "wanna", "gotta", "dunno", "tmrw", "tmr", "tmw", "tdy", "tonite", "wknd", "nxt",
    "cuz", "coz", "bcoz", "yay", "yup", "nope", "xoxo", "ppl", "bday", "im", "ive", "dont", "cant", "didnt",
    "isnt", "doesnt", "havent", "theres", "tho", "alr", "lah", "leh", "loh", "haha", "hahaha", "hehe", "smh",
    "fyi", "asap", "wtf", "fml", "abt", "okie", "luv", "gg", "heh", "hihi", "hihihi", "fuck", "fucking",
    "shit", "damn", "crap", "lets", "shiok", "sayin",
];

/// Whether a text reads as colloquial: short (at most [`COLLOQUIAL_WORDS`]
/// words) and written informally. One sign is enough among an @mention, a
/// #hashtag, a web address, an emoji or emoticon, a chat spelling or an
/// interjection ("lol", "tmrw", "u", "omg"), "!!" or "??", a last
/// sentence ending in "!" or "?", a first word in lower case, and a
/// first-person pronoun in a text that quotes no one ("I", "my", "me");
/// of the weaker signs (an ending without any punctuation, "so tired..")
/// it takes both, in a single paragraph. Articles are longer, and their
/// short items (flashes, briefs, results) show none of these: no text of
/// TimeBank, AQUAINT, WikiWars or the 2,452 silver news articles is read
/// as colloquial but one test file written in lower case.
///
/// ```
/// use dateline_text::Segmented;
/// use dateline_timex::looks_colloquial;
/// assert!(looks_colloquial(&Segmented::new("Doors open 4pm tmr @ Vivo! #fnnsdd5")));
/// assert!(looks_colloquial(&Segmented::new("add lunch with Sam on July 8th")));
/// assert!(looks_colloquial(&Segmented::new("Remind me at 6 pm every day")));
/// assert!(!looks_colloquial(&Segmented::new("Fatah primaries were suspended on Monday.")));
/// assert!(!looks_colloquial(&Segmented::new("DEMOCRATS WIN CONTROL OF SENATE: AP")));
/// assert!(!looks_colloquial(&Segmented::new("Veterans of World War I met in Paris on Sunday.")));
/// ```
pub fn looks_colloquial(text: &Segmented<'_>) -> bool {
    use dateline_text::TokenKind;
    let tokens = &text.tokens;
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).take(COLLOQUIAL_WORDS + 1).count();
    if words > COLLOQUIAL_WORDS || words == 0 {
        return false;
    }
    let raw = text.text;
    let quotes = raw.contains(['"', '\u{201c}', '\u{201d}']);
    let glued = |j: usize| tokens.get(j).is_some_and(|t| !t.space_before);
    let starts_word = |j: usize| tokens.get(j).is_some_and(|t| t.kind != TokenKind::Punct);
    let lower_word = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word && t.text.starts_with(|c: char| c.is_lowercase()))
    };
    for (i, token) in tokens.iter().enumerate() {
        let strong = match token.text {
            // "@jo", "#Nov5" (an e-mail address is glued to a word before it).
            "@" | "#" => glued(i + 1) && starts_word(i + 1) && (i == 0 || token.space_before),
            "!" | "?" => glued(i + 1) && matches!(tokens[i + 1].text, "!" | "?"),
            ":" | ";" => {
                glued(i + 1) && matches!(tokens[i + 1].text, ")" | "(" | "D" | "P" | "p") && !glued(i + 2)
            }
            "<" => glued(i + 1) && tokens[i + 1].text == "3",
            "http" | "https" | "www" => glued(i + 1) && matches!(tokens[i + 1].text, ":" | "."),
            // "2nite", "2moro", "2day"
            "2" => {
                glued(i + 1)
                    && ["nite", "night", "nyt", "moro", "morrow", "mrw", "day"]
                        .iter()
                        .any(|w| tokens[i + 1].text.eq_ignore_ascii_case(w))
            }
            // "u", "r" as words, not initials ("U.S.").
            "u" | "r" => !(glued(i + 1) && tokens[i + 1].text == "."),
            // "I hate", "I'm"; not "World War I" nor "Fundamentals I and II".
            "I" | "i" => {
                let after_name =
                    i > 0 && tokens[i - 1].is_capitalized() && tokens[i - 1].kind == TokenKind::Word;
                let verb_after = (glued(i + 1) && tokens[i + 1].text == "'")
                    || (lower_word(i + 1) && !matches!(tokens[i + 1].text, "and" | "or" | "of"));
                !quotes && !after_name && verb_after
            }
            "me" | "my" | "Me" | "My" => !quotes,
            word if token.kind == TokenKind::Word => {
                word.len() <= 8 && CHAT_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
            }
            other => other.chars().any(|c| matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF)),
        };
        if strong {
            return true;
        }
    }
    let first_word = tokens.iter().find(|t| t.kind != TokenKind::Punct);
    if first_word.is_some_and(|t| t.kind == TokenKind::Word && t.text.starts_with(|c: char| c.is_lowercase()))
    {
        return true;
    }
    let last = tokens.last().map_or("", |t| t.text);
    if matches!(last, "!" | "?") {
        return true;
    }
    if tokens.iter().any(|t| t.line_breaks_before >= 2) {
        return false;
    }
    let shouted = !raw.chars().any(char::is_lowercase);
    let unpunctuated = tokens.last().is_some_and(|t| t.kind != TokenKind::Punct) && !shouted;
    // "so tired..": dots glued to a word.
    let trailing_dots = tokens.windows(3).any(|w| {
        w[0].kind == TokenKind::Word
            && w[1].text == "."
            && w[2].text == "."
            && !w[1].space_before
            && !w[2].space_before
    });
    unpunctuated && trailing_dots
}

/// Whether an expression gives its date whole ("1944", "6 June 1944", "the
/// night of 6 June 1944"), needing nothing to count from.
fn told_in_full(expr: &Expr) -> bool {
    match expr {
        // "the night of 8 February 1904"
        Expr::WithPart(day, _) => told_in_full(day),
        _ => matches!(expr, Expr::Point(_) | Expr::PeriodOfYear(_)),
    }
}

/// The value of a date counted from nothing: what the text tells ("April",
/// "6 June") with the rest unknown (`XXXX-04`, `XXXX-06-06`), else only
/// the granularity (`XXXX-XX-XX` for "the next day").
fn unanchored(expr: &Expr, point: Point) -> dateline_core::TimexValue {
    let written = match *expr {
        Expr::MonthDay(month, None) => format!("XXXX-{month:02}"),
        Expr::MonthDay(month, Some(day)) => format!("XXXX-{month:02}-{day:02}"),
        Expr::SeasonOf(season) => format!("XXXX-{}", season.code()),
        _ => match point {
            Point::Century(_) => "XX".into(),
            Point::Decade(_) => "XXX".into(),
            Point::Year(_) => "XXXX".into(),
            Point::Season(_, season) => format!("XXXX-{}", season.code()),
            Point::Half(..) | Point::Quarter(..) | Point::Month(..) => "XXXX-XX".into(),
            Point::Week(..) | Point::Weekend(..) => "XXXX-WXX".into(),
            Point::Day(_) | Point::DayPart(..) | Point::Clock(..) => "XXXX-XX-XX".into(),
        },
    };
    dateline_core::TimexValue::parse(&written)
}

/// How far from the publication date, in years, the years a text writes
/// out must mostly lie for it to be read as a narrative.
const NARRATIVE_YEARS: i32 = 5;

/// Whether a text reads as a narrative: at least three years written out
/// ("1939", "June 1940") lie [`NARRATIVE_YEARS`] or more from the
/// publication date, more than half of all it writes out (or it is a
/// chronicle of recent years: eight written out, six different ones), and
/// it hardly ever counts from the day of writing ("Friday", "yesterday", "last
/// week": one for every ten written years at most). A news story with a
/// paragraph of history has those; a history has not.
fn looks_narrative(found: &[Tagged], dct: Date) -> bool {
    let mut written = 0;
    let mut far = 0;
    let mut deictic = 0;
    let mut years = std::collections::BTreeSet::new();
    for tagged in found {
        let timex = &tagged.timex;
        if let Some(year) = timex.value.point().map(|p| p.year()) {
            if timex.text.contains(&year.abs().to_string()) {
                written += 1;
                years.insert(year);
                far += usize::from((i32::from(year) - i32::from(dct.year())).abs() >= NARRATIVE_YEARS);
            }
        }
        deictic += usize::from(counts_from_writing(&timex.text));
    }
    let chronicle = written >= 8 && years.len() >= 6;
    (far >= 3 && far * 2 > written || chronicle) && deictic * 10 <= written
}

/// Whether an expression counts from the day it was written: a weekday,
/// "today", "yesterday", "this week", "last year" (but not "the next day",
/// which counts from the story's).
fn counts_from_writing(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let weekday =
        |w: &str| ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(&w);
    weekday(first)
        || matches!(first, "today" | "yesterday" | "tomorrow" | "tonight" | "this" | "last" | "next")
        || lower.split_whitespace().any(weekday)
}

/// A temporal expression found by the tagger, with what it read of its
/// clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Tagged {
    /// The expression and its value.
    pub timex: Timex,
    /// The tense of the clause around it, which placed a weekday or month
    /// before or after the publication date.
    pub tense: Tense,
}

/// "from January to November", "the January-November period", "from May 1
/// to October 31, 2010": a month or day that starts a range lies in the
/// year of the date that ends it.
fn range_start(
    grammar: &Grammar<'_, '_>,
    words: &[Word<'_>],
    sentence: std::ops::Range<usize>,
    hit: &grammar::Found,
    ctx: &Context,
) -> Option<Resolved> {
    let Expr::MonthDay(month, first_day) = hit.expr else { return None };
    let connector = words.get(hit.last)?;
    let joins = matches!(connector.text, "-" | "–")
        || ["to", "through", "until", "till"].iter().any(|w| connector.text.eq_ignore_ascii_case(w));
    if !joins {
        return None;
    }
    let end = grammar.longest_at(hit.last + 1).filter(|end| end.last <= sentence.end)?;
    let tense = tense_of(words, sentence, end.first, end.last);
    // The end may carry its year ("to September this year") or a day
    // ("to Sept. 30").
    let (year, later) = match resolve(&end.expr, &Context { tense, ..*ctx })? {
        Resolved::Point(Point::Month(year, later)) => (year, later),
        Resolved::Point(Point::Day(day)) => (day.year(), day.month() as u8),
        _ => return None,
    };
    if later <= month {
        return None;
    }
    Some(Resolved::Point(match first_day {
        // "from May 1 to October 31, 2010"
        Some(day) => Point::Day(Date::new(year, month as i8, day as i8).ok()?),
        None => Point::Month(year, month),
    }))
}

/// The year and quarter a day lies in.
fn quarter_of(day: Date) -> (i16, u8) {
    (day.year(), (day.month() as u8 - 1) / 3 + 1)
}

/// "USA Today", ABC's "This Week": a relative date capitalised inside a
/// sentence, after a name or as a quoted title of several words, is a name.
fn in_title(words: &[Word<'_>], sentence_start: usize, first: usize, last: usize, expr: &Expr) -> bool {
    if !matches!(expr, Expr::Relative(..) | Expr::Ref(_)) || !words[first..last].iter().all(|w| w.capitalized)
    {
        return false;
    }
    let quote = |w: &Word<'_>| w.punct && matches!(w.text, "\"" | "'" | "`" | "``" | "\u{201c}" | "\u{2018}");
    let mut p = first;
    while p > sentence_start && quote(&words[p - 1]) {
        p -= 1;
    }
    if p == sentence_start {
        return false;
    }
    let before = &words[p - 1];
    let quoted = p < first;
    let name_before = before.capitalized && before.lex == Lex::Other && !quoted;
    !before.punct && (name_before || (quoted && last - first > 1))
}

/// Whether `point`, found as `expr` after the word `before` in a clause
/// of `tense`, becomes the date in focus in place of `focus`.
fn moves_focus(
    expr: &Expr,
    point: Point,
    focus: Option<Point>,
    before: Option<&str>,
    tense: Tense,
    dct: Date,
) -> bool {
    // "the quarter" puts its quarter in focus when none is.
    if matches!(expr, Expr::ReportedQuarter) && !matches!(focus, Some(Point::Quarter(..))) {
        return true;
    }
    // "the first quarter ended Sept. 30": the end date leaves the quarter
    // in focus.
    let ends_period = matches!(before, Some("ended" | "ending"))
        && matches!(focus, Some(Point::Quarter(..) | Point::Half(..) | Point::Year(_)));
    // "will result in a fourth-quarter charge": a quarter still to come is
    // no report's focus.
    let coming_quarter =
        tense == Tense::Future && matches!(point, Point::Quarter(y, q) if (y, q) >= quarter_of(dct));
    updates_reference(expr) && !ends_period && !coming_quarter
}

/// Which expressions put a new date in focus for the ones that follow.
/// Clock times and anaphors lean on the focus rather than move it.
fn updates_reference(expr: &Expr) -> bool {
    !matches!(
        expr,
        Expr::Clock(None, ..)
            | Expr::Shift { from_reference: true, .. }
            // "a year ago" is the comparison of an earnings report, not a
            // new focus: "a year earlier" after it is the same year.
            | Expr::Shift { amount: Amount { unit: Unit::Year, .. }, .. }
            | Expr::ReportedQuarter
            | Expr::ReportedYear
            | Expr::YearEarlier { .. }
            | Expr::PeriodOfYear(_)
            | Expr::NeighbourWeekday(..)
            | Expr::InFocus(_)
    )
}
