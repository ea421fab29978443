//! The table-test harness the timex test files share: each case is a
//! phrase, its publication date, and the expressions a careful reader finds
//! in it with their TIMEX3 type, value and mod.

use dateline_core::{Date, DocumentType, TimexMod};
use dateline_text::Segmented;
use dateline_timex::Tagger;

/// (dct, text, [(expression, type, value, mod)])
pub type Case =
    (&'static str, &'static str, &'static [(&'static str, &'static str, &'static str, Option<TimexMod>)]);

/// An expression as a case writes it: text, type, value, mod.
pub type Found = (String, String, String, Option<TimexMod>);

/// Tags every case with `tag` and fails with every case that differs.
pub fn check_cases(cases: &[Case], tag: impl Fn(&str, Date) -> Vec<Found>) {
    let mut failures = Vec::new();
    for (dct, text, want) in cases {
        let dct: Date = dct.parse().unwrap();
        let got = tag(text, dct);
        let want: Vec<Found> =
            want.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), *d)).collect();
        if got != want {
            failures.push(format!("{dct} {text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Tags every case as a document of type `kind` and fails with every case
/// that differs.
#[allow(dead_code, reason = "the files that tag news alone do not use it")]
pub fn check_as(kind: DocumentType, cases: &[Case]) {
    let tagger = Tagger::new();
    check_cases(cases, |text, dct| {
        tagger
            .tag_as(&Segmented::new(text), dct, kind)
            .into_iter()
            .map(|t| (t.timex.text, t.timex.kind.to_string(), t.timex.value.to_string(), t.timex.modifier))
            .collect()
    });
}
