use crate::error::Error;
use crate::fold::{abbreviation_key, fold};
use crate::packed::{self, Candidates, Layout, View};
use crate::place::{Place, PlaceKind};
use flate2::read::GzDecoder;
use std::borrow::Cow;
use std::io::Read;
use std::sync::OnceLock;

/// The gazetteer: places and an index from name keys to them, packed (see
/// the crate docs) and read in place.
pub struct Gazetteer {
    names: Cow<'static, str>,
    index: Cow<'static, [u8]>,
    layout: Layout,
    codes: Vec<Box<str>>,
    /// What [`Gazetteer::may_contain_key`] asks, made when first asked.
    first_words: OnceLock<FirstWords>,
}

/// The shipped gazetteer, packed by `build.rs` from `data/gazetteer.tsv.gz`
/// when the crate is compiled.
static EMBEDDED_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.names"));
static EMBEDDED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.index"));

static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The gazetteer shipped with the library. It is read in place from the
    /// program's own bytes: the first call reads a header and the few
    /// thousand country and admin1 codes, and each lookup only the pages it
    /// needs.
    pub fn embedded() -> &'static Gazetteer {
        EMBEDDED.get_or_init(|| {
            // The index is packed by the build script from the same code
            // that reads it; a failure here is a broken build, not bad
            // input.
            Gazetteer::open(Cow::Borrowed(EMBEDDED_NAMES), Cow::Borrowed(EMBEDDED_INDEX))
                .expect("the embedded gazetteer is valid")
        })
    }

    /// Reads a gazetteer from its gzipped TSV form.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let mut text = String::new();
        GzDecoder::new(bytes).read_to_string(&mut text).map_err(|e| Error::whole(e.to_string()))?;
        Gazetteer::from_tsv(&text)
    }

    /// Reads a gazetteer from TSV: id, kind (`P*` for a capital, `B?` for a
    /// county placed by guess), name, country, admin1, lat, lon,
    /// population, alternate names separated by `|`. It is packed into
    /// memory as the embedded one is at build time.
    ///
    /// ```
    /// use dateline_geo::Gazetteer;
    /// let tsv = "147625\tP\tLaçın\tAZ\t58\t39.6408\t46.5469\t0\tLachin|Berdzor\n";
    /// let gazetteer = Gazetteer::from_tsv(tsv)?;
    /// assert_eq!(gazetteer.lookup("LACHIN")[0].name, "Laçın");
    /// assert!(Gazetteer::from_tsv("147625\tP\tLaçın\n").is_err());
    /// # Ok::<(), dateline_geo::Error>(())
    /// ```
    pub fn from_tsv(text: &str) -> Result<Gazetteer, Error> {
        let packed = packed::pack(text)?;
        Gazetteer::open(Cow::Owned(packed.names), Cow::Owned(packed.index))
    }

    fn open(names: Cow<'static, str>, index: Cow<'static, [u8]>) -> Result<Gazetteer, Error> {
        let layout = Layout::of(&index)?;
        let codes = layout.codes(&index, &names)?;
        Ok(Gazetteer { names, index, layout, codes, first_words: OnceLock::new() })
    }

    fn view(&self) -> View<'_> {
        View { layout: self.layout, index: &self.index, names: &self.names, codes: &self.codes }
    }

    /// The places an abbreviation with its period stands for ("Ga." is
    /// Georgia, the state).
    pub fn lookup_abbreviation<'a>(&'a self, abbreviation: &str) -> impl Iterator<Item = Place<'a>> + 'a {
        self.lookup_key(&abbreviation_key(abbreviation))
    }

    /// Every place a name may refer to.
    pub fn lookup(&self, name: &str) -> Vec<Place<'_>> {
        self.lookup_key(&fold(name)).collect()
    }

    /// Every place under a folded key (see [`fold`]), in the order of the
    /// gazetteer file.
    pub fn lookup_key<'a>(&'a self, key: &str) -> impl Iterator<Item = Place<'a>> + 'a {
        let view = self.view();
        Candidates::new(view, view.postings(key.as_bytes()))
    }

    /// Whether any place has this folded key.
    pub fn contains_key(&self, key: &str) -> bool {
        !self.view().postings(key.as_bytes()).is_empty()
    }

    /// Whether a folded key may be one of the gazetteer's: false only
    /// when it is not, true when [`Gazetteer::contains_key`] must tell.
    /// Much quicker than that when the answer is false, as it is for most
    /// of the spans of words a text holds: a key's first word, hashed,
    /// leads to the length of the longest key starting with a word of
    /// that hash, and a longer key (or one whose first word starts none)
    /// is none. The first call reads every key (some milliseconds).
    ///
    /// ```
    /// use dateline_geo::Gazetteer;
    /// let gazetteer = Gazetteer::embedded();
    /// assert!(gazetteer.may_contain_key("nagorno karabakh"));
    /// assert!(!gazetteer.may_contain_key(&"x".repeat(300)));
    /// ```
    pub fn may_contain_key(&self, key: &str) -> bool {
        let first_words = self.first_words.get_or_init(|| FirstWords::of(&self.index));
        first_words.may_hold(key)
    }

    /// The country entry for an ISO code.
    pub fn country(&self, iso: &str) -> Option<Place<'_>> {
        let view = self.view();
        view.country(iso).map(|at| view.place(at))
    }

    /// The named region (curated entries and countries), by exact name.
    pub fn region(&self, name: &str) -> Option<Place<'_>> {
        self.lookup_key(&fold(name)).find(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Country))
    }

    /// Every place, in the order of the gazetteer file.
    pub fn places(&self) -> impl Iterator<Item = Place<'_>> + '_ {
        let view = self.view();
        (0..self.layout.places() as u32).map(move |at| view.place(at))
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.layout.places()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.layout.places() == 0
    }
}

/// For each hash of a first word, the length of the longest key that
/// starts with a word of that hash: see [`Gazetteer::may_contain_key`].
struct FirstWords {
    /// The lengths (255: that or more), by the top [`FIRST_WORD_BITS`]
    /// bits of the first word's hash; empty when the index could not be
    /// read so, and then any key may be one.
    longest: Vec<u8>,
}

/// Hashes of first words told apart: 2^21 lengths take 2 MiB, and the few
/// hundred thousand first words of the gazetteer fill a tenth of them.
const FIRST_WORD_BITS: u32 = 21;

impl FirstWords {
    fn of(index: &[u8]) -> FirstWords {
        let mut longest = vec![0u8; 1 << FIRST_WORD_BITS];
        let filled = each_key(index, |key| {
            let slot = &mut longest[FirstWords::slot(key)];
            *slot = (*slot).max(u8::try_from(key.len()).unwrap_or(u8::MAX));
        });
        FirstWords { longest: if filled.is_some() { longest } else { Vec::new() } }
    }

    /// Where the length for a key's first word is.
    fn slot(key: &[u8]) -> usize {
        let first = key.iter().position(|&b| b == b' ').map_or(key, |space| &key[..space]);
        (crate::packed::hash(first) >> (64 - FIRST_WORD_BITS)) as usize
    }

    fn may_hold(&self, key: &str) -> bool {
        let Some(&longest) = self.longest.get(FirstWords::slot(key.as_bytes())) else {
            return true;
        };
        longest == u8::MAX || key.len() <= usize::from(longest)
    }
}

/// Calls `each` with every key of a packed index: its entries, the last
/// section, hold each key's length (LEB128), its bytes, and its places'
/// count (LEB128) and positions (u32 each); the header ends with their
/// length in bytes. None when the entries do not read so.
fn each_key(index: &[u8], mut each: impl FnMut(&[u8])) -> Option<()> {
    let varint = |at: &mut usize| -> Option<usize> {
        let mut value = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = *index.get(*at)?;
            *at += 1;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    };
    let len = u32::from_le_bytes(index.get(24..28)?.try_into().ok()?) as usize;
    let mut at = index.len().checked_sub(len)?;
    while at < index.len() {
        let len = varint(&mut at)?;
        each(index.get(at..at.checked_add(len)?)?);
        at += len;
        let places = varint(&mut at)?;
        at = at.checked_add(places.checked_mul(4)?)?;
    }
    (at == index.len()).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// One generated gazetteer row, before packing.
    #[derive(Clone, Debug)]
    struct Row {
        id: Option<u32>,
        kind: PlaceKind,
        suffix: &'static str,
        name: String,
        country: &'static str,
        admin1: &'static str,
        lat: f32,
        lon: f32,
        population: u64,
        alternates: Vec<String>,
    }

    impl Row {
        fn line(&self) -> String {
            format!(
                "{}\t{}{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                self.id.map(|i| i.to_string()).unwrap_or_default(),
                self.kind.code(),
                self.suffix,
                self.name,
                self.country,
                self.admin1,
                self.lat,
                self.lon,
                self.population,
                self.alternates.join("|")
            )
        }
    }

    /// Names that fold together ("Laçın", "LACIN"), abbreviations that do
    /// not ("~L.A.", "~La."), and anything else of a few letters.
    fn any_name() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "Laçın",
                "Lacin",
                "LACIN",
                "St. Louis",
                "St Louis",
                "Nagorno-Karabakh",
                "nagorno karabakh",
                "Kəlbəcər",
                "~Ga.",
                "~ga.",
                "~L.A.",
                "~La.",
                "~N. Y.",
                "Ga",
                ".",
                "-",
                "",
            ])
            .prop_map(str::to_string),
            "~?[A-Za-zçəığ .'’-]{0,10}",
        ]
    }

    fn any_row() -> impl Strategy<Value = Row> {
        let kind = prop::sample::select(vec![
            PlaceKind::Country,
            PlaceKind::Admin1,
            PlaceKind::Admin2,
            PlaceKind::City,
            PlaceKind::Region,
        ]);
        (
            (any::<Option<u32>>(), kind, prop::sample::select(vec!["", "*", "?"])),
            any_name().prop_filter("a main name has no ~", |n| !n.starts_with('~')),
            prop::sample::select(vec!["", "AZ", "US", "GB"]),
            prop::sample::select(vec!["", "01", "GA", "58"]),
            (-90.0f32..90.0, -180.0f32..180.0, any::<u64>()),
            prop::collection::vec(any_name(), 0..4),
        )
            .prop_map(
                |((id, kind, suffix), name, country, admin1, (lat, lon, population), alternates)| Row {
                    id,
                    kind,
                    suffix,
                    name,
                    country,
                    admin1,
                    lat,
                    lon,
                    population,
                    alternates,
                },
            )
    }

    /// The keys of a row, as the HashMap gazetteer before packing made
    /// them: each once per place.
    fn keys_of(row: &Row) -> Vec<String> {
        let mut keys: Vec<String> = std::iter::once(row.name.as_str())
            .chain(row.alternates.iter().map(String::as_str).filter(|a| !a.is_empty()))
            .map(|name| match name.strip_prefix('~') {
                Some(abbreviation) => abbreviation_key(abbreviation),
                None => fold(name),
            })
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    proptest! {
        #[test]
        fn packing_gives_back_every_place_and_every_key_in_order(
            rows in prop::collection::vec(any_row(), 0..40),
            stray in "[a-z ]{1,8}",
        ) {
            let mut tsv = String::from("# a comment, counted as a line\n");
            for row in &rows {
                tsv.push_str(&row.line());
                tsv.push('\n');
            }
            let gazetteer = Gazetteer::from_tsv(&tsv).unwrap();
            prop_assert_eq!(gazetteer.len(), rows.len());
            for (at, (place, row)) in gazetteer.places().zip(&rows).enumerate() {
                prop_assert_eq!(place.at as usize, at);
                prop_assert_eq!(place.id, row.id);
                prop_assert_eq!(place.kind, row.kind);
                prop_assert_eq!(place.name, row.name.as_str());
                prop_assert_eq!(place.country, row.country);
                prop_assert_eq!(place.admin1, row.admin1);
                prop_assert_eq!(place.lat.to_bits(), row.lat.to_bits());
                prop_assert_eq!(place.lon.to_bits(), row.lon.to_bits());
                prop_assert_eq!(place.population, row.population);
                prop_assert_eq!(place.capital, row.suffix == "*");
                prop_assert_eq!(place.approximate, row.suffix == "?");
            }
            let mut index: HashMap<String, Vec<u32>> = HashMap::new();
            let mut countries: HashMap<&str, u32> = HashMap::new();
            for (at, row) in rows.iter().enumerate() {
                for key in keys_of(row) {
                    index.entry(key).or_default().push(at as u32);
                }
                if row.kind == PlaceKind::Country {
                    countries.insert(row.country, at as u32);
                }
            }
            for (key, want) in &index {
                prop_assert!(gazetteer.contains_key(key));
                let found: Vec<u32> = gazetteer.lookup_key(key).map(|p| p.at).collect();
                prop_assert_eq!(&found, want, "key {:?}", key);
            }
            for iso in ["", "AZ", "US", "GB", "FR"] {
                prop_assert_eq!(gazetteer.country(iso).map(|p| p.at), countries.get(iso).copied());
            }
            prop_assert_eq!(gazetteer.contains_key(&stray), index.contains_key(&stray));
            for key in index.keys() {
                prop_assert!(gazetteer.may_contain_key(key), "key {:?}", key);
            }
            prop_assert!(gazetteer.may_contain_key(&stray) || !index.contains_key(&stray));
        }

        #[test]
        fn a_broken_line_is_named_never_a_panic(
            rows in prop::collection::vec(any_row(), 1..10),
            broken in any::<prop::sample::Index>(),
            damage in 0usize..6,
        ) {
            let broken = broken.index(rows.len());
            let mut lines: Vec<String> = rows.iter().map(Row::line).collect();
            let fields: Vec<&str> = lines[broken].split('\t').collect();
            let mut fields: Vec<String> = fields.into_iter().map(str::to_string).collect();
            match damage {
                0 => fields[0] = "x1".into(),
                1 => fields[1] = "Q".into(),
                2 => fields[5] = "north".into(),
                3 => fields[6] = String::new(),
                4 => fields[7] = "-1".into(),
                _ => {
                    fields.pop();
                }
            }
            lines[broken] = fields.join("\t");
            let tsv = format!("# header\n\n{}\n", lines.join("\n"));
            let error = Gazetteer::from_tsv(&tsv).err().expect("a broken line is an error");
            // Two lines come before the rows: the comment and a blank.
            prop_assert_eq!(error.line(), Some(broken + 3), "{}", error);
            let prefix = format!("gazetteer line {}: ", broken + 3);
            prop_assert!(error.to_string().starts_with(&prefix), "{}", error);
        }

        #[test]
        fn any_text_is_a_gazetteer_or_an_error(text in "(\\PC|\t|\n){0,200}") {
            if let Ok(gazetteer) = Gazetteer::from_tsv(&text) {
                prop_assert_eq!(gazetteer.places().count(), gazetteer.len());
                for place in gazetteer.places() {
                    gazetteer.lookup(place.name);
                }
            }
        }
    }

    #[test]
    fn malformed_lines_say_what_and_where() {
        let good = "1\tP\tAgdam\tAZ\t\t40.0\t46.9\t100\tAğdam";
        let cases = [
            ("1\tP\tAgdam", "want 9 tab-separated fields"),
            (&*format!("{good}\textra"), "want 9 tab-separated fields"),
            ("x\tP\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad id"),
            ("1\tZ\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad kind"),
            ("1\tP*?x\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad kind"),
            ("1\tP\tAgdam\tAZ\t\t40,0\t46.9\t100\t", "bad latitude"),
            ("1\tP\tAgdam\tAZ\t\t40.0\t\t100\t", "bad longitude"),
            ("1\tP\tAgdam\tAZ\t\t40.0\t46.9\t1e3\t", "bad population"),
        ];
        for (line, message) in cases {
            let tsv = format!("# comment\n{good}\n{line}\n{good}\n");
            let error = Gazetteer::from_tsv(&tsv).err().unwrap_or_else(|| panic!("{line:?} was taken"));
            assert_eq!((error.line(), error.message()), (Some(3), message), "{line:?}");
        }
        let long = "x".repeat(70_000);
        let error = Gazetteer::from_tsv(&format!("1\tP\t{long}\tAZ\t\t40.0\t46.9\t100\t\n")).err().unwrap();
        assert_eq!(error.line(), Some(1));
    }

    #[test]
    fn broken_gzip_is_an_error() {
        let error = Gazetteer::from_gzip(b"not gzip").err().unwrap();
        assert_eq!(error.line(), None);
    }

    #[test]
    fn the_embedded_gazetteer_opens() {
        let gazetteer = Gazetteer::embedded();
        assert_eq!(gazetteer.places().count(), gazetteer.len());
        assert_eq!(gazetteer.country("AZ").map(|p| p.name), Some("Azerbaijan"));
        assert!(!gazetteer.contains_key("no such place anywhere"));
    }
}
