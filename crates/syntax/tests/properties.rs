//! The shipped models on any input: no panic, and an analysis a caller can
//! rely on (one word per token, heads inside the sentence, one root, no
//! cycle, spans in order within the text).

use dateline_syntax::{Syntax, Word};
use proptest::prelude::*;

fn models() -> &'static Syntax {
    Syntax::embedded().expect("the shipped models load")
}

/// Every head is in range, exactly one word hangs from the root, and
/// following heads from any word reaches the root.
fn assert_tree(words: &[Word]) {
    let n = words.len();
    assert!(words.iter().all(|w| w.head <= n), "a head outside the sentence");
    assert_eq!(words.iter().filter(|w| w.head == 0).count(), 1, "one root");
    for start in 1..=n {
        let (mut at, mut steps) = (start, 0);
        while at != 0 {
            at = words[at - 1].head;
            steps += 1;
            assert!(steps <= n, "a cycle through word {start}");
        }
    }
    for word in words {
        assert!(!word.deprel.is_empty() && !word.lemma.is_empty() && !word.xpos.is_empty(), "{word:?}");
        assert_eq!(word.head == 0, word.deprel == "root", "{word:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_token_sequence_gets_a_tree(forms in prop::collection::vec("\\PC{1,12}", 1..40)) {
        let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
        let words = models().analyse_words(&forms);
        prop_assert_eq!(words.len(), forms.len());
        for (word, form) in words.iter().zip(&forms) {
            prop_assert_eq!(&word.form, form);
        }
        assert_tree(&words);
    }

    #[test]
    fn any_text_gets_trees_over_its_words(text in "([a-zA-Z]{1,8}|[0-9]{1,4}|[ .,;:!?'\"()-]|n't|'s|\\PC){0,80}") {
        let segmented = dateline_text::Segmented::new(&text);
        let mut last_end = 0;
        for parse in models().analyse(&segmented) {
            prop_assert_eq!(parse.words.len(), parse.spans.len());
            assert_tree(&parse.words);
            for (word, &(start, end)) in parse.words.iter().zip(&parse.spans) {
                // Spans count characters, not bytes.
                prop_assert!(last_end <= start && start < end && end <= text.chars().count());
                let form: String = text.chars().skip(start).take(end - start).collect();
                prop_assert_eq!(form, word.form.as_str());
                last_end = end;
            }
        }
    }
}

#[test]
fn a_news_sentence_is_tagged_and_parsed_as_a_reader_would() {
    let forms = [
        "Rail",
        "services",
        "were",
        "suspended",
        "this",
        "morning",
        "and",
        "will",
        "resume",
        "at",
        "6",
        "p.m.",
    ];
    let words = models().analyse_words(&forms);
    assert_tree(&words);
    let at = |form: &str| words.iter().position(|w| w.form == form).unwrap();
    let (suspended, resume, morning) = (at("suspended"), at("resume"), at("morning"));
    assert_eq!(words[suspended].deprel, "root");
    assert_eq!(words[suspended].lemma, "suspend");
    assert_eq!(words[suspended].feature("Tense"), Some("Past"));
    // "resume" is the second verb of the coordination, and "this morning"
    // modifies "suspended", not "resume": what the event layer needs.
    assert_eq!((words[resume].head, words[resume].deprel.as_str()), (suspended + 1, "conj"));
    assert_eq!(words[morning].head, suspended + 1);
    assert_eq!(words[at("services")].deprel, "nsubj:pass");
}
