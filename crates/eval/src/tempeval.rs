//! TempEval-3 Task A: temporal expression extraction and normalisation.
//!
//! Definitions as in UzZaman et al. (2013): a strict match has the same
//! span, a relaxed match overlaps; type and value accuracy are measured
//! over relaxed matches, and attribute F1 counts an expression as found
//! only when the attribute is also right (so it is relaxed F1 × accuracy).

use dateline_core::Timex;
use serde::Serialize;

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Correct over system.
    pub p: f64,
    /// Correct over gold.
    pub r: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// P/R/F1 when the correct counts differ on each side (one system span
/// may cover two gold ones).
pub(crate) fn prf(system_correct: usize, system: usize, gold_correct: usize, gold: usize) -> Prf {
    let p = ratio(system_correct, system);
    let r = ratio(gold_correct, gold);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

impl Prf {
    fn from_counts(correct: usize, system: usize, gold: usize) -> Prf {
        prf(correct, system, correct, gold)
    }
}

/// As the reports print it: `P 0.8182  R 0.8549  F1 0.8361`.
impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "P {:.4}  R {:.4}  F1 {:.4}", self.p, self.r, self.f1)
    }
}

/// One attribute (type or value): accuracy over matches, and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Attribute {
    /// Right attribute over relaxed matches.
    pub accuracy: f64,
    /// F1 counting only matches with the right attribute.
    pub f1: f64,
}

/// What went wrong with one expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MistakeKind {
    /// A gold expression the system did not find.
    Missed,
    /// A system expression that is not in the gold.
    Spurious,
    /// Found, with the wrong value or type.
    WrongValue,
}

/// One error, with enough context to act on it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mistake {
    /// Which error.
    pub kind: MistakeKind,
    /// The document.
    pub doc: String,
    /// The expression's text (gold when there is one).
    pub text: String,
    /// Gold type and value, when there is a gold expression.
    pub gold: Option<String>,
    /// System text, type and value, when the system found something.
    pub system: Option<String>,
    /// The sentence-sized window around it.
    pub context: String,
}

/// The TempEval-3 scores over a set of documents (micro-averaged).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimexScore {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Same span.
    pub strict: Prf,
    /// Overlapping span.
    pub relaxed: Prf,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: Attribute,
    /// TIMEX3 value.
    pub value: Attribute,
    /// Every miss, spurious expression and wrong value (when asked for).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Mistake>,
}

/// One document's gold and system expressions.
pub struct DocumentTimexes<'a> {
    /// Its id, for error reports.
    pub id: &'a str,
    /// Its text, for error context.
    pub text: &'a str,
    /// The reference annotation.
    pub gold: &'a [Timex],
    /// What the system found.
    pub system: &'a [Timex],
}

impl TimexScore {
    /// Scores documents; `keep_errors` collects every mistake.
    ///
    /// ```
    /// use dateline_core::{Timex, TimexType};
    /// use dateline_eval::{DocumentTimexes, TimexScore};
    /// let t = |start, end, value: &str| Timex { start, end, text: String::new(), kind: TimexType::Date, value: value.into(), modifier: None };
    /// let gold = [t(0, 6, "2020-11-20"), t(10, 14, "2020")];
    /// let system = [t(0, 6, "2020-11-20"), t(9, 14, "2019")];
    /// let doc = DocumentTimexes { id: "d", text: "", gold: &gold, system: &system };
    /// let score = TimexScore::compute(&[doc], false);
    /// assert_eq!(score.relaxed.f1, 1.0);
    /// assert_eq!(score.strict.f1, 0.5);
    /// assert_eq!(score.value.f1, 0.5);
    /// ```
    pub fn compute(docs: &[DocumentTimexes<'_>], keep_errors: bool) -> TimexScore {
        let (mut gold_total, mut system_total) = (0, 0);
        let (mut strict, mut relaxed, mut type_ok, mut value_ok) = (0, 0, 0, 0);
        let mut errors = Vec::new();
        for doc in docs {
            gold_total += doc.gold.len();
            system_total += doc.system.len();
            let pairs = align(doc.gold, doc.system);
            let mut system_used = vec![false; doc.system.len()];
            for (g, s) in pairs.iter().enumerate() {
                let gold = &doc.gold[g];
                let Some(s) = *s else {
                    if keep_errors {
                        errors.push(mistake(MistakeKind::Missed, doc, Some(gold), None));
                    }
                    continue;
                };
                system_used[s] = true;
                let system = &doc.system[s];
                relaxed += 1;
                strict += usize::from(gold.start == system.start && gold.end == system.end);
                type_ok += usize::from(gold.kind == system.kind);
                let right = gold.value == system.value
                    || comparable(&gold.value.to_string()) == comparable(&system.value.to_string());
                value_ok += usize::from(right);
                if keep_errors && (!right || gold.kind != system.kind) {
                    errors.push(mistake(MistakeKind::WrongValue, doc, Some(gold), Some(system)));
                }
            }
            if keep_errors {
                for (s, used) in system_used.iter().enumerate() {
                    if !used {
                        errors.push(mistake(MistakeKind::Spurious, doc, None, Some(&doc.system[s])));
                    }
                }
            }
        }
        let relaxed_prf = Prf::from_counts(relaxed, system_total, gold_total);
        let attribute = |ok| Attribute {
            accuracy: ratio(ok, relaxed),
            f1: 2.0 * ratio(ok, 1) / ((system_total + gold_total).max(1) as f64),
        };
        TimexScore {
            gold: gold_total,
            system: system_total,
            strict: Prf::from_counts(strict, system_total, gold_total),
            relaxed: relaxed_prf,
            kind: attribute(type_ok),
            value: attribute(value_ok),
            errors,
        }
    }
}

/// A value as the scorer compares it: a day with its weekday added
/// (`2011-11-26-WXX-6`, as the annotated tweets write every weekday, which
/// their corpus says to read as the day) is the day; every other value is
/// compared as written, as the official TempEval-3 scorer compares it.
fn comparable(value: &str) -> String {
    let bytes = value.as_bytes();
    let digits =
        |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
    let full_date = digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10);
    if full_date && value[10..].starts_with("-WXX-") && bytes.get(15).is_some_and(u8::is_ascii_digit) {
        return format!("{}{}", &value[..10], &value[16..]);
    }
    value.to_string()
}

/// Pairs each gold expression with at most one overlapping system
/// expression, preferring the largest overlap.
fn align(gold: &[Timex], system: &[Timex]) -> Vec<Option<usize>> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (g, gt) in gold.iter().enumerate() {
        for (s, st) in system.iter().enumerate() {
            let overlap = gt.end.min(st.end).saturating_sub(gt.start.max(st.start));
            if overlap > 0 {
                candidates.push((overlap, g, s));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut pairs = vec![None; gold.len()];
    let mut taken = vec![false; system.len()];
    for (_, g, s) in candidates {
        if pairs[g].is_none() && !taken[s] {
            pairs[g] = Some(s);
            taken[s] = true;
        }
    }
    pairs
}

fn mistake(
    kind: MistakeKind,
    doc: &DocumentTimexes<'_>,
    gold: Option<&Timex>,
    system: Option<&Timex>,
) -> Mistake {
    let span = gold.or(system).map_or((0, 0), |t| (t.start, t.end));
    Mistake {
        kind,
        doc: doc.id.to_string(),
        text: gold.or(system).map(|t| t.text.clone()).unwrap_or_default(),
        gold: gold.map(|t| format!("{} {}", t.kind, t.value)),
        system: system.map(|t| format!("{:?} {} {}", t.text, t.kind, t.value)),
        context: context(doc.text, span),
    }
}

/// About sixty characters either side of a span, on one line.
fn context(text: &str, (start, end): (usize, usize)) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(60);
    let to = (end + 60).min(chars.len());
    let piece =
        |a: usize, b: usize| -> String { chars[a.min(chars.len())..b.min(chars.len())].iter().collect() };
    let joined = format!("{}[{}]{}", piece(from, start), piece(start, end), piece(end, to));
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tweets_weekday_notation_is_rewritten() {
        let cases = [
            ("2011-11-26-WXX-6", "2011-11-26"),
            ("2013-04-13-WXX-6T19:00", "2013-04-13T19:00"),
            ("2012-06-15-WXX-5TNI", "2012-06-15TNI"),
            // Anything else is compared as written, as the official scorer does.
            ("2014-07-W27", "2014-07-W27"),
            ("P12H", "P12H"),
            ("XXXX-WXX-6", "XXXX-WXX-6"),
            ("2020-W48", "2020-W48"),
            ("2014-XX-XX", "2014-XX-XX"),
        ];
        for (written, standard) in cases {
            assert_eq!(comparable(written), standard, "{written}");
        }
    }

    #[test]
    fn a_weekday_written_into_a_gold_day_is_forgiven() {
        let t = |value: &str| Timex {
            start: 0,
            end: 6,
            text: String::new(),
            kind: dateline_core::TimexType::Date,
            value: value.into(),
            modifier: None,
        };
        let (gold, system) = ([t("2011-11-26-WXX-6")], [t("2011-11-26")]);
        let doc = DocumentTimexes { id: "d", text: "", gold: &gold, system: &system };
        assert_eq!(TimexScore::compute(&[doc], false).value.f1, 1.0);
    }
}
