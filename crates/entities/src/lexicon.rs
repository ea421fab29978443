//! Word lists for names: titles before people, head words of
//! organisations, capitalised words that are not names. Written for this
//! project.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A word list looked up by hashing: the lists are long and asked about
/// for every capitalised word, many times over (each span of a run asks
/// about its words), with a quick hash.
pub(crate) type Words = LazyLock<HashSet<&'static str, BuildHasherDefault<Quick>>>;

/// A quick hash for short words: FxHash's mixing, finished by
/// MurmurHash3's avalanche so that every bit counts. The default hash
/// guards against keys chosen to collide, which a fixed word list,
/// built before any text is read, does not need.
#[derive(Default)]
pub(crate) struct Quick(u64);

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut mix = |word: u64| self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            mix(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        for &byte in chunks.remainder() {
            mix(u64::from(byte));
        }
    }

    fn finish(&self) -> u64 {
        let mut hash = self.0;
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }
}

/// Titles that introduce a person's name ("President Ilham Aliyev").
#[rustfmt::skip]
pub(crate) static TITLES: Words = LazyLock::new(|| HashSet::from_iter([
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor", "king", "queen",
    "prince", "princess", "pope", "general", "gen", "colonel", "col", "lt", "lieutenant", "sgt",
    "sergeant", "captain", "capt", "major", "maj", "admiral", "adm", "commander", "dr", "mr", "mrs",
    "ms", "miss", "judge", "justice", "chairman", "chairwoman", "chair", "ambassador", "sheikh",
    "ayatollah", "archbishop", "bishop", "rev", "reverend", "father", "sir", "lord", "lady", "speaker",
    "leader", "chief", "director", "spokesman", "spokeswoman", "spokesperson", "foreign", "defense",
    "defence", "interior", "finance", "state", "attorney", "detective", "officer", "sheriff", "deputy",
    "president-elect", "emir", "sultan", "crown", "dame", "professor", "prof", "coach", "executive",
    "envoy", "patriarch", "cardinal", "marshal", "brig", "sen.", "supt", "inspector", "constable",
]));

/// Words that end or head an organisation's name.
#[rustfmt::skip]
pub(crate) static ORG_WORDS: Words = LazyLock::new(|| HashSet::from_iter([
    "ministry", "ministries", "department", "agency", "commission", "commissioner", "council",
    "committee", "bank", "party", "union", "army", "navy", "forces", "force", "corp", "corporation",
    "inc", "ltd", "llc", "plc", "company", "co", "group", "university", "institute", "court",
    "parliament", "assembly", "congress", "senate", "office", "police", "association", "organization",
    "organisation", "foundation", "federation", "fund", "board", "authority", "service", "services",
    "guard", "front", "movement", "church", "club", "times", "post", "news", "press", "network",
    "airlines", "airways", "bureau", "administration", "government", "coalition", "alliance",
    "league", "society", "center", "centre", "school", "college", "hospital", "academy", "brigade",
    "battalion", "regiment", "division", "cabinet", "tribunal", "secretariat", "directorate",
    "ministry's", "exchange", "reserve", "agency's", "journal", "herald", "tribune", "gazette",
    "broadcasting", "television", "radio", "magazine", "holdings", "industries", "motors", "bancorp",
    "trust", "partners", "capital", "securities", "team", "fc",
]));

/// Organisations known by short names or acronyms.
#[rustfmt::skip]
pub(crate) static KNOWN_ORGS: Words = LazyLock::new(|| HashSet::from_iter([
    "UN", "U.N.", "NATO", "EU", "E.U.", "OSCE", "IMF", "WHO", "FBI", "CIA", "NSA", "UNESCO", "UNICEF",
    "UNHCR", "OPEC", "ASEAN", "WTO", "Interpol", "Europol", "Hamas", "Hezbollah", "Taliban", "ISIS",
    "Reuters", "AP", "AFP", "BBC", "CNN", "Xinhua", "TASS", "Kremlin", "Pentagon", "Congress",
    "Parliament", "Senate", "Red Cross", "United Nations", "European Union", "World Bank",
    "Security Council", "Google", "Apple", "Microsoft", "Amazon", "Facebook", "Twitter", "Boeing",
    "Airbus", "Al Qaeda", "al-Qaeda", "Duma", "Knesset", "Bundestag", "Politburo",
]));

/// The length of the longest of [`KNOWN_ORGS`]: no longer text need be
/// looked up.
pub(crate) static LONGEST_KNOWN_ORG: LazyLock<usize> =
    LazyLock::new(|| KNOWN_ORGS.iter().map(|name| name.len()).max().unwrap_or(0));

/// Institutions named after their building or street: organisations,
/// standing for a government.
pub(crate) const SEATS: &[&str] =
    &["Kremlin", "White House", "Pentagon", "Downing Street", "Elysee", "Élysée", "Whitehall"];

/// Names of several words that the gazetteer holds as hamlets but news
/// uses for something else (folded).
pub(crate) const NOT_PLACE_NAMES: &[&str] = &["el nino", "la nina", "middle ages", "new year"];

/// Capitalised words that a gazetteer would take for places but that, in
/// news, are almost never places on their own.
#[rustfmt::skip]
pub(crate) static NOT_PLACES: Words = LazyLock::new(|| HashSet::from_iter([
    "the", "a", "an", "in", "on", "at", "after", "before", "but", "and", "or", "however", "according",
    "this", "that", "these", "those", "many", "some", "most", "his", "her", "their", "its", "it", "he",
    "she", "they", "we", "i", "you", "when", "while", "as", "if", "for", "with", "from", "by", "to",
    "of", "since", "until", "during", "although", "also", "both", "each", "every", "all", "no", "not",
    "now", "then", "there", "here", "meanwhile", "yet", "still", "so", "such", "other", "another",
    "one", "two", "three", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "president", "minister", "government", "army", "police",
    "party", "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "will", "bill", "mark", "ray", "hope", "faith", "grace", "joy", "liberty",
    "independence", "union", "victory", "justice", "freedom", "reading", "mobile", "nice", "split",
    "bath", "orange", "normal", "enterprise", "commerce", "industry", "progress", "unity", "republic",
    "kingdom", "prime", "imperial", "royal", "general", "post", "office", "center", "church", "school",
    "street", "road", "avenue", "college", "university", "hospital", "court", "station", "image",
    "credit", "photo", "video", "news", "state", "city", "county", "island", "lake", "river", "mount",
    "fort", "port", "saint", "san", "santa", "new", "old", "big", "little", "long", "national",
    "federal", "democratic", "republican", "democrat", "christian", "muslim", "jewish", "catholic", "arab",
    "god", "jesus", "allah", "internet", "web", "covid", "coronavirus", "deal", "war", "peace",
    "people", "mr", "mrs", "ms", "dr", "read", "more", "said", "says", "day", "time", "home", "world", "earth", "battle",
    "man", "woman", "english", "story", "media", "market", "best", "first", "last", "top", "price",
    "early", "late", "green", "white", "black", "brown", "young", "king", "queen", "john", "paul",
    "george", "james", "david", "michael", "senate", "congress", "parliament", "council", "can",
    "lincoln", "jackson", "clinton", "franklin", "jefferson", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "christmas", "easter", "thanksgiving", "passover", "hanukkah", "ramadan",
    "olympic", "olympics", "act", "section", "airport", "hall", "main", "chamber", "patrol", "bridge",
    "lane", "hill", "metro", "our", "much", "area", "northeast", "northwest", "southeast", "southwest",
    "mart", "ii", "iii", "iv", "jr", "sr", "inc", "rep", "gov", "sen", "gen", "mayor", "governor",
    "senator", "judge", "sheriff", "chief", "coach", "officer", "detective", "trooper", "captain",
    "like", "just", "even", "only", "well", "way", "why", "how", "what", "who", "where", "which",
]));

/// Verbs after a place name that make it stand for its government.
pub(crate) use dateline_english::verbs::GOVERNMENT_VERBS as METONYM_VERBS;

/// Words after a name that make it an area rather than its town.
pub(crate) const AREA_WORDS: &[&str] = &[
    "region",
    "district",
    "province",
    "county",
    "oblast",
    "governorate",
    "state",
    "parish",
    "prefecture",
    "rayon",
    "territory",
    "valley",
];

/// Given names common in international news, to tell "Nikol Pashinyan"
/// from a place when no title precedes it.
pub(crate) static GIVEN_NAMES: Words =
    LazyLock::new(|| HashSet::from_iter(dateline_english::referents::GIVEN_NAMES.iter().copied()));
