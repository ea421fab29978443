//! Words as Universal Dependencies (English EWT) splits them, from the
//! pipeline's tokens.
//!
//! The pipeline's tokens are runs of letters, runs of digits and single
//! other characters. UD joins some of them back and splits others:
//!
//! - clitics are words of their own: "don't" is "do" + "n't", "can't" is
//!   "ca" + "n't", "it's" is "it" + "'s" (also with "’"), "cannot" is "can"
//!   + "not", "gonna" is "gon" + "na";
//! - hyphenated words are split ("30-year-old" is five words,
//!   "Nagorno-Karabakh" three), except after a prefix ("mid-July",
//!   "e-mail", "non-Western");
//! - abbreviations keep their period ("U.S.", "a.m.", "Mr.", "Inc.", "M.");
//! - numbers keep their separators ("1,000", "3.5", "10:30", "08/16/2000",
//!   "2020-11-25", telephone numbers), ordinals and decades their suffix
//!   ("21st", "1990s"); units are split ("10am" is "10" + "am");
//! - web and e-mail addresses, hashtags, emoticons (":-)") and runs of
//!   punctuation ("...", "?!", "--") are one word each;
//! - letters and digits written together are one word ("MP3", "B2B").
//!
//! Every word is a slice of the text: splitting never rewrites a form.

use dateline_text::{Segmented, Token, TokenKind};

/// One word as UD splits the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UdWord<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Character offset of its first character.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
}

/// The UD words of each sentence of a segmented text.
///
/// ```
/// use dateline_syntax::ud_words;
/// use dateline_text::Segmented;
/// let text = Segmented::new("The U.S. envoy didn't leave Nagorno-Karabakh until 10:30 a.m. on Friday.");
/// let words: Vec<&str> = ud_words(&text)[0].iter().map(|w| w.text).collect();
/// assert_eq!(
///     words,
///     ["The", "U.S.", "envoy", "did", "n't", "leave", "Nagorno", "-", "Karabakh", "until", "10:30", "a.m.",
///      "on", "Friday", "."]
/// );
/// ```
pub fn ud_words<'a>(text: &Segmented<'a>) -> Vec<Vec<UdWord<'a>>> {
    text.sentences
        .iter()
        .map(|sentence| {
            let tokens = &text.tokens[sentence.clone()];
            let mut words = Vec::with_capacity(tokens.len());
            let after = text.tokens.get(sentence.end);
            Splitter { text: text.text, tokens, after, words: &mut words }.run();
            words
        })
        .collect()
}

/// Whether `word`, written right after `previous` with no space between,
/// is a piece UD splits off it: the two are one multiword token ("do" +
/// "n't", "it" + "’s", "can" + "not", "gon" + "na").
///
/// ```
/// use dateline_syntax::is_split_clitic;
/// assert!(is_split_clitic("do", "n't"));
/// assert!(is_split_clitic("Iran", "’s"));
/// assert!(is_split_clitic("can", "not"));
/// assert!(!is_split_clitic("states", "'"));
/// assert!(!is_split_clitic("mid", "-"));
/// ```
pub fn is_split_clitic(previous: &str, word: &str) -> bool {
    if previous.is_empty() || word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(is_apostrophe) {
        return is_clitic(chars.as_str());
    }
    if let Some(rest) = word.strip_prefix(['n', 'N']) {
        if let Some(t) = rest.strip_prefix(is_apostrophe) {
            return t.eq_ignore_ascii_case("t");
        }
    }
    let joined = format!("{previous}{word}").to_ascii_lowercase();
    CONTRACTIONS.iter().any(|(whole, at)| *whole == joined && at == &previous.len())
        || NEGATIONS_WITHOUT_APOSTROPHE.iter().any(|(whole, at)| *whole == joined && at == &previous.len())
}

/// Apostrophes as typed and as typeset.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '´' | '`' | 'ʼ')
}

/// What follows the apostrophe of a clitic UD splits off ("'s", "'ll");
/// "n't" is found apart, since its "n" belongs to the word before.
fn is_clitic(after_apostrophe: &str) -> bool {
    ["s", "m", "d", "ll", "re", "ve"].iter().any(|c| c.eq_ignore_ascii_case(after_apostrophe))
}

/// Words written as one that UD splits, and where (lowercase).
const CONTRACTIONS: &[(&str, usize)] =
    &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3), ("outta", 3), ("gimme", 3), ("lemme", 3)];

/// Negations and pronoun clitics written without their apostrophe, as on
/// the web ("dont", "im"); only when written in lowercase or with a capital
/// first letter. "wont", "its", "lets" and "ill" are words too, and stay.
const NEGATIONS_WITHOUT_APOSTROPHE: &[(&str, usize)] = &[
    ("dont", 2),
    ("didnt", 3),
    ("doesnt", 4),
    ("isnt", 2),
    ("arent", 3),
    ("wasnt", 3),
    ("werent", 4),
    ("havent", 4),
    ("hasnt", 3),
    ("hadnt", 3),
    ("wouldnt", 5),
    ("couldnt", 5),
    ("shouldnt", 6),
    ("cant", 2),
    ("aint", 2),
    ("im", 1),
    ("ive", 1),
];

/// Prefixes that UD keeps joined to the word after their hyphen
/// ("e-mail", "mid-July", "non-Western"); any other hyphen is a word.
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "anti", "bi", "co", "counter", "cross", "de", "ex", "extra", "hyper", "infra", "inter", "intra",
    "macro", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over", "pan", "para", "post", "pre",
    "pro", "pseudo", "quasi", "re", "semi", "sub", "super", "trans", "tri", "ultra", "un", "uni", "vice",
    "wi",
];

/// Abbreviations (lowercase, without their period) that keep it: titles,
/// company suffixes, months and weekdays, and a few of US states and of
/// reference works.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "gen", "gens", "col", "lt", "sgt", "capt", "cmdr",
    "adm", "maj", "gov", "sen", "sens", "rep", "reps", "pres", "rev", "hon", "st", "sts", "mt", "ft", "jr",
    "sr", "inc", "corp", "co", "cos", "ltd", "llc", "plc", "bros", "assn", "assoc", "dept", "univ", "ave",
    "blvd", "rd", "vs", "etc", "al", "approx", "est", "ext", "ed", "eds", "vol", "vols", "pp", "fig", "cf",
    "ca", "pvt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo",
    "conn", "fla", "ga", "kan", "kans", "ky", "md", "mich", "minn", "mont", "neb", "nev", "okla", "ore",
    "tenn", "tex", "va", "vt", "wis", "wyo", "ont",
];

/// Abbreviations that keep their period only before a number ("No. 5",
/// "c. 1500", "p. 12"), since they are words too.
const NUMBERED: &[&str] = &["no", "nos", "c", "p", "pp"];

/// Month abbreviations of dates such as "05-Mar-21".
const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Suffixes that stay on a number: ordinals and decades.
const NUMBER_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "s"];

/// Emoticons, as the pipeline tokenises them (one character per token,
/// except a letter run such as "D" or "P").
const EMOTICONS: &[&[&str]] = &[
    &[":", "-", ")"],
    &[":", "-", "("],
    &[";", "-", ")"],
    &[":", "-", "D"],
    &[":", "-", "P"],
    &[":", "-", "p"],
    &[":", "'", "("],
    &[":", ")"],
    &[":", "("],
    &[";", ")"],
    &[":", "D"],
    &[":", "P"],
    &[":", "p"],
    &[":", "]"],
    &[":", "["],
    &["=", ")"],
    &["^", "_", "^"],
];

/// Splits one sentence's tokens into UD words.
struct Splitter<'a, 't, 'w> {
    text: &'a str,
    tokens: &'t [Token<'a>],
    /// The first token of the next sentence.
    after: Option<&'t Token<'a>>,
    words: &'w mut Vec<UdWord<'a>>,
}

impl<'a> Splitter<'a, '_, '_> {
    fn run(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let end = self.chunk_end(i);
            self.chunk(i, end);
            i = end;
        }
    }

    /// One past the last token written together with token `i`.
    fn chunk_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        while end < self.tokens.len() && !self.tokens[end].space_before {
            end += 1;
        }
        end
    }

    /// The text of token `i` when it lies inside `[.., end)`.
    fn at(&self, i: usize, end: usize) -> Option<&'a str> {
        (i < end).then(|| self.tokens[i].text)
    }

    fn kind(&self, i: usize, end: usize) -> Option<TokenKind> {
        (i < end).then(|| self.tokens[i].kind)
    }

    fn is_word(&self, i: usize, end: usize) -> bool {
        self.kind(i, end) == Some(TokenKind::Word)
    }

    fn is_number(&self, i: usize, end: usize) -> bool {
        self.kind(i, end) == Some(TokenKind::Number)
    }

    fn is_alnum(&self, i: usize, end: usize) -> bool {
        matches!(self.kind(i, end), Some(TokenKind::Word | TokenKind::Number))
    }

    fn is(&self, i: usize, end: usize, text: &str) -> bool {
        self.at(i, end) == Some(text)
    }

    fn is_apostrophe_at(&self, i: usize, end: usize) -> bool {
        self.at(i, end).is_some_and(|t| t.chars().all(is_apostrophe))
    }

    /// Tokens `[from, to)` as one word.
    fn push(&mut self, from: usize, to: usize) {
        let (first, last) = (&self.tokens[from], &self.tokens[to - 1]);
        self.words.push(UdWord {
            text: &self.text[first.bytes.start..last.bytes.end],
            start: first.start,
            end: last.end,
        });
    }

    /// Tokens `[from, to)` as one word, less the last `chars` ASCII
    /// characters, and those characters with the tokens `[to, next)` as a
    /// second word: "don" + "'t" is "do" + "n't".
    fn push_split(&mut self, from: usize, to: usize, chars: usize, next: usize) {
        let (first, last) = (&self.tokens[from], &self.tokens[to - 1]);
        let cut_byte = last.bytes.end - chars;
        let cut_char = last.end - chars;
        if cut_char > first.start {
            self.words.push(UdWord {
                text: &self.text[first.bytes.start..cut_byte],
                start: first.start,
                end: cut_char,
            });
        }
        let tail = &self.tokens[next - 1];
        self.words.push(UdWord {
            text: &self.text[cut_byte..tail.bytes.end],
            start: cut_char,
            end: tail.end,
        });
    }

    /// The tokens `[begin, end)` written without a space between them.
    fn chunk(&mut self, begin: usize, end: usize) {
        let joined = &self.text[self.tokens[begin].bytes.start..self.tokens[end - 1].bytes.end];
        let address = joined.contains("://") || joined.contains('@') || joined.contains("www.");
        let mut i = begin;
        while i < end {
            let next = self.special(i, begin, end, address).unwrap_or_else(|| self.unit(i, end));
            debug_assert!(next > i);
            i = next;
        }
    }

    /// A web or e-mail address, emoticon, hashtag, year ("'67") or run of
    /// punctuation starting at token `i`: pushes it and says where it ends.
    fn special(&mut self, i: usize, begin: usize, end: usize, address: bool) -> Option<usize> {
        if address {
            if let Some(to) = self.web_address(i, end).or_else(|| self.email(i, end)) {
                self.push(i, to);
                return Some(to);
            }
        }
        let token = &self.tokens[i];
        if token.kind != TokenKind::Punct {
            return None;
        }
        let after_word = i > begin && self.is_alnum(i - 1, end);
        // "family:)" too, when the face ends what is written together.
        if let Some(to) = self.emoticon(i, end).filter(|&to| !after_word || to == end) {
            self.push(i, to);
            return Some(to);
        }
        let to = if i == begin && matches!(token.text, "#" | "@") && self.is_word(i + 1, end) {
            // "#elections", "@dateline_news"
            let mut to = i + 2;
            while self.is_alnum(to, end) || self.is(to, end, "_") {
                to += 1;
            }
            to
        } else if !after_word && (self.file_extension(i, end) || self.them(i, end)) {
            i + 2
        } else if !after_word
            && self.is_apostrophe_at(i, end)
            && self.is_number(i + 1, end)
            && self.tokens[i + 1].text.len() == 2
        {
            // "'67", "’90s"
            if self.is(i + 2, end, "s") {
                i + 3
            } else {
                i + 2
            }
        } else {
            self.punctuation_run(i, end)
        };
        self.push(i, to);
        Some(to)
    }

    /// ".doc", ".pdf": a file extension written alone.
    fn file_extension(&self, i: usize, end: usize) -> bool {
        self.is(i, end, ".")
            && self.at(i + 1, end).is_some_and(|t| t.len() <= 4 && t.chars().all(|c| c.is_ascii_lowercase()))
            && !self.is_alnum(i + 2, end)
            && !self.is(i + 2, end, ".")
    }

    /// "'em", "them" without its "th".
    fn them(&self, i: usize, end: usize) -> bool {
        self.is_apostrophe_at(i, end)
            && self.at(i + 1, end).is_some_and(|t| t.eq_ignore_ascii_case("em"))
            && !self.is_alnum(i + 2, end)
    }

    /// "...", "?!", "--", "**", "==": one word. Anything else: one
    /// character, one word.
    fn punctuation_run(&self, i: usize, end: usize) -> usize {
        let first = self.tokens[i].text;
        let family = |t: &'a str| match t {
            "." | "!" | "?" => Some("."),
            "-" | "=" => Some("-"),
            "*" | "_" | "~" | "<" | ">" | "$" | "#" | "+" | "^" | "|" | "/" | "\\" => Some(t),
            _ => None,
        };
        let Some(kind) = family(first) else { return i + 1 };
        // Mixed runs only for sentence ends and rules ("?!", "--=="); "*"
        // and the others join only with themselves.
        let mixed = matches!(kind, "." | "-");
        let mut to = i + 1;
        while self.at(to, end).is_some_and(|t| family(t) == Some(kind) && (mixed || t == first)) {
            to += 1;
        }
        to
    }

    fn emoticon(&self, i: usize, end: usize) -> Option<usize> {
        EMOTICONS.iter().find_map(|emoticon| {
            let to = i + emoticon.len();
            let matches = emoticon.iter().enumerate().all(|(k, part)| self.is(i + k, end, part));
            // ":D" and ":P" only as a whole: not the start of ":Do".
            (matches && !self.is_alnum(to, end)).then_some(to)
        })
    }

    /// "http://…", "https://…", "ftp://…", "www.…" up to the next space,
    /// less the punctuation that ends a sentence or closes a bracket.
    fn web_address(&self, i: usize, end: usize) -> Option<usize> {
        let first = self.tokens[i].text.to_ascii_lowercase();
        let scheme = matches!(first.as_str(), "http" | "https" | "ftp")
            && self.is(i + 1, end, ":")
            && self.is(i + 2, end, "/")
            && self.is(i + 3, end, "/");
        let www = first == "www" && self.is(i + 1, end, ".") && self.is_alnum(i + 2, end);
        if !scheme && !www {
            return None;
        }
        let mut to = end;
        let opened =
            |from: usize, to: usize, open: &str| self.tokens[from..to].iter().any(|t| t.text == open);
        while to > i + 2 {
            let last = self.tokens[to - 1].text;
            let trailing =
                matches!(last, "." | "," | ";" | ":" | "!" | "?" | "\"" | "'" | "”" | "’" | "»" | ">")
                    || (last == ")" && !opened(i, to, "("))
                    || (last == "]" && !opened(i, to, "["));
            if !trailing {
                break;
            }
            to -= 1;
        }
        Some(to)
    }

    /// "john.smith@example.com", "jane...@example.net",
    /// "Lopez@NEWSDESK": letters, digits and ". _ - +" around one "@".
    fn email(&self, i: usize, end: usize) -> Option<usize> {
        if !self.is_alnum(i, end) {
            return None;
        }
        let local = |t: &Token<'_>| t.kind != TokenKind::Punct || matches!(t.text, "." | "_" | "-" | "+");
        let mut at = i;
        while at < end && local(&self.tokens[at]) {
            at += 1;
        }
        if !self.is(at, end, "@") || !self.is_alnum(at + 1, end) {
            return None;
        }
        let mut to = at + 2;
        while matches!(self.at(to, end), Some("." | "-" | "_")) && self.is_alnum(to + 1, end) {
            to += 2;
            while self.is_alnum(to, end) {
                to += 1;
            }
        }
        Some(to)
    }

    /// A word or number starting at token `i` (a letter or digit token),
    /// with what UD keeps on it and the clitics it splits off; or one
    /// punctuation character. Pushes its words and says where it ends.
    fn unit(&mut self, i: usize, end: usize) -> usize {
        if !self.is_alnum(i, end) {
            self.push(i, i + 1);
            return i + 1;
        }
        let mut to = self.letters_and_periods(i, end).or_else(|| self.number(i, end)).unwrap_or(i + 1);
        let numeric = self.is_number(i, end);
        let mut joined_apostrophe = false;
        loop {
            let last = to - 1;
            let last_is_word = self.is_word(last, end);
            if last_is_word && self.is_number(to, end) {
                to += 1; // "MP3", "F16"
            } else if self.is_number(last, end) && self.is_word(to, end) && !numeric {
                to += 1; // "B2B"
            } else if last_is_word
                && self.is_apostrophe_at(to, end)
                && self.is_word(to + 1, end)
                && !self.clitic_follows(last, to, end)
            {
                to += 2; // "O'Hara", "d'Ivoire"
                joined_apostrophe = true;
            } else if to == i + 1
                && last_is_word
                && self.is(to, end, "-")
                && self.is_alnum(to + 1, end)
                && HYPHEN_PREFIXES.iter().any(|p| p.eq_ignore_ascii_case(self.tokens[i].text))
            {
                to += 2; // "mid-July", "e-mail"
            } else if last_is_word && self.is(to, end, "&") && self.is_word(to + 1, end) {
                to += 2; // "AT&T"
            } else if self.is(to, end, "_") && self.is_alnum(to + 1, end) {
                to += 2; // "cover_letter"
            } else if to == i + 1
                && self.is(to, end, "/")
                && self.at(i, end).is_some_and(|t| t.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
                && self
                    .at(to + 1, end)
                    .is_some_and(|t| t.len() == 1 && t.chars().all(|c| c.is_ascii_lowercase()))
            {
                to += 2; // "b/c", "w/o"
            } else if self.is(to, end, ".")
                && self.is_alnum(to + 1, end)
                && self.tokens[i..to].iter().any(|t| t.kind == TokenKind::Word)
                && self.tokens[i..to].iter().any(|t| t.kind == TokenKind::Number)
            {
                to += 2; // "AB1234.5", "Memo2020.doc"
            } else if last_is_word
                && self.is(to, end, ".")
                && self.at(to + 1, end).is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()))
                && self.tokens[last].text.chars().nth(1).is_some()
            {
                to += 2; // "example.com", "report.pdf"
            } else {
                break;
            }
        }
        if numeric {
            to = self.number_suffix(to, end);
        }
        if to + 1 == end && self.is(to, end, "-") && self.is_word(to - 1, end) {
            self.push(i, end); // "pre-" of "pre- and post-war", "th-" of a stammer
            return end;
        }
        if to == i + 1
            && self.is_word(i, end)
            && self.is(to, end, ".")
            && !self.is(to + 1, end, ".")
            && self.keeps_period(i)
        {
            to += 1;
        }
        // Clitics split off the word: "n't", "'s", "'ll".
        if self.is_apostrophe_at(to, end) && self.is_word(to + 1, end) && !self.is_apostrophe_at(to + 2, end)
        {
            let clitic = self.tokens[to + 1].text;
            let last = self.tokens[to - 1].text;
            if clitic.eq_ignore_ascii_case("t") && last.ends_with(['n', 'N']) && !joined_apostrophe {
                self.push_split(i, to, 1, to + 2);
                return to + 2;
            }
            if is_clitic(clitic) {
                if numeric && clitic.eq_ignore_ascii_case("s") {
                    self.push(i, to + 2); // "1970's"
                } else {
                    self.push(i, to);
                    self.push(to, to + 2);
                }
                return to + 2;
            }
        }
        if to == i + 1 && self.is_word(i, end) && self.contraction(i) {
            return to;
        }
        self.push(i, to);
        to
    }

    /// Whether the apostrophe at `to` and the word after it are a clitic
    /// of the word at `last` ("n't", "'s") rather than part of a name.
    fn clitic_follows(&self, last: usize, to: usize, end: usize) -> bool {
        if self.is_apostrophe_at(to + 2, end) {
            return false; // "rock'n'roll"
        }
        let clitic = self.tokens[to + 1].text;
        is_clitic(clitic)
            || (clitic.eq_ignore_ascii_case("t") && self.tokens[last].text.ends_with(['n', 'N']))
    }

    /// "U.S.", "a.m.", "e.g.", "Ph.D.": short letter runs each followed by
    /// a period; at least two of them.
    fn letters_and_periods(&self, i: usize, end: usize) -> Option<usize> {
        let short = |k: usize| self.is_word(k, end) && self.tokens[k].text.chars().nth(2).is_none();
        let single = |k: usize| self.is_word(k, end) && self.tokens[k].text.chars().nth(1).is_none();
        if !short(i) || !self.is(i + 1, end, ".") || !short(i + 2) {
            return None;
        }
        let mut to = i + 2;
        let mut parts = vec![i];
        while short(to) {
            parts.push(to);
            if self.is(to + 1, end, ".") && !self.is(to + 2, end, ".") {
                to += 2;
            } else {
                to += 1;
                break;
            }
            if !short(to) {
                break;
            }
        }
        let closed = self.tokens[to - 1].text == ".";
        // "U.S" without its last period: only when every part is a letter.
        (closed || parts.iter().all(|&k| single(k))).then_some(to)
    }

    /// Digits with the separators UD keeps: "1,000", "3.5", "10:30",
    /// "08/16/2000", ISO dates and telephone numbers.
    fn number(&self, i: usize, end: usize) -> Option<usize> {
        if !self.is_number(i, end) {
            return None;
        }
        let digits = |k: usize| self.is_number(k, end).then(|| self.tokens[k].text.len());
        // "2020-11-25", "713-664-7478", "853-3242", "20006-3700"
        if self.is(i + 1, end, "-") && self.is(i + 3, end, "-") {
            let groups = (digits(i), digits(i + 2), digits(i + 4));
            if matches!(groups, (Some(4), Some(2), Some(2)) | (Some(3), Some(3), Some(4))) {
                return Some(i + 5);
            }
        }
        // "05-Mar-21"
        let month = self
            .at(i + 2, end)
            .is_some_and(|t| t.len() == 3 && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(t)));
        if self.is(i + 1, end, "-") && month && self.is(i + 3, end, "-") && digits(i + 4).is_some() {
            return Some(i + 5);
        }
        if self.is(i + 1, end, "-") && digits(i + 2) == Some(4) && !matches!(digits(i), Some(4)) {
            return Some(i + 3);
        }
        let mut to = i + 1;
        while let (Some(","), Some(3)) | (Some("." | ":" | "/"), Some(_)) = (self.at(to, end), digits(to + 1))
        {
            to += 2;
        }
        Some(to)
    }

    /// "21st", "1990s": a suffix that stays on a number.
    fn number_suffix(&self, to: usize, end: usize) -> usize {
        let suffix = self.is_number(to - 1, end)
            && self.at(to, end).is_some_and(|t| {
                let same_case =
                    !t.bytes().any(|b| b.is_ascii_lowercase()) || !t.bytes().any(|b| b.is_ascii_uppercase());
                same_case && NUMBER_SUFFIXES.iter().any(|s| t.eq_ignore_ascii_case(s))
            });
        if suffix {
            to + 1
        } else {
            to
        }
    }

    /// Whether the word at `i` keeps the period after it: a known
    /// abbreviation or an initial ("M.").
    fn keeps_period(&self, i: usize) -> bool {
        let word = self.tokens[i].text;
        let mut chars = word.chars();
        let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        if initial {
            // "Maria T. Lopez", but "so did I." and "Plan B." end
            // with a full stop.
            let closing = |t: &Token<'_>| matches!(t.text, "\"" | "'" | ")" | "]" | "”" | "’");
            return !self.tokens[i + 2..].iter().all(closing);
        }
        let lower = word.to_lowercase();
        if NUMBERED.contains(&lower.as_str()) {
            // "No. 5", "c. 1500", "p. 12", not "He said no."
            // The sentence splitter may have ended the sentence at the period.
            let next = self.tokens.get(i + 2).or(self.after.filter(|_| i + 2 == self.tokens.len()));
            return next.is_some_and(|t| t.kind == TokenKind::Number || t.text == "#");
        }
        ABBREVIATIONS.contains(&lower.as_str())
    }

    /// "cannot", "gonna", "dont", "im": a word UD writes as two. Pushes
    /// them and says whether it did.
    fn contraction(&mut self, i: usize) -> bool {
        let token = &self.tokens[i];
        let word = token.text;
        if !word.is_ascii() || word.len() > 8 {
            return false;
        }
        let plain_case = || !word[1..].bytes().any(|b| b.is_ascii_uppercase());
        let found = CONTRACTIONS.iter().find(|(whole, _)| whole.eq_ignore_ascii_case(word)).or_else(|| {
            NEGATIONS_WITHOUT_APOSTROPHE
                .iter()
                .find(|(whole, _)| whole.eq_ignore_ascii_case(word) && plain_case())
        });
        let Some(&(_, at)) = found else { return false };
        let cut = token.bytes.start + at;
        self.words.push(UdWord {
            text: &self.text[token.bytes.start..cut],
            start: token.start,
            end: token.start + at,
        });
        self.words.push(UdWord {
            text: &self.text[cut..token.bytes.end],
            start: token.start + at,
            end: token.end,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        ud_words(&Segmented::new(text)).into_iter().flatten().map(|w| w.text).collect()
    }

    #[test]
    fn clitics() {
        let cases: &[(&str, &[&str])] = &[
            ("don't", &["do", "n't"]),
            ("can't", &["ca", "n't"]),
            ("won't", &["wo", "n't"]),
            ("DON'T", &["DO", "N'T"]),
            ("didn’t", &["did", "n’t"]),
            ("it's", &["it", "'s"]),
            ("John's", &["John", "'s"]),
            ("Iran’s", &["Iran", "’s"]),
            ("we'll", &["we", "'ll"]),
            ("I'm", &["I", "'m"]),
            ("they've", &["they", "'ve"]),
            ("you're", &["you", "'re"]),
            ("he'd", &["he", "'d"]),
            ("U.S.'s", &["U.S.", "'s"]),
            ("O'Hara's", &["O'Hara", "'s"]),
            ("states'", &["states", "'"]),
            ("cannot", &["can", "not"]),
            ("gonna", &["gon", "na"]),
            ("Dont", &["Do", "nt"]),
            ("im", &["i", "m"]),
            ("wont", &["wont"]),
            ("its", &["its"]),
            ("1970's", &["1970's"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text:?}");
        }
    }

    #[test]
    fn joined_words() {
        let cases: &[(&str, &[&str])] = &[
            ("mid-July", &["mid-July"]),
            ("e-mail", &["e-mail"]),
            ("non-Western", &["non-Western"]),
            ("Nagorno-Karabakh", &["Nagorno", "-", "Karabakh"]),
            ("30-year-old", &["30", "-", "year", "-", "old"]),
            ("Côte d'Ivoire", &["Côte", "d'Ivoire"]),
            ("rock'n'roll", &["rock'n'roll"]),
            ("AT&T", &["AT&T"]),
            ("MP3", &["MP3"]),
            ("B2B", &["B2B"]),
            ("example.com", &["example.com"]),
            ("and/or", &["and", "/", "or"]),
            ("b/c", &["b/c"]),
            ("cover_letter.doc", &["cover_letter.doc"]),
            ("AB1234.5", &["AB1234.5"]),
            ("pre- and post-war", &["pre-", "and", "post-war"]),
            ("get 'em", &["get", "'em"]),
            ("a .pdf file", &["a", ".pdf", "file"]),
            ("(.doc)", &["(", ".doc", ")"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text:?}");
        }
    }

    #[test]
    fn abbreviations() {
        let cases: &[(&str, &[&str])] = &[
            ("the U.S. army", &["the", "U.S.", "army"]),
            ("at 10 a.m. today", &["at", "10", "a.m.", "today"]),
            ("e.g. this", &["e.g.", "this"]),
            ("Mr. Smith", &["Mr.", "Smith"]),
            ("Apple Inc.", &["Apple", "Inc."]),
            ("Maria T. Lopez", &["Maria", "T.", "Lopez"]),
            ("So did I.", &["So", "did", "I", "."]),
            ("Take plan B.\")", &["Take", "plan", "B", ".", "\"", ")"]),
            ("Ph.D. students", &["Ph.D.", "students"]),
            ("No. 5", &["No.", "5"]),
            ("c. 1500", &["c.", "1500"]),
            ("I said no.", &["I", "said", "no", "."]),
            ("and so on etc...", &["and", "so", "on", "etc", "..."]),
            ("they left.", &["they", "left", "."]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text:?}");
        }
    }

    #[test]
    fn numbers() {
        let cases: &[(&str, &[&str])] = &[
            ("1,000 troops", &["1,000", "troops"]),
            ("3,500,000", &["3,500,000"]),
            ("3.5 percent", &["3.5", "percent"]),
            ("at 10:30", &["at", "10:30"]),
            ("03:14:14", &["03:14:14"]),
            ("08/16/2000", &["08/16/2000"]),
            ("2020-11-25", &["2020-11-25"]),
            ("713-664-7478", &["713-664-7478"]),
            ("853-3242", &["853-3242"]),
            ("1946-1954", &["1946", "-", "1954"]),
            ("13-17", &["13", "-", "17"]),
            ("the 21st century", &["the", "21st", "century"]),
            ("the 1990s", &["the", "1990s"]),
            ("10am", &["10", "am"]),
            ("$5.50", &["$", "5.50"]),
            ("5%", &["5", "%"]),
            ("11,2000", &["11", ",", "2000"]),
            ("05-Mar-21", &["05-Mar-21"]),
            ("in '67", &["in", "'67"]),
            ("the ’90s", &["the", "’90s"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text:?}");
        }
    }

    #[test]
    fn addresses_emoticons_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            ("see http://www.example.com/a-b/c.html.", &["see", "http://www.example.com/a-b/c.html", "."]),
            ("(www.example.org)", &["(", "www.example.org", ")"]),
            ("mail john.smith@example.co.uk, now", &["mail", "john.smith@example.co.uk", ",", "now"]),
            ("<jane@example.com>", &["<", "jane@example.com", ">"]),
            ("Wait...", &["Wait", "..."]),
            ("Really?!", &["Really", "?!"]),
            ("so -- then", &["so", "--", "then"]),
            ("great :-) thanks", &["great", ":-)", "thanks"]),
            ("fun :D", &["fun", ":D"]),
            ("family:)", &["family", ":)"]),
            ("Note:Do", &["Note", ":", "Do"]),
            ("#elections", &["#elections"]),
            ("\"Yes,\" he said.", &["\"", "Yes", ",", "\"", "he", "said", "."]),
            ("'Quoted'", &["'", "Quoted", "'"]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text:?}");
        }
    }

    #[test]
    fn split_clitics_are_recognised_for_multiword_tokens() {
        for text in ["don't", "it’s", "cannot", "gonna", "dont", "John's"] {
            let w = words(text);
            assert!(is_split_clitic(w[0], w[1]), "{text}");
        }
        assert!(!is_split_clitic("1,000", "troops"));
        assert!(!is_split_clitic("", "'s"));
    }

    proptest! {
        /// Words are non-empty slices of the text at their character
        /// offsets, in order, never overlapping, on character boundaries.
        #[test]
        fn words_are_ordered_slices_of_the_text(text in "([a-zA-Z0-9 .,:;'’@/&#-]|n't|'s|http://|\\.\\.\\.|é|\\PC){0,60}") {
            let chars: Vec<char> = text.chars().collect();
            let segmented = Segmented::new(&text);
            let mut previous_end = 0;
            for word in ud_words(&segmented).into_iter().flatten() {
                prop_assert!(word.start < word.end, "{:?}", word);
                prop_assert!(word.start >= previous_end, "{:?} overlaps", word);
                prop_assert!(word.end <= chars.len());
                let by_chars: String = chars[word.start..word.end].iter().collect();
                prop_assert_eq!(by_chars.as_str(), word.text);
                previous_end = word.end;
            }
        }
    }
}
