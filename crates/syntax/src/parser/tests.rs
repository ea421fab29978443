//! Tests of the parser: the transition system and its oracles on hand
//! cases, the oracle's costs against an exhaustive search, and a tiny
//! model trained on hand-written sentences (never on the UD files: see
//! `report.rs` for those).

use super::oracle::{self, cost, static_move, Gold};
use super::system::{Move, State, ROOT_LABEL};
use super::training::{NonProjective, Options};
use super::{Parser, Token};
use crate::conllu::{self, Sentence};
use crate::Upos;
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Hand-written sentences in the news register, annotated as UD English.
const SENTENCES: &str = "\
1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\t_
5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_
6\tFriday\tFriday\tPROPN\tNNP\t_\t2\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
3\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_
4\tresume\tresume\tVERB\tVB\t_\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\tNovember\tNovember\tPROPN\tNNP\t_\t4\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tArmenia\tArmenia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\thanded\thand\tVERB\tVBD\t_\t0\troot\t_\t_
3\tover\tover\tADP\tRP\t_\t2\tcompound:prt\t_\t_
4\tKalbajar\tKalbajar\tPROPN\tNNP\t_\t2\tobj\t_\t_
5\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
6\tAzerbaijan\tAzerbaijan\tPROPN\tNNP\t_\t2\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tdeadline\tdeadline\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
4\textended\textend\tVERB\tVBN\t_\t0\troot\t_\t_
5\tuntil\tuntil\tADP\tIN\t_\t6\tcase\t_\t_
6\tNovember\tNovember\tPROPN\tNNP\t_\t4\tobl\t_\t_
7\t25\t25\tNUM\tCD\t_\t6\tnummod\t_\t_
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tarmy\tarmy\tNOUN\tNN\t_\t5\tnsubj\t_\t_
5\twithdrew\twithdraw\tVERB\tVBD\t_\t2\tccomp\t_\t_
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tResidents\tresident\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tfled\tflee\tVERB\tVBD\t_\t0\troot\t_\t_
3\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\ttown\ttown\tNOUN\tNN\t_\t6\tnsubj\t_\t_
6\temptied\tempty\tVERB\tVBD\t_\t2\tconj\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\thearing\thearing\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
3\tis\tbe\tAUX\tVBZ\t_\t4\taux:pass\t_\t_
4\tscheduled\tschedule\tVERB\tVBN\t_\t0\troot\t_\t_
5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\tissue\tissue\tNOUN\tNN\t_\t2\tnmod\t_\t_
8\ttoday\ttoday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_
9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

";

fn sentences() -> Vec<Sentence> {
    conllu::read("tests", SENTENCES).into_iter().map(|s| s.unwrap()).collect()
}

fn gold_tags(sentences: &[Sentence]) -> Vec<Vec<(Upos, String)>> {
    sentences.iter().map(|s| s.words.iter().map(|w| (w.upos, w.xpos.clone())).collect()).collect()
}

/// A tiny model, trained once for all the tests.
fn tiny() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| {
        let sentences = sentences();
        Parser::train(&sentences, &gold_tags(&sentences), &crate::clusters::Clusters::default(), 8)
    })
}

fn tokens(sentence: &Sentence) -> Vec<Token<'_>> {
    sentence
        .words
        .iter()
        .map(|w| Token {
            form: &w.form,
            lemma: &w.lemma,
            upos: w.upos,
            xpos: &w.xpos,
            cluster: super::NO_CLUSTER,
        })
        .collect()
}

/// Gold heads in the system's numbering (0-based, the root `n`).
fn gold(heads: &[usize]) -> Gold {
    let root = heads.len() as u32;
    let heads: Vec<u32> = heads.iter().map(|&h| if h == 0 { root } else { h as u32 - 1 }).collect();
    let labels = heads.iter().map(|&h| if h == root { ROOT_LABEL } else { 0 }).collect();
    Gold::new(heads, labels)
}

/// Runs the static oracle from the start; returns its moves and the
/// heads it built (1-based, 0 for the root).
fn derive(heads: &[usize]) -> (Vec<Move>, Vec<usize>) {
    let gold = gold(heads);
    let mut state = State::new(heads.len());
    let mut moves = Vec::new();
    while !state.is_terminal() {
        let mv = static_move(&state, &gold);
        assert_eq!(cost(&state, &gold, mv), 0, "the static oracle's move is free: {mv:?} in {state:?}");
        moves.push(mv);
        state.apply(mv, 0);
    }
    let root = heads.len() as u32;
    (moves, state.heads.iter().map(|&h| if h == root { 0 } else { h as usize + 1 }).collect())
}

#[test]
fn the_static_oracle_derives_small_trees_exactly() {
    use Move::{Left as L, Right as R, Shift as S};
    // "Troops left the city on Friday ."
    let troops = [2, 0, 4, 2, 6, 2, 2];
    // "She said the army withdrew ."
    let said = [2, 0, 4, 5, 2, 2];
    let cases: [(&[usize], &[Move]); 4] = [
        (&[0], &[S, L]),
        (&[2, 0], &[S, L, S, L]),
        (&troops, &[S, L, S, S, L, S, R, S, L, S, R, S, R, L]),
        (&said, &[S, L, S, S, L, S, L, S, R, S, R, L]),
    ];
    for (heads, want) in cases {
        let (moves, built) = derive(heads);
        assert_eq!(built, heads);
        assert_eq!(moves, want, "{heads:?}");
    }
}

#[test]
fn the_dynamic_oracle_costs_hand_cases() {
    // "Troops left the city": Troops <- left -> city, the <- city.
    let gold = gold(&[2, 0, 4, 2]);
    let mut state = State::new(4);
    // Nothing is lost by shifting "Troops" onto an empty stack; with
    // "Troops" on the stack, shifting "left" loses the arc left -> Troops
    // (and left's arc from the root: the root's word must be alone on the
    // stack), and RIGHT is not allowed.
    assert_eq!(cost(&state, &gold, Move::Shift), 0);
    state.apply(Move::Shift, 0);
    assert_eq!(cost(&state, &gold, Move::Shift), 2);
    assert_eq!(cost(&state, &gold, Move::Left), 0);
    // After LEFT and SHIFT "left", shifting "the" is free; then LEFT would
    // hang "the" on "city" (free), RIGHT would hang it on "left", losing
    // its head.
    state.apply(Move::Left, 0);
    state.apply(Move::Shift, 0);
    state.apply(Move::Shift, 0);
    assert_eq!(state.stack, [1, 2]);
    assert_eq!((cost(&state, &gold, Move::Left), cost(&state, &gold, Move::Right)), (0, 1));
    // Popping "left" now (LEFT onto "the") loses its arcs to the root and
    // to "city": RIGHT over "the" first is the same loss plus "the".
    let mut wrong = State::new(4);
    for mv in [Move::Shift, Move::Left, Move::Shift] {
        wrong.apply(mv, 0);
    }
    assert_eq!(cost(&wrong, &gold, Move::Left), 2);
}

/// The least number of wrong heads any sequence of moves can still end
/// with, by exhaustive search (what is already built is not counted).
fn least_loss(state: &State, gold: &Gold, memo: &mut HashMap<(Vec<u32>, usize), u32>) -> u32 {
    if state.is_terminal() {
        return 0;
    }
    let key = (state.stack.clone(), state.next);
    if let Some(&loss) = memo.get(&key) {
        return loss;
    }
    let mut least = u32::MAX;
    for mv in Move::ALL.into_iter().filter(|&mv| state.allows(mv)) {
        let (next, wrong) = step(state, gold, mv);
        least = least.min(wrong + least_loss(&next, gold, memo));
    }
    memo.insert(key, least);
    least
}

/// The state after `mv`, and whether the arc it made is wrong.
fn step(state: &State, gold: &Gold, mv: Move) -> (State, u32) {
    let mut next = state.clone();
    let dependent = state.stack(0);
    next.apply(mv, 0);
    let wrong = mv != Move::Shift && next.heads[dependent as usize] != gold.heads[dependent as usize];
    (next, u32::from(wrong))
}

/// Every well-formed projective tree over `n` words with one word under
/// the root, as 1-based heads.
fn projective_trees(n: usize) -> Vec<Vec<usize>> {
    let mut trees = Vec::new();
    let mut heads = vec![0; n];
    loop {
        let one_root = heads.iter().filter(|&&h| h == 0).count() == 1;
        let acyclic = (0..n).all(|w| {
            let mut at = w + 1;
            (0..=n).any(|_| {
                at = heads[at - 1];
                at == 0
            })
        });
        let no_self = heads.iter().enumerate().all(|(w, &h)| h != w + 1);
        if one_root && no_self && acyclic {
            let root = n as u32;
            let internal: Vec<u32> =
                heads.iter().map(|&h| if h == 0 { root } else { h as u32 - 1 }).collect();
            if oracle::is_projective(&internal) {
                trees.push(heads.clone());
            }
        }
        // The next assignment of heads, counting in base n + 1.
        let Some(at) = heads.iter().position(|&h| h < n) else { return trees };
        heads[at] += 1;
        heads[..at].iter_mut().for_each(|h| *h = 0);
    }
}

#[test]
fn the_dynamic_oracle_costs_match_an_exhaustive_search() {
    let mut checked = 0;
    for n in 1..=5 {
        for heads in projective_trees(n) {
            let gold = gold(&heads);
            let mut memo = HashMap::new();
            let mut todo = vec![State::new(n)];
            let mut seen = std::collections::HashSet::new();
            while let Some(state) = todo.pop() {
                if state.is_terminal() || !seen.insert((state.stack.clone(), state.heads.clone())) {
                    continue;
                }
                let here = least_loss(&state, &gold, &mut memo);
                for mv in Move::ALL.into_iter().filter(|&mv| state.allows(mv)) {
                    let (next, wrong) = step(&state, &gold, mv);
                    let lost = wrong + least_loss(&next, &gold, &mut memo) - here;
                    assert_eq!(cost(&state, &gold, mv), lost, "{heads:?}: {mv:?} in {state:?}");
                    checked += 1;
                    todo.push(next);
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn lifting_makes_a_tree_projective_and_keeps_the_rest() {
    // "A hearing is scheduled on the issue today .": hearing -> issue
    // crosses scheduled's arc from the root; lifting hangs "issue" on
    // "scheduled".
    let root = 9;
    let mut heads = vec![1, 3, 3, root, 6, 6, 1, 3, 3];
    assert!(!oracle::is_projective(&heads));
    oracle::projectivize(&mut heads);
    assert!(oracle::is_projective(&heads));
    assert_eq!(heads, [1, 3, 3, root, 6, 6, 3, 3, 3]);
    // A corrupt tree (a cycle) ends, whatever it gives.
    let mut cyclic = vec![1, 0, 4, 2];
    oracle::projectivize(&mut cyclic);
}

#[test]
fn a_tiny_model_learns_its_sentences() {
    for sentence in sentences() {
        let parsed = tiny().parse(&tokens(&sentence));
        let want: Vec<(usize, String)> = sentence.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
        if sentence.words.get(6).is_some_and(|w| w.form == "issue") {
            // Non-projective: learnt lifted, "issue" under "scheduled".
            assert_eq!(parsed[6].0, 4);
            continue;
        }
        assert_eq!(parsed, want, "{:?}", sentence.text);
    }
}

#[test]
fn training_is_deterministic_and_every_non_projective_choice_trains() {
    let sentences = sentences();
    let tags = gold_tags(&sentences);
    let bytes = |parser: &Parser| {
        let mut out = Vec::new();
        parser.write(&mut out);
        out
    };
    assert_eq!(
        bytes(&Parser::train(&sentences, &tags, &crate::clusters::Clusters::default(), 3)),
        bytes(&Parser::train(&sentences, &tags, &crate::clusters::Clusters::default(), 3))
    );
    for nonprojective in [NonProjective::Lift, NonProjective::Costs, NonProjective::Skip] {
        let options = Options { epochs: 2, nonprojective, ..Options::default() };
        let parser = Parser::train_with(&sentences, &tags, &crate::clusters::Clusters::default(), &options);
        assert_eq!(parser.parse(&tokens(&sentences[0])).len(), 7);
    }
    // The mean of several runs: the same every time, and a parser still.
    let runs = |runs| {
        let options = Options { epochs: 2, runs, ..Options::default() };
        Parser::train_with(&sentences, &tags, &crate::clusters::Clusters::default(), &options)
    };
    assert_eq!(bytes(&runs(3)), bytes(&runs(3)));
    assert_ne!(bytes(&runs(3)), bytes(&runs(1)));
    assert_eq!(runs(3).parse(&tokens(&sentences[0])).len(), 7);
}

#[test]
fn a_model_round_trips() {
    let mut bytes = Vec::new();
    tiny().write(&mut bytes);
    bytes.extend_from_slice(b"after");
    let (read, rest) = Parser::read("m", &bytes).unwrap();
    assert_eq!(&read, tiny());
    assert_eq!(rest, b"after");
    let sentence = &sentences()[3];
    assert_eq!(read.parse(&tokens(sentence)), tiny().parse(&tokens(sentence)));
}

#[test]
fn a_cut_or_corrupt_model_is_an_error() {
    let mut bytes = Vec::new();
    tiny().write(&mut bytes);
    let cuts = [0, 5, super::MAGIC.len() + 2, bytes.len() / 2, bytes.len() - 1];
    for cut in cuts {
        let error = Parser::read("cut.bin", &bytes[..cut]).unwrap_err();
        assert_eq!(error.source_name(), "cut.bin");
    }
    // A label count far past the bytes there are.
    let mut huge = super::MAGIC.to_vec();
    huge.extend_from_slice(&u32::MAX.to_le_bytes());
    assert!(Parser::read("huge.bin", &huge).is_err());
    // Any byte flipped (some 200 of them, the headers' all): an error or
    // some model, never a panic.
    let stride = bytes.len() / 200 + 1;
    for at in (0..64).chain((64..bytes.len()).step_by(stride)) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5a;
        let _ = Parser::read("flipped.bin", &flipped);
    }
}

#[test]
fn an_untrained_parser_still_builds_trees() {
    let parser = Parser::train(&[], &[], &crate::clusters::Clusters::default(), 0);
    let sentence = &sentences()[0];
    assert_well_formed(&parser.parse(&tokens(sentence)), 7);
    assert!(parser.parse(&[]).is_empty());
}

/// One word under the root, labelled `root`; every head a word or the
/// root; every word reaches the root.
fn assert_well_formed(tree: &[(usize, String)], words: usize) {
    assert_eq!(tree.len(), words);
    if words == 0 {
        return;
    }
    assert_eq!(tree.iter().filter(|(head, _)| *head == 0).count(), 1, "{tree:?}");
    for (i, (head, label)) in tree.iter().enumerate() {
        assert!(*head <= words && *head != i + 1, "{tree:?}");
        assert_eq!(*head == 0, label == "root", "{tree:?}");
        assert!(!label.is_empty());
        let mut at = i + 1;
        let reaches = (0..=words).any(|_| {
            at = tree[at - 1].0;
            at == 0
        });
        assert!(reaches, "word {} is on a cycle: {tree:?}", i + 1);
    }
}

fn upos() -> impl Strategy<Value = Upos> {
    (0..Upos::ALL.len()).prop_map(|i| Upos::ALL[i])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn parses_are_always_trees(
        words in prop::collection::vec(
            ("[a-zA-Z0-9.,'-]{0,8}|Troops|left|the|city|on|Friday|\\.|ü|", upos(), "NN|VBD|DT|IN|\\.|_|[A-Z]{1,3}"),
            0..=60,
        )
    ) {
        let tokens: Vec<Token<'_>> = words
            .iter()
            .map(|(form, upos, xpos)| Token { form, lemma: form, upos: *upos, xpos, cluster: super::NO_CLUSTER })
            .collect();
        assert_well_formed(&tiny().parse(&tokens), tokens.len());
    }
}

/// Parsing scores a move from the shared templates and each role's own
/// (summed once per word): together they must be every template, in any
/// configuration, with each template's number.
#[test]
fn the_shared_templates_and_the_roles_make_up_every_template() {
    use super::features::{extract, extract_role, role_words, Lexicon, Subset};
    use crate::perceptron::Features;
    for sentence in sentences() {
        let tokens = tokens(&sentence);
        let mut lexicon = Lexicon::default();
        lexicon.fill(&tokens);
        let mut state = State::new(tokens.len());
        let mut features = Features::default();
        // Moves in turn, so that words gather dependents on both sides.
        for step in 0.. {
            if state.is_terminal() {
                break;
            }
            extract(&state, &lexicon, Subset::All, &mut features);
            let mut all = features.hashes().to_vec();
            extract(&state, &lexicon, Subset::Shared, &mut features);
            let mut parts = features.hashes().to_vec();
            for (role, word) in role_words(&state).into_iter().enumerate() {
                extract_role(&state, &lexicon, lexicon.item(word) as u32, role, &mut features);
                parts.extend_from_slice(features.hashes());
            }
            all.sort_unstable();
            parts.sort_unstable();
            assert_eq!(all, parts, "step {step} of {:?}", sentence.words[0].form);
            let preferred = [Move::Right, Move::Shift, Move::Left][step % 3];
            let mv = Some(preferred)
                .filter(|&mv| state.allows(mv))
                .or_else(|| Move::ALL.into_iter().find(|&mv| state.allows(mv)))
                .unwrap();
            state.apply(mv, step as u16 % 5);
        }
    }
}
