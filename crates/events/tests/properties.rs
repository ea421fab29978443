//! The shipped event model on any text: no panic, and mentions a caller
//! can rely on (in order, not overlapping, inside the text, on word
//! boundaries, with a TimeML class).

use dateline_events::{EventModel, CLASSES};
use dateline_syntax::Syntax;
use dateline_text::Segmented;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gets_well_formed_mentions(text in "(\\PC{0,12}[ .,\\n]){0,40}") {
        let syntax = Syntax::embedded().expect("the shipped syntax models load");
        let model = EventModel::embedded().expect("the shipped event model loads");
        let segmented = Segmented::new(&text);
        let chars = text.chars().count();
        let mentions = model.mentions(syntax, &segmented);
        for pair in mentions.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "{:?}", pair);
        }
        for mention in &mentions {
            prop_assert!(mention.start < mention.end && mention.end <= chars, "{:?}", mention);
            prop_assert!(CLASSES.contains(&mention.class));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Relations on any text, with any dates (even ones that overlap the
    /// events or lie outside the text): no panic, ends that exist, never
    /// a thing related to itself, and TimeML relation types.
    #[test]
    fn any_text_gets_well_formed_relations(
        text in "(\\PC{0,12}[ .,\\n]){0,30}",
        dates in proptest::collection::vec((0usize..400, 1usize..20), 0..6),
    ) {
        use dateline_core::{Date, Timex, TimexType};
        use dateline_events::{Endpoint, EventSpan, RelationInput, RelationModel, RELATIONS};
        let syntax = Syntax::embedded().expect("the shipped syntax models load");
        let model = EventModel::embedded().expect("the shipped event model loads");
        let relation_model = RelationModel::embedded().expect("the shipped relation model loads");
        let segmented = Segmented::new(&text);
        let parses = syntax.analyse(&segmented);
        let mentions = model.mentions_in_parses(syntax, &parses);
        let events: Vec<EventSpan<'_>> =
            mentions.iter().map(|m| EventSpan { start: m.start, end: m.end, class: m.class }).collect();
        let timexes: Vec<Timex> = dates
            .iter()
            .map(|&(start, len)| Timex {
                start,
                end: start + len,
                text: String::new(),
                kind: TimexType::Date,
                value: "2020-11-26".into(),
                modifier: None,
            })
            .collect();
        let dct = Date::new(2020, 11, 26).unwrap();
        let input = RelationInput { parses: &parses, events: &events, timexes: &timexes, dct };
        for relation in relation_model.relations(&input) {
            prop_assert!(relation.source != relation.target, "{:?}", relation);
            prop_assert!(RELATIONS.contains(&relation.kind));
            for end in [relation.source, relation.target] {
                match end {
                    Endpoint::Event(e) => prop_assert!(e < events.len()),
                    Endpoint::Time(t) => prop_assert!(t < timexes.len()),
                    Endpoint::Creation => {}
                }
            }
        }
    }
}
