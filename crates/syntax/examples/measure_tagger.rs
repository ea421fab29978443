//! Trains on UD EWT dev+test and PUD (every 10th sentence held out) and
//! prints held-out and GUM-dev tagging scores: a development tool.

use dateline_syntax::{conllu, Syntax, TrainOptions};
use std::time::Instant;

fn load(path: &str) -> Vec<conllu::Sentence> {
    let text = std::fs::read_to_string(path).expect(path);
    conllu::read(path, &text).into_iter().filter_map(Result::ok).collect()
}

fn main() {
    let ud = std::env::args().nth(1).unwrap_or("../shared/data/ud".into());
    let epochs: usize = std::env::args().nth(2).and_then(|e| e.parse().ok()).unwrap_or(10);
    let mut train = Vec::new();
    let mut held = Vec::new();
    for f in [
        "UD_English-EWT/en_ewt-ud-dev.conllu",
        "UD_English-EWT/en_ewt-ud-test.conllu",
        "UD_English-PUD/en_pud-ud-test.conllu",
    ] {
        for (i, s) in load(&format!("{ud}/{f}")).into_iter().enumerate() {
            if i % 10 == 9 {
                held.push(s)
            } else {
                train.push(s)
            }
        }
    }
    let gum = load(&format!("{ud}/UD_English-GUM/en_gum-ud-dev.conllu"));
    let start = Instant::now();
    let syntax =
        Syntax::train(&train, &[], &TrainOptions { tagger_epochs: epochs, parser_epochs: 1, runs: 1 });
    eprintln!(
        "trained in {:.1} s; model {} bytes gzipped",
        start.elapsed().as_secs_f64(),
        syntax.to_gzip().len()
    );
    for (name, set) in [("held-out", &held), ("GUM dev", &gum)] {
        let (mut n, mut upos, mut xpos, mut feats, mut lemma) = (0, 0, 0, 0, 0);
        let start = Instant::now();
        for s in set.iter() {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            for (g, p) in s.words.iter().zip(syntax.analyse_words(&forms)) {
                n += 1;
                upos += usize::from(g.upos == p.upos);
                xpos += usize::from(g.xpos == p.xpos);
                feats += usize::from(g.feats == p.feats);
                lemma += usize::from(g.lemma == p.lemma);
            }
        }
        let pct = |k: usize| 100.0 * k as f64 / n as f64;
        println!(
            "{name:<9} {n} words: UPOS {:.2}  XPOS {:.2}  UFeats {:.2}  Lemma {:.2}  ({:.0} words/s)",
            pct(upos),
            pct(xpos),
            pct(feats),
            pct(lemma),
            n as f64 / start.elapsed().as_secs_f64()
        );
    }
}
