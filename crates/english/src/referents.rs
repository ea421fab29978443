//! Words that refer back to a named entity: the nouns of definite
//! descriptions ("the company", "the planemaker", "the country"), the
//! suffixes that leave an organisation's name the same ("Boeing Co."), and
//! the words an acronym skips ("EADS" for "European Aeronautic Defence and
//! Space"). Written for dateline from the wording of wire news.

/// What kind of entity a description's noun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    /// A company, an institution, a party, a government.
    Organization,
    /// A country, a city, a region.
    Place,
}

/// Nouns that, after "the", stand for an organisation named before: "the
/// company", "the carmaker", "the Seattle-based planemaker".
#[rustfmt::skip]
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "company", "firm", "corporation", "group", "conglomerate", "giant", "maker", "manufacturer",
    "carmaker", "automaker", "planemaker", "aircraft-maker", "airplane-maker", "jetmaker", "chipmaker",
    "drugmaker", "airline", "carrier", "bank", "lender", "insurer", "retailer", "supplier",
    "contractor", "operator", "producer", "publisher", "broadcaster", "agency", "ministry",
    "party", "union", "alliance", "organisation",
    "organization", "club", "court", "council", "committee", "commission", "university", "studio", "consortium", "subsidiary", "newspaper",
];

/// Nouns that, after "the", stand for a place named before: "the country",
/// "the capital". "The region" and "the territory" are left out: they
/// name an area around the places told more often than one of them.
#[rustfmt::skip]
pub const PLACE_NOUNS: &[&str] = &[
    "country", "nation", "republic", "kingdom", "city", "capital", "island",
];

/// Nouns of the areas a place name is said with: "the Kalbajar region",
/// "the Aghdam district", "the Jordan river". Alone, "the region" is too
/// often the area around the places told (see [`PLACE_NOUNS`]).
#[rustfmt::skip]
pub const AREA_NOUNS: &[&str] = &[
    "region", "district", "province", "county", "territory", "municipality", "governorate",
    "prefecture", "state", "river", "valley", "peninsula",
];

/// Whether "the NAME NOUN" is the place or organisation named: the noun
/// (a lemma) names the kind of thing the name does ("the Kalbajar region",
/// "the Boeing company"; not "the Moscow office").
///
/// ```
/// use dateline_english::referents::{names_its_kind, Referent};
/// assert!(names_its_kind("region", Referent::Place));
/// assert!(names_its_kind("company", Referent::Organization));
/// assert!(!names_its_kind("office", Referent::Organization));
/// ```
pub fn names_its_kind(lemma: &str, kind: Referent) -> bool {
    match kind {
        Referent::Place => PLACE_NOUNS.contains(&lemma) || AREA_NOUNS.contains(&lemma),
        Referent::Organization => ORGANIZATION_NOUNS.contains(&lemma),
    }
}

/// The kind of entity "the NOUN" can stand for, from the noun's lemma.
///
/// ```
/// use dateline_english::referents::{description_referent, Referent};
/// assert_eq!(description_referent("planemaker"), Some(Referent::Organization));
/// assert_eq!(description_referent("capital"), Some(Referent::Place));
/// assert_eq!(description_referent("plane"), None);
/// ```
pub fn description_referent(lemma: &str) -> Option<Referent> {
    if ORGANIZATION_NOUNS.contains(&lemma) {
        Some(Referent::Organization)
    } else if PLACE_NOUNS.contains(&lemma) {
        Some(Referent::Place)
    } else {
        None
    }
}

/// Words that end an organisation's name without changing what it names:
/// "Boeing Co." is "Boeing".
#[rustfmt::skip]
pub const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited",
    "plc", "llc", "group", "holdings", "sa", "s.a.", "sas", "ag", "nv", "n.v.", "gmbh", "se",
];

/// Words an acronym leaves out: "DoD", "EADS" for "European Aeronautic
/// Defence and Space".
pub const ACRONYM_SKIPS: &[&str] = &["of", "and", "the", "for", "&", "de", "du", "des", "la", "le", "on"];

/// Titles before a woman's name.
pub const FEMININE_TITLES: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "mme", "dame", "lady", "queen", "princess",
    "duchess", "sister",
];

/// Titles before a man's name.
pub const MASCULINE_TITLES: &[&str] =
    &["mr", "mr.", "sir", "lord", "king", "prince", "duke", "father", "brother", "monsieur"];

/// Given names borne almost only by women, in English-language news, so
/// that "she" does not go to "Thomas" nor "he" to "Angela".
#[rustfmt::skip]
pub const FEMININE_NAMES: &[&str] = &[
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
    "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
    "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon",
    "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela",
    "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn",
    "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
    "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha",
    "jacqueline", "frances", "gloria", "ann", "anne", "teresa", "theresa", "kathryn", "sara", "janice",
    "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn",
    "beverly", "danielle", "sophia", "sophie", "marie", "diana", "brittany", "natalie", "isabella",
    "charlotte", "rose", "kayla", "hillary", "kamala", "ursula", "giorgia", "jacinda", "madeleine",
    "condoleezza", "nadia", "leila", "yasmin", "fatma", "fatima", "aisha", "angie", "beth", "carla",
    "carrie", "cindy", "connie", "dawn", "debbie", "erica", "erin", "gail", "holly", "jill", "kathy",
    "kristen", "kristina", "lori", "marcia", "melanie", "monica", "peggy", "penny", "renee", "rhonda",
    "sheila", "sherry", "stacy", "sue", "tammy", "tanya", "tara", "tina", "valerie", "wendy", "heidi",
    "jenny", "katie", "kristin", "lindsey", "manju", "priya", "sonia", "indira", "benazir", "golda",
    "margrethe", "elena", "irina", "olga", "natalia", "tatiana", "svetlana", "yulia", "marine",
    "segolene", "sanna", "mette", "magdalena", "ingrid", "greta", "claudia",
    "ana", "lucia", "carmen", "isabel", "dilma", "cristina", "michelle", "oprah", "beyonce",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_and_disjoint() {
        for list in [
            ORGANIZATION_NOUNS,
            PLACE_NOUNS,
            AREA_NOUNS,
            LEGAL_SUFFIXES,
            ACRONYM_SKIPS,
            FEMININE_NAMES,
            FEMININE_TITLES,
            MASCULINE_TITLES,
        ] {
            for word in list {
                assert_eq!(*word, word.to_lowercase(), "{word}");
            }
        }
        assert!(ORGANIZATION_NOUNS.iter().all(|w| !PLACE_NOUNS.contains(w) && !AREA_NOUNS.contains(w)));
    }
}
