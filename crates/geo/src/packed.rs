//! The packed gazetteer: the TSV file turned into bytes that are read in
//! place, so that the gazetteer is ready the moment the program starts
//! instead of after a second of parsing, and costs memory only for the
//! pages a run reads.
//!
//! Both halves of the format live here: `build.rs` includes this file to
//! pack the shipped `data/gazetteer.tsv.gz` at compile time, and the
//! library reads what it wrote (and packs any other gazetteer given to
//! `Gazetteer::from_tsv`).
//!
//! A packed gazetteer has two parts. The *names* are one string holding
//! every name, country code and admin1 code of the places, each once;
//! being a `str`, the embedded one is checked for UTF-8 by the compiler
//! (`include_str!`), and reading a name checks nothing at run time. The
//! *index* is little-endian bytes:
//!
//! | section   | size         | what |
//! |-----------|--------------|------|
//! | header    | 28           | [`MAGIC`], then five u32: the number of places, codes, countries and groups, and the length of the entries |
//! | places    | 36 a place   | id u32, lat f32, lon f32, population u64, the name's offset u32 and length u16 in the names, the kind's code letter u8, flags u8, then the country's and the admin1's code u32 |
//! | codes     | 8 a code     | each country or admin1 code's offset u32 and length u32 in the names |
//! | countries | 4 a country  | each country's place, in the order of their codes (binary search) |
//! | groups    | 40 a group   | a hash table of the keys, in groups of eight slots probed one group after another: the slots' tags u8 (a byte of the key's hash; 0: empty), then their keys' offsets in the entries u32 |
//! | entries   | the rest     | for each key: its length (LEB128), its bytes, the number of its places (LEB128), then their positions u32, in the order of the file |
//!
//! Country and admin1 codes are numbered because a few thousand of them
//! serve 286,000 places: the reader turns the numbers into strings once,
//! and a place's codes cost a table look-up instead of a slice of the names.

use crate::error::Error;
use crate::fold::{abbreviation_key, fold};
use crate::place::{Place, PlaceKind};
use std::collections::HashMap;

/// The first bytes of a packed index, with the format's version.
pub(crate) const MAGIC: [u8; 8] = *b"dlgazet1";
const HEADER_LEN: usize = 28;
const RECORD_LEN: usize = 36;
const CODE_LEN: usize = 8;
/// Slots in a group, and a group's length: its tags, then its keys.
const GROUP: usize = 8;
const GROUP_LEN: usize = GROUP * 5;

/// Flags of a place record.
const HAS_ID: u8 = 1;
const CAPITAL: u8 = 2;
const APPROXIMATE: u8 = 4;

/// A packed gazetteer: its names and its index.
pub(crate) struct Packed {
    pub(crate) names: String,
    pub(crate) index: Vec<u8>,
}

/// Packs a gazetteer from its TSV form: id, kind (`P*` for a capital, `B?`
/// for a county placed by guess), name, country, admin1, lat, lon,
/// population, alternate names separated by `|` (`~` before an
/// abbreviation). Lines starting with `#` are comments.
pub(crate) fn pack(tsv: &str) -> Result<Packed, Error> {
    let mut names = Names::default();
    let mut codes = Codes::default();
    let mut records: Vec<u8> = Vec::new();
    let mut countries: HashMap<&str, u32> = HashMap::new();
    // Every (key, place) pair, each once.
    let mut pairs: Vec<(String, u32)> = Vec::new();
    let mut places: u32 = 0;
    for (n, line) in tsv.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
        let bad = |what: &str| Error::at_line(n + 1, what);
        let row = Row::parse(line).map_err(bad)?;
        let name = names.add(row.name).ok_or_else(|| bad("name longer than 65535 bytes"))?;
        let country = codes.add(row.country, &mut names).ok_or_else(|| bad("country code too long"))?;
        let admin1 = codes.add(row.admin1, &mut names).ok_or_else(|| bad("admin1 code too long"))?;
        row.write(name, country, admin1, &mut records);
        let at = places;
        places = places.checked_add(1).ok_or_else(|| bad("too many places"))?;
        if row.kind == PlaceKind::Country {
            countries.insert(row.country, at);
        }
        pairs.extend(row.keys().into_iter().map(|key| (key, at)));
    }
    // Sorted by key, then place: each key's places in the order of the
    // file, which resolution depends on (the first of equals wins).
    pairs.sort_unstable();
    let Entries { bytes: entries, starts } = entries(&pairs)?;
    let groups = groups(&starts);
    let mut countries: Vec<(&str, u32)> = countries.into_iter().collect();
    countries.sort_unstable();

    let too_big = |_| Error::whole("too big to pack");
    let mut index = Vec::with_capacity(HEADER_LEN + records.len() + groups.len() + entries.len());
    index.extend_from_slice(&MAGIC);
    index.extend_from_slice(&places.to_le_bytes());
    index.extend_from_slice(&u32::try_from(codes.numbers.len()).map_err(too_big)?.to_le_bytes());
    index.extend_from_slice(&u32::try_from(countries.len()).map_err(too_big)?.to_le_bytes());
    index.extend_from_slice(&u32::try_from(groups.len() / GROUP_LEN).map_err(too_big)?.to_le_bytes());
    index.extend_from_slice(&u32::try_from(entries.len()).map_err(too_big)?.to_le_bytes());
    index.extend_from_slice(&records);
    index.extend_from_slice(&codes.spans);
    for (_, at) in countries {
        index.extend_from_slice(&at.to_le_bytes());
    }
    index.extend_from_slice(&groups);
    index.extend_from_slice(&entries);
    Ok(Packed { names: names.text, index })
}

/// One line of the TSV form, its fields read.
struct Row<'t> {
    id: Option<u32>,
    kind: PlaceKind,
    flags: u8,
    name: &'t str,
    country: &'t str,
    admin1: &'t str,
    lat: f32,
    lon: f32,
    population: u64,
    alternates: &'t str,
}

impl<'t> Row<'t> {
    /// The row of a line, or what is wrong with it.
    fn parse(line: &'t str) -> Result<Row<'t>, &'static str> {
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, kind_code, name, country, admin1, lat, lon, population, alternates] = fields[..] else {
            return Err("want 9 tab-separated fields");
        };
        let id = if id.is_empty() { None } else { Some(id.parse().map_err(|_| "bad id")?) };
        let kind = PlaceKind::from_code(kind_code.trim_end_matches(['*', '?'])).ok_or("bad kind")?;
        let lat = lat.parse().map_err(|_| "bad latitude")?;
        let lon = lon.parse().map_err(|_| "bad longitude")?;
        let population = population.parse().map_err(|_| "bad population")?;
        let mut flags = 0;
        for (set, flag) in [
            (id.is_some(), HAS_ID),
            (kind_code.ends_with('*'), CAPITAL),
            (kind_code.ends_with('?'), APPROXIMATE),
        ] {
            if set {
                flags |= flag;
            }
        }
        Ok(Row { id, kind, flags, name, country, admin1, lat, lon, population, alternates })
    }

    /// Appends the row's record, given where its name lies in the names
    /// and the numbers of its codes.
    fn write(&self, (name_offset, name_len): (u32, u16), country: u32, admin1: u32, records: &mut Vec<u8>) {
        records.extend_from_slice(&self.id.unwrap_or(0).to_le_bytes());
        records.extend_from_slice(&self.lat.to_bits().to_le_bytes());
        records.extend_from_slice(&self.lon.to_bits().to_le_bytes());
        records.extend_from_slice(&self.population.to_le_bytes());
        records.extend_from_slice(&name_offset.to_le_bytes());
        records.extend_from_slice(&name_len.to_le_bytes());
        records.push(self.kind.code() as u8);
        records.push(self.flags);
        records.extend_from_slice(&country.to_le_bytes());
        records.extend_from_slice(&admin1.to_le_bytes());
    }

    /// The keys the place is found under, each once: its folded names, and
    /// its abbreviations apart (see `abbreviation_key`).
    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = std::iter::once(self.name)
            .chain(self.alternates.split('|').filter(|a| !a.is_empty()))
            .map(|name| match name.strip_prefix('~') {
                Some(abbreviation) => abbreviation_key(abbreviation),
                None => fold(name),
            })
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

/// The entries of the keys, and where each key's entry starts.
struct Entries<'p> {
    bytes: Vec<u8>,
    starts: Vec<(&'p str, u32)>,
}

/// The entries of sorted (key, place) pairs.
fn entries(pairs: &[(String, u32)]) -> Result<Entries<'_>, Error> {
    let mut entries: Vec<u8> = Vec::new();
    let mut starts: Vec<(&str, u32)> = Vec::new();
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        let key = group[0].0.as_str();
        let start = u32::try_from(entries.len()).map_err(|_| Error::whole("too many names to pack"))?;
        starts.push((key, start));
        write_varint(&mut entries, key.len());
        entries.extend_from_slice(key.as_bytes());
        write_varint(&mut entries, group.len());
        for (_, at) in group {
            entries.extend_from_slice(&at.to_le_bytes());
        }
    }
    Ok(Entries { bytes: entries, starts })
}

/// The hash table of the keys, given where their entries start.
///
/// A key goes in the first group from its home with a free slot, so a
/// look-up reads one group (eight tags in one word) and, when a tag
/// matches, the key's offset beside it. At most three quarters full, few
/// groups overflow, and a name that is no place (most capitalised words)
/// is known to be none after one read.
fn groups(starts: &[(&str, u32)]) -> Vec<u8> {
    let group_count = (starts.len() + starts.len() / 3) / GROUP + 1;
    let mut groups = vec![0u8; group_count * GROUP_LEN];
    for &(key, start) in starts {
        let hash = hash(key.as_bytes());
        let mut group = home_group(hash, group_count);
        loop {
            let at = group * GROUP_LEN;
            if let Some(slot) = groups[at..at + GROUP].iter().position(|&tag| tag == 0) {
                groups[at + slot] = tag_of(hash);
                groups[at + GROUP + 4 * slot..][..4].copy_from_slice(&start.to_le_bytes());
                break;
            }
            group = if group + 1 == group_count { 0 } else { group + 1 };
        }
    }
    groups
}

/// The country and admin1 codes of a packed gazetteer, numbered: a few
/// thousand of them serve all the places.
#[derive(Default)]
struct Codes<'t> {
    numbers: HashMap<&'t str, u32>,
    /// Each code's offset and length in the names, by number.
    spans: Vec<u8>,
}

impl<'t> Codes<'t> {
    /// The number of a code; None when it does not fit.
    fn add(&mut self, code: &'t str, names: &mut Names<'t>) -> Option<u32> {
        if let Some(&number) = self.numbers.get(code) {
            return Some(number);
        }
        let (offset, len) = names.add(code)?;
        let number = u32::try_from(self.numbers.len()).ok()?;
        self.spans.extend_from_slice(&offset.to_le_bytes());
        self.spans.extend_from_slice(&u32::from(len).to_le_bytes());
        self.numbers.insert(code, number);
        Some(number)
    }
}

/// The names of a packed gazetteer, each kept once: hundreds of places
/// share a name.
#[derive(Default)]
struct Names<'t> {
    text: String,
    seen: HashMap<&'t str, u32>,
}

impl<'t> Names<'t> {
    /// Where a name lies in the text (offset, length); None when it does
    /// not fit the record.
    fn add(&mut self, name: &'t str) -> Option<(u32, u16)> {
        let len = u16::try_from(name.len()).ok()?;
        if let Some(&offset) = self.seen.get(name) {
            return Some((offset, len));
        }
        let offset = u32::try_from(self.text.len()).ok()?;
        offset.checked_add(u32::from(len))?;
        self.text.push_str(name);
        self.seen.insert(name, offset);
        Some((offset, len))
    }
}

/// Where the sections of a packed index begin, read from its header.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    places: usize,
    codes: usize,
    countries: usize,
    groups: usize,
    codes_at: usize,
    countries_at: usize,
    groups_at: usize,
    entries_at: usize,
}

impl Layout {
    /// The layout of an index, if its header is this format's and its
    /// length what the header says.
    pub(crate) fn of(index: &[u8]) -> Result<Layout, Error> {
        let header = index.get(..HEADER_LEN).ok_or_else(|| Error::whole("packed index too short"))?;
        if header[..8] != MAGIC {
            return Err(Error::whole("not a packed gazetteer of this version"));
        }
        let count = |i: usize| u32_at(header, 8 + 4 * i) as usize;
        let (places, codes, countries, groups, entries) = (count(0), count(1), count(2), count(3), count(4));
        let codes_at = HEADER_LEN + places * RECORD_LEN;
        let countries_at = codes_at + codes * CODE_LEN;
        let groups_at = countries_at + countries * 4;
        let entries_at = groups_at + groups * GROUP_LEN;
        if groups == 0 || index.len() != entries_at + entries {
            return Err(Error::whole("packed index of the wrong length"));
        }
        Ok(Layout { places, codes, countries, groups, codes_at, countries_at, groups_at, entries_at })
    }

    /// How many places the index holds.
    pub(crate) fn places(&self) -> usize {
        self.places
    }

    /// The country and admin1 codes of an index, by number, taken out of
    /// its names once so that reading a place's codes costs no slicing.
    pub(crate) fn codes(&self, index: &[u8], names: &str) -> Result<Vec<Box<str>>, Error> {
        (0..self.codes)
            .map(|code| {
                let at = self.codes_at + code * CODE_LEN;
                let (offset, len) = (u32_at(index, at) as usize, u32_at(index, at + 4) as usize);
                let text = names.get(offset..offset + len);
                text.map(Box::from).ok_or_else(|| Error::whole("packed index with a code outside its names"))
            })
            .collect()
    }
}

/// A packed gazetteer read in place.
#[derive(Clone, Copy)]
pub(crate) struct View<'g> {
    pub(crate) layout: Layout,
    pub(crate) index: &'g [u8],
    pub(crate) names: &'g str,
    /// The codes (see [`Layout::codes`]).
    pub(crate) codes: &'g [Box<str>],
}

impl<'g> View<'g> {
    /// The place at a position (below `layout.places()`).
    // Always inlined: a caller that asks one field of each place ("any of
    // them a country?") then reads that field alone.
    #[inline(always)]
    pub(crate) fn place(self, at: u32) -> Place<'g> {
        let start = HEADER_LEN + at as usize * RECORD_LEN;
        let record: &[u8; RECORD_LEN] =
            self.index[start..start + RECORD_LEN].try_into().expect("a slice of a record's length");
        let word = |i: usize| u32::from_le_bytes([record[i], record[i + 1], record[i + 2], record[i + 3]]);
        let name_offset = word(20) as usize;
        let name_len = usize::from(u16::from_le_bytes([record[24], record[25]]));
        let flags = record[27];
        // The names are read with `get`, not indexing: with no panic to
        // keep, the compiler drops the reading of whatever field a caller
        // never looks at ("any place of this key a country?" reads one
        // byte). `pack` wrote every offset, so none is out of range.
        let code = |i: usize| self.codes.get(word(i) as usize).map_or("", |code| &**code);
        Place {
            id: (flags & HAS_ID != 0).then(|| word(0)),
            kind: PlaceKind::from_byte(record[26]).expect("a kind written by `pack`"),
            name: self.names.get(name_offset..name_offset + name_len).unwrap_or_default(),
            country: code(28),
            admin1: code(32),
            lat: f32::from_bits(word(4)),
            lon: f32::from_bits(word(8)),
            population: u64::from(word(12)) | u64::from(word(16)) << 32,
            capital: flags & CAPITAL != 0,
            approximate: flags & APPROXIMATE != 0,
            at,
        }
    }

    /// The positions of the places under a key, as packed u32s, in the
    /// order of the file; empty when no place has the key.
    pub(crate) fn postings(self, key: &[u8]) -> &'g [u8] {
        let hash = hash(key);
        let groups = &self.index[self.layout.groups_at..self.layout.entries_at];
        let entries = &self.index[self.layout.entries_at..];
        let tag = tag_of(hash);
        let mut group = home_group(hash, self.layout.groups);
        loop {
            let at = group * GROUP_LEN;
            let slots = &groups[at..at + GROUP_LEN];
            let tags = u64::from_le_bytes([
                slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6], slots[7],
            ]);
            let mut matches = zero_bytes(tags ^ (u64::from(tag) * ONES));
            while matches != 0 {
                let slot = matches.trailing_zeros() as usize / 8;
                matches &= matches - 1;
                let mut at = u32_at(slots, GROUP + 4 * slot) as usize;
                let len = read_varint(entries, &mut at);
                if entries[at..at + len] == *key {
                    at += len;
                    let count = read_varint(entries, &mut at);
                    return &entries[at..at + 4 * count];
                }
            }
            if zero_bytes(tags) != 0 {
                return &[];
            }
            group = if group + 1 == self.layout.groups { 0 } else { group + 1 };
        }
    }

    /// The position of the country entry for an ISO code.
    pub(crate) fn country(self, iso: &str) -> Option<u32> {
        let table = &self.index[self.layout.countries_at..self.layout.groups_at];
        let (mut low, mut high) = (0, self.layout.countries);
        while low < high {
            let middle = (low + high) / 2;
            let at = u32_at(table, middle * 4);
            let record = HEADER_LEN + at as usize * RECORD_LEN;
            match (*self.codes[u32_at(self.index, record + 28) as usize]).cmp(iso) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(at),
            }
        }
        None
    }
}

/// The u32 at a byte offset.
fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The places of a key, in the order of the file.
pub(crate) struct Candidates<'g> {
    view: View<'g>,
    postings: std::slice::ChunksExact<'g, u8>,
}

impl<'g> Candidates<'g> {
    /// The places of a posting list (see [`View::postings`]).
    pub(crate) fn new(view: View<'g>, postings: &'g [u8]) -> Candidates<'g> {
        Candidates { view, postings: postings.chunks_exact(4) }
    }
}

impl<'g> Iterator for Candidates<'g> {
    type Item = Place<'g>;

    #[inline(always)]
    fn next(&mut self) -> Option<Place<'g>> {
        let at = self.postings.next()?;
        Some(self.view.place(u32::from_le_bytes([at[0], at[1], at[2], at[3]])))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.postings.size_hint()
    }
}

impl ExactSizeIterator for Candidates<'_> {}

/// The hash of a key: FxHash's word-at-a-time mixing, which is quick on
/// the short keys of place names, finished by MurmurHash3's avalanche so
/// that every bit counts in the group and the tag. Written here, not taken from std,
/// because the table is built at compile time and read at run time: the
/// hash must never change between the two.
pub(crate) fn hash(key: &[u8]) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = key.len() as u64;
    let mut mix = |word: u64| hash = (hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    let mut words = key.chunks_exact(8);
    for word in &mut words {
        mix(u64::from_le_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        mix(rest.iter().rev().fold(0, |word, &byte| word << 8 | u64::from(byte)));
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The group a key of this hash belongs in: the hash's high bits scaled to
/// the table (its low bits make the tag), so the table can be any size.
fn home_group(hash: u64, groups: usize) -> usize {
    ((u128::from(hash) * groups as u128) >> 64) as usize
}

/// The tag of a slot holding a key of this hash: its lowest byte, never 0
/// (an empty slot).
fn tag_of(hash: u64) -> u8 {
    (hash as u8).max(1)
}

/// A byte of ones, in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of every zero byte of a word set (the bits above the
/// lowest may be set wrongly, which costs a look at a slot, no more; and
/// the word has a zero byte exactly when the result is not zero).
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & (ONES << 7)
}

fn write_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> usize {
    let mut value = 0;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= usize::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}
