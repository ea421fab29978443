/// When the clause around a temporal expression places it, as the tagger
/// reads the verbs and cue words near it ("had entered", "will hand over",
/// "is due to", "ahead of"). The temporal tagger works it out to choose
/// between the Friday before the article and the one after; later stages
/// read it from the analysis instead of guessing again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// It happened: "had entered", "said", "since July".
    Past,
    /// It holds now: "is", "says".
    Present,
    /// It is still to come: "will", "is to", "set for", "ahead of".
    Future,
    /// Nothing near the expression says.
    Unknown,
}
