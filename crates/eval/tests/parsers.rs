//! The corpus readers never panic, whatever they are given: bad input is an
//! error (or an empty result), never a crash.

use dateline_eval::{read_cat, read_corefud, read_geo_corpus, Timeline};
use proptest::prelude::*;

const GEO: &str = "<articles><article docid=\"1\"><text><![CDATA[Rain in Paris.]]></text><toponyms><toponym>\
<start>8</start><end>13</end><phrase>Paris</phrase><gaztag geonameid=\"2988507\"><lat>48.85</lat><lon>2.35</lon>\
</gaztag></toponym></toponyms></article></articles>";
const CAT: &str = "<Document doc_id=\"7\"><token t_id=\"1\" sentence=\"0\" number=\"0\">Apple</token>\
<Markables><TIMEX3 m_id=\"1\" functionInDocument=\"CREATION_TIME\" value=\"2008-01-09\"></TIMEX3></Markables></Document>";
const COREFUD: &str = "# newdoc id = d\n# global.Entity = eid-etype-head-minspan\n# text = Ann's dog ran.\n\
1-2\tAnn's\t_\t_\t_\t_\t_\t_\t_\t_\n1\tAnn\tAnn\tPROPN\t_\t_\t3\tnmod:poss\t_\tEntity=(e1-person-1-1\n\
2\t's\t's\tPART\t_\t_\t1\tcase\t_\tEntity=e1)\n3\tdog\tdog\tNOUN\t_\t_\t4\tnsubj\t_\tEntity=(e2-animal-1-1)\n\
4\tran\trun\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_\n\n";
const TIMELINE: &str = "Apple\n0\tXXXX-XX-XX\t1-2-said\n1\t2008-01-09\t1-3-won\t2-1-won\n";

/// A valid document with noise spliced in somewhere.
fn spliced(valid: &'static str) -> impl Strategy<Value = String> {
    (0..valid.len(), "[<>&;\"/=a-zA-Z0-9 \t\n\\]\\[!-]{0,40}").prop_map(move |(cut, noise)| {
        let cut = (0..=cut).rev().find(|c| valid.is_char_boundary(*c)).unwrap_or(0);
        format!("{}{}{}", &valid[..cut], noise, &valid[cut..])
    })
}

proptest! {
    #[test]
    fn geo_reader_never_panics(text in spliced(GEO)) {
        let _ = read_geo_corpus(&text);
    }

    #[test]
    fn cat_reader_never_panics(text in spliced(CAT)) {
        let _ = read_cat(&text);
    }

    #[test]
    fn timeline_parser_never_panics(text in spliced(TIMELINE)) {
        if let Ok(timeline) = Timeline::parse(&text) {
            // What parses renders and parses again to the same timeline.
            prop_assert_eq!(Timeline::parse(&timeline.render()).ok(), Some(timeline));
        }
    }

    #[test]
    fn corefud_reader_never_panics_and_keeps_words_in_the_text(text in spliced(COREFUD)) {
        if let Ok(docs) = read_corefud(&text) {
            for doc in docs {
                let chars = doc.text.chars().count();
                prop_assert!(doc.words.iter().all(|w| w.start <= w.end && w.end <= chars));
                prop_assert!(doc.mentions.iter().all(|m| m.start < m.end && m.end <= doc.words.len()));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = read_corefud(&text);
        let _ = read_geo_corpus(&text);
        let _ = read_cat(&text);
        let _ = Timeline::parse(&text);
    }
}

#[test]
fn errors_name_the_line() {
    let broken = "<!-- LGL -->\n<article docid=\"1\">\n<text>Rain.</text>\n";
    let error = read_geo_corpus(broken).unwrap_err();
    assert_eq!(error.line_number(), Some(2));
    assert_eq!(error.to_string(), "line 2: <article> is never closed");
    let error = Timeline::parse("Apple\n1\t2008-01-09\n").unwrap_err();
    assert_eq!(error.to_string(), "line 2: want index, date and at least one event");
    let error = read_cat("<Document doc_id=\"7\">\n<token t_id=\"1\" sentence=\"0\">Apple").unwrap_err();
    assert_eq!(error.line_number(), Some(2));
}

#[test]
fn the_corefud_sample_reads_with_each_word_its_own_span() {
    let doc = &read_corefud(COREFUD).unwrap()[0];
    let words: Vec<&str> = doc.words.iter().map(|w| &doc.text[w.start..w.end]).collect();
    assert_eq!(words, ["Ann", "'s", "dog", "ran", "."]);
    assert_eq!(doc.mentions.len(), 2);
}
