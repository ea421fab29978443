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
    /// A made thing: an aircraft, a phone, a car.
    Product,
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

/// Nouns of the made things a model code names: "the A380, a twin-deck
/// aircraft", "the A380 superjumbo", then "the aircraft". Not "player" or
/// "model": a footballer and a fashion model are people.
#[rustfmt::skip]
pub const PRODUCT_NOUNS: &[&str] = &[
    "aircraft", "airliner", "plane", "airplane", "aeroplane", "jet", "jetliner", "superjumbo",
    "jumbo", "freighter", "tanker", "fighter", "bomber", "helicopter", "drone", "missile", "rocket",
    "satellite", "engine", "car", "vehicle", "truck", "tank", "ship", "vessel", "submarine",
    "phone", "smartphone", "handset", "device", "tablet", "computer", "laptop", "console", "chip",
    "processor", "camera",
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
        Referent::Product => PRODUCT_NOUNS.contains(&lemma),
    }
}

/// The kind of entity "the NOUN" can stand for, from the noun's lemma.
///
/// ```
/// use dateline_english::referents::{description_referent, Referent};
/// assert_eq!(description_referent("planemaker"), Some(Referent::Organization));
/// assert_eq!(description_referent("capital"), Some(Referent::Place));
/// assert_eq!(description_referent("plane"), Some(Referent::Product));
/// assert_eq!(description_referent("deal"), None);
/// ```
pub fn description_referent(lemma: &str) -> Option<Referent> {
    if ORGANIZATION_NOUNS.contains(&lemma) {
        Some(Referent::Organization)
    } else if PLACE_NOUNS.contains(&lemma) {
        Some(Referent::Place)
    } else if PRODUCT_NOUNS.contains(&lemma) {
        Some(Referent::Product)
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

/// Given names common in international news ("Nikol", "Steve", "Kim"):
/// a name that starts with one is most likely a person's.
#[rustfmt::skip]
pub const GIVEN_NAMES: &[&str] = &[
    "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew",
    "joshua", "kenneth", "kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey",
    "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott",
    "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack",
    "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
    "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah",
    "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan",
    "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan",
    "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby",
    "philip", "johnny", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan",
    "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
    "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie",
    "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna",
    "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel",
    "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce",
    "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan",
    "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
    "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy",
    "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie",
    "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary",
    "barack", "joe", "kamala", "boris", "theresa", "angela", "emmanuel", "vladimir", "dmitry",
    "sergei", "sergey", "alexei", "mikhail", "nikolai", "ivan", "igor", "viktor", "volodymyr",
    "petro", "recep", "ilham", "nikol", "serzh", "robert", "xi", "li", "wang", "zhang", "kim",
    "shinzo", "narendra", "imran", "benjamin", "naftali", "yair", "mahmoud", "ali", "hassan", "nadia",
    "leila", "yasmin", "fatma", "khalid", "tariq", "yusuf", "ibrahim", "mustafa", "samir", "karim",
    "hossein", "mohammad", "mohammed", "muhammad", "ahmed", "ahmad", "omar", "abdul", "abdel",
    "abdullah", "bashar", "hosni", "recep", "jair", "luiz", "nicolas", "nicolás", "hugo", "evo",
    "fidel", "raul", "raúl", "juan", "carlos", "luis", "jorge", "pedro", "manuel", "francisco",
    "antonio", "miguel", "jean", "pierre", "jacques", "francois", "françois", "olaf", "gerhard",
    "helmut", "jens", "ursula", "mario", "giuseppe", "silvio", "matteo", "giorgia", "viktor",
    "andrzej", "mateusz", "lech", "recep", "tayyip", "mevlut", "hamid", "ashraf", "jacinda", "scott",
    "justin", "stephen", "nelson", "jacob", "cyril", "thabo", "uhuru", "william", "paul", "abiy",
    "yoweri", "robert", "emmerson", "muhammadu", "goodluck", "olusegun", "kofi", "ban", "antonio",
    "tedros", "jens", "josep", "charles", "elon", "jeff", "bill", "warren", "mark", "tim", "satya",
    "sundar", "osama", "ayman", "saddam", "moammar", "muammar", "yasser", "ehud", "ariel", "shimon",
    "yitzhak", "madeleine", "condoleezza", "colin", "dick", "rudy", "newt", "nancy", "mitch",
    "chuck", "ted", "marco", "bernie", "elizabeth", "ron", "rick", "mike", "jim", "tom", "dan",
    "bob", "steve", "chris", "matt", "nick", "tony", "sam", "ben", "max", "alex", "andy", "pete",
    "darrell", "darren", "curtis", "travis", "troy", "shane", "derek", "todd", "craig", "marcus",
    "phillip", "randall", "barry", "bernard", "dale", "glenn", "leonard", "lloyd", "marvin", "melvin",
    "norman", "rodney", "ross", "stanley", "wesley", "clifford", "clarence", "herbert", "howard",
    "jimmy", "johnny", "kurt", "lance", "mitch", "neil", "reggie", "ricky", "ronnie", "sonny", "tommy",
    "vernon", "wade", "wallace", "warren", "willie", "allen", "alvin", "calvin", "cecil", "chester",
    "claude", "darryl", "dean", "dwight", "earl", "eddie", "edwin", "floyd", "gene", "gordon", "harvey",
    "jay", "jeff", "jerome", "jon", "kirk", "leroy", "lewis", "luke", "mario", "maurice", "mike",
    "nathaniel", "neal", "perry", "ralph", "ray", "rex", "roland", "rudy", "russ", "seth", "sidney",
    "terrence", "tim", "tracy", "vince", "wendell", "angie", "april", "beth", "carla", "carrie",
    "cindy", "connie", "dana", "dawn", "debbie", "delores", "erica", "erin", "gail", "holly", "jackie",
    "jill", "jodi", "kara", "kathy", "kim", "kristen", "kristina", "leslie", "lori", "lynn", "marcia",
    "melanie", "misty", "monica", "peggy", "penny", "renee", "rhonda", "robin", "sheila", "sherry",
    "stacy", "sue", "tammy", "tanya", "tara", "tina", "tonya", "tracey", "valerie", "vicki", "wanda",
    "wendy", "rod", "chiquita", "kelli", "kelly", "shannon", "heidi", "jenny", "katie", "kristin", "lindsey",
    "molly", "natasha", "paula", "rita", "sally", "shawn", "stacey", "susie", "terri", "vanessa",
    "kate", "ann", "anne", "marie", "louise", "claude", "luc", "lynn", "beth", "jo",
];

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
            GIVEN_NAMES,
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
