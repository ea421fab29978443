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
