//! Who takes part in an event: its arguments in the dependency tree.

use dateline_syntax::Parse;
use serde::Serialize;

/// What part a participant takes in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who does it: the subject of an active verb, the agent of a passive
    /// one ("by Boeing"), the owner of an event noun ("Boeing's offer").
    Agent,
    /// Who or what it is done to: the object, the subject of a passive.
    Patient,
    /// Any other participant: "to the Air Force", "with Airbus".
    Other,
}

/// One participant of an event: the head word of the argument (an index
/// into the parse's words) and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argument {
    /// The argument's head word: an index into [`Parse::words`].
    pub word: usize,
    /// Its role.
    pub role: Role,
}

/// The arguments of the event whose head is word `w` (0-based) of a
/// parse: its subject, objects and obliques, an event noun's possessor
/// and modifiers; a verb without a subject of its own takes its
/// governor's when it is controlled or coordinated ("Boeing agreed to
/// build and deliver", "Boeing won and Airbus lost").
///
/// ```
/// use dateline_events::{arguments, Role};
/// use dateline_syntax::Syntax;
/// let syntax = Syntax::embedded().unwrap();
/// let words = syntax.analyse_words(&["The", "Air", "Force", "awarded", "the", "contract", "to", "Northrop", "."]);
/// let parse = dateline_syntax::Parse { spans: vec![(0, 0); words.len()], words };
/// let found = arguments(&parse, 3);
/// assert!(found.iter().any(|a| a.word == 2 && a.role == Role::Agent), "{found:?}");
/// assert!(found.iter().any(|a| a.word == 5 && a.role == Role::Patient));
/// ```
pub fn arguments(parse: &Parse, w: usize) -> Vec<Argument> {
    let mut found = Vec::new();
    own_arguments(parse, w, &mut found);
    let word = &parse.words[w];
    let has_subject = found.iter().any(|a| parse.words[a.word].deprel.starts_with("nsubj"));
    // Subject inherited through control or coordination, a few steps up.
    let mut at = w;
    for _ in 0..3 {
        if has_subject || !matches!(parse.words[at].deprel.as_str(), "xcomp" | "conj") {
            break;
        }
        let Some(governor) = parse.words[at].head.checked_sub(1) else { break };
        let subject = children(parse, governor).find(|&c| parse.words[c].deprel.starts_with("nsubj"));
        if let Some(subject) = subject {
            let role = if parse.words[subject].deprel == "nsubj:pass" && word.deprel == "conj" {
                Role::Patient
            } else {
                Role::Agent
            };
            found.push(Argument { word: subject, role });
            break;
        }
        at = governor;
    }
    found
}

fn own_arguments(parse: &Parse, w: usize, found: &mut Vec<Argument>) {
    for c in children(parse, w) {
        let role = match parse.words[c].deprel.as_str() {
            "nsubj" | "nmod:poss" | "obl:agent" => Role::Agent,
            "obj" | "nsubj:pass" | "iobj" => Role::Patient,
            "obl" | "nmod" | "compound" | "appos" => match by(parse, c) {
                true => Role::Agent,
                false => Role::Other,
            },
            _ => continue,
        };
        found.push(Argument { word: c, role });
    }
}

/// A passive's agent: "by Boeing".
fn by(parse: &Parse, w: usize) -> bool {
    children(parse, w)
        .any(|c| parse.words[c].deprel == "case" && parse.words[c].form.eq_ignore_ascii_case("by"))
}

fn children(parse: &Parse, w: usize) -> impl Iterator<Item = usize> + '_ {
    parse.words.iter().enumerate().filter(move |(_, c)| c.head == w + 1).map(|(i, _)| i)
}
