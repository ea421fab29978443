//! An averaged perceptron over hashed features: the linear model under
//! the tagger and the parser (Collins 2002; averaging as in Daumé's
//! "lazy" update, so training costs what the updates cost).
//!
//! Features are 64-bit hashes of a template number and its values, built
//! without allocating ([`Features::add`]). A trained model keeps, for each
//! feature seen often enough, only its non-zero class weights, so it stays
//! small on disk and in memory.

mod table;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use table::{Row, Table};

/// Maps keyed by feature hashes. The keys are already well-mixed 64-bit
/// hashes, so hashing them again (SipHash, the default) only costs time:
/// lookups are most of the time spent tagging and parsing.
type HashMapByFeature<V> = HashMap<u64, V, BuildHasherDefault<FeatureHasher>>;

/// Passes a feature hash through as its own hash.
#[derive(Default)]
struct FeatureHasher(u64);

impl Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; this serves any other key correctly.
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// FNV-1a: fast for the short words the lexicons are keyed by.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        mix(self.0)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
}

/// A map keyed by words.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The active features of one decision, as hashes.
#[derive(Clone, Debug, Default)]
pub struct Features {
    hashes: Vec<u64>,
}

impl Features {
    /// Forgets the features of the last decision, keeping the buffer.
    pub fn clear(&mut self) {
        self.hashes.clear();
    }

    /// Adds the feature of template `template` with the given parts
    /// (words, tags, numbers), hashed without allocating.
    pub fn add(&mut self, template: u32, parts: &[&[u8]]) {
        let mut hash = FNV_OFFSET ^ u64::from(template).wrapping_mul(FNV_PRIME);
        for part in parts {
            for &byte in *part {
                hash = (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME);
            }
            // A separator, so ("ab", "c") and ("a", "bc") differ.
            hash = (hash ^ 0xff).wrapping_mul(FNV_PRIME);
        }
        self.hashes.push(feature_hash(hash));
    }

    /// Adds the feature of template `template` whose parts are already
    /// hashes (of words, tags, positions): cheaper than [`Features::add`]
    /// when the same values recur in many templates, as in a parser.
    pub fn add_hashed(&mut self, template: u32, parts: &[u64]) {
        let mut hash = FNV_OFFSET ^ u64::from(template).wrapping_mul(FNV_PRIME);
        for &part in parts {
            // Rotating keeps the parts' order: (a, b) and (b, a) differ.
            hash = (hash.rotate_left(23) ^ part).wrapping_mul(FNV_PRIME);
        }
        self.hashes.push(feature_hash(hash));
    }

    /// The hashes added since the last clear.
    pub fn hashes(&self) -> &[u64] {
        &self.hashes
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A feature's hash: 32 well-mixed bits. Models keep a few hundred
/// thousand features, so a feature the model lacks matches one of them
/// about once in ten thousand lookups, which changes no decision
/// measurably; and sorted 32-bit hashes are written as gaps of two bytes
/// or so, where 64-bit ones would take eight.
fn feature_hash(hash: u64) -> u64 {
    mix(hash) >> 32
}

/// A final avalanche, so that the low bits used by tables are well mixed.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// A perceptron being trained: dense weight rows per feature, with the
/// running totals needed to average them.
pub struct Training {
    classes: usize,
    rows: HashMapByFeature<usize>,
    weights: Vec<f32>,
    /// Sum of each weight over all updates so far, brought up to date
    /// lazily: `totals += weight * (now - stamp)` when the weight changes.
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// How many updates touched each row (to drop rare features).
    counts: Vec<u32>,
    now: u32,
}

impl Training {
    /// A perceptron over `classes` classes, all weights zero.
    pub fn new(classes: usize) -> Training {
        Training {
            classes,
            rows: HashMapByFeature::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            counts: Vec::new(),
            now: 0,
        }
    }

    /// Adds the current weights of the features to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for hash in features {
            if let Some(&row) = self.rows.get(hash) {
                let weights = &self.weights[row * self.classes..(row + 1) * self.classes];
                scores.iter_mut().zip(weights).for_each(|(s, w)| *s += w);
            }
        }
    }

    /// One training step: moves weight from `guess` to `truth` on every
    /// feature (nothing when they agree). Call [`Training::tick`] once per
    /// decision, updated or not.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &hash in features {
            let row = self.row(hash);
            self.counts[row] += 1;
            self.nudge(row * self.classes + truth, 1.0);
            self.nudge(row * self.classes + guess, -1.0);
        }
    }

    /// Counts one decision, for averaging.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    fn row(&mut self, hash: u64) -> usize {
        let classes = self.classes;
        let next = self.rows.len();
        let row = *self.rows.entry(hash).or_insert(next);
        if row == next {
            self.weights.resize(self.weights.len() + classes, 0.0);
            self.totals.resize(self.totals.len() + classes, 0.0);
            self.stamps.resize(self.stamps.len() + classes, 0);
            self.counts.push(0);
        }
        row
    }

    fn nudge(&mut self, at: usize, by: f32) {
        let elapsed = f64::from(self.now - self.stamps[at]);
        self.totals[at] += f64::from(self.weights[at]) * elapsed;
        self.stamps[at] = self.now;
        self.weights[at] += by;
    }

    /// The averaged model, keeping features updated at least `min_count`
    /// times and weights whose magnitude is at least `min_weight`.
    pub fn average(&self, min_count: u32, min_weight: f32) -> Model {
        Training::average_of(std::slice::from_ref(self), min_count, min_weight)
    }

    /// The mean of the averaged models of several trainings over the same
    /// classes (the same examples seen in different orders, say: their
    /// mean varies less with the order than any one of them), keeping
    /// features updated at least `min_count` times in all and weights
    /// whose magnitude is at least `min_weight`. One training gives what
    /// [`Training::average`] gives.
    pub fn average_of(runs: &[Training], min_count: u32, min_weight: f32) -> Model {
        let classes = runs.first().map_or(0, |run| run.classes);
        // Sorted by feature, so that the same trainings give the same bytes.
        let mut merged: std::collections::BTreeMap<u64, (u32, Vec<f64>)> = std::collections::BTreeMap::new();
        for run in runs {
            let now = f64::from(run.now.max(1));
            for (&hash, &row) in &run.rows {
                let (count, sums) = merged.entry(hash).or_insert_with(|| (0, vec![0.0; classes]));
                *count += run.counts[row];
                for (class, sum) in sums.iter_mut().enumerate() {
                    let at = row * run.classes + class;
                    let total =
                        run.totals[at] + f64::from(run.weights[at]) * (now - f64::from(run.stamps[at]));
                    *sum += total / now;
                }
            }
        }
        let runs = runs.len().max(1) as f64;
        let mut entries = Vec::new();
        let mut rows = Vec::new();
        for (hash, (count, sums)) in merged {
            if count < min_count {
                continue;
            }
            let start = entries.len();
            for (class, sum) in sums.into_iter().enumerate() {
                let average = (sum / runs) as f32;
                if average.abs() >= min_weight && average != 0.0 {
                    entries.push((class as u16, average));
                }
            }
            rows.push((hash, (start as u32, (entries.len() - start) as u32)));
        }
        // Weights are kept as 16-bit multiples of one step, as they are
        // written: half the bytes on disk, and they compress; the scores
        // move by far less than the margins between classes.
        let largest = entries.iter().map(|(_, w)| w.abs()).fold(0.0f32, f32::max);
        let step = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        for (_, weight) in &mut entries {
            *weight = f32::from(quantise(*weight, step)) * step;
        }
        Model::new(classes, rows, entries, step)
    }
}

/// A new model's id.
fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The multiple of `step` nearest `weight`, within 16 bits.
fn quantise(weight: f32, step: f32) -> i16 {
    (weight / step).round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16
}

/// A trained perceptron: for each kept feature, its non-zero class weights.
#[derive(Clone, Debug)]
pub struct Model {
    classes: usize,
    /// Every weight is a multiple of this.
    step: f32,
    weights: Weights,
    /// Tells this model from every other of the process (copies share it:
    /// a model never changes), so that scores cached by callers
    /// ([`Model::add_sums`]) are never used with another.
    id: u64,
}

impl PartialEq for Model {
    /// The same weights, whatever the ids.
    fn eq(&self, other: &Model) -> bool {
        (self.classes, self.step, &self.weights) == (other.classes, other.step, &other.weights)
    }
}

/// The id the next model built gets.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// How a model keeps its weights.
#[derive(Clone, Debug, PartialEq)]
enum Weights {
    /// For each feature, where its non-zero weights lie among the entries,
    /// each weight with its class: the smaller with many classes.
    /// Weights are multiples of the step, kept as 16-bit integers: half
    /// the memory, so more of the model stays in cache.
    Rows { index: Table<Row, 5>, entries: Vec<(u16, i16)> },
    /// For each feature, a weight for every class, in the index itself:
    /// with few classes, one memory read gives a feature's weights.
    Inline(Table<[i16; INLINE_CLASSES], 6>),
}

/// Models with at most this many classes keep their weights in the index.
const INLINE_CLASSES: usize = 3;

/// How many features [`Model::score`] looks up before adding their
/// weights: enough lookups in flight to hide most of memory's latency.
const LOOKUPS_AT_ONCE: usize = 32;

impl Default for Model {
    /// A model of no classes, scoring nothing: a placeholder until trained.
    fn default() -> Model {
        Model::new(0, Vec::new(), Vec::new(), 1.0)
    }
}

impl Model {
    /// The model of these features, whose rows index `entries`.
    fn new(classes: usize, rows: Vec<(u64, Row)>, entries: Vec<(u16, f32)>, step: f32) -> Model {
        let rows = rows.into_iter().filter(|&(_, (_, len))| len > 0);
        if classes > INLINE_CLASSES {
            let index = Table::build(rows.collect());
            let entries =
                entries.into_iter().map(|(class, weight)| (class, quantise(weight, step))).collect();
            return Model { classes, step, weights: Weights::Rows { index, entries }, id: next_id() };
        }
        let inline = rows
            .map(|(hash, (start, len))| {
                let mut weights = [0; INLINE_CLASSES];
                for &(class, weight) in &entries[start as usize..(start + len) as usize] {
                    weights[usize::from(class)] = quantise(weight, step);
                }
                (hash, weights)
            })
            .collect();
        Model { classes, step, weights: Weights::Inline(Table::build(inline)), id: next_id() }
    }

    /// Tells this model from every other model of the process; copies
    /// share it.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// How many classes it tells apart.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// How many features it keeps, and how many weights it stores.
    #[cfg(test)]
    pub fn size(&self) -> (usize, usize) {
        match &self.weights {
            Weights::Rows { index, entries } => (index.len(), entries.len()),
            Weights::Inline(index) => (index.len(), index.len() * self.classes),
        }
    }

    /// About how many bytes it takes in memory.
    #[cfg(test)]
    pub fn memory(&self) -> usize {
        match &self.weights {
            Weights::Rows { index, entries } => {
                index.memory() + entries.capacity() * std::mem::size_of::<(u16, i16)>()
            }
            Weights::Inline(index) => index.memory(),
        }
    }

    /// The scores of every class for the features (`scores` is resized).
    pub fn score(&self, features: &[u64], scores: &mut Vec<f32>) {
        let mut sums = [0i32; BANK_CLASSES];
        if self.classes <= BANK_CLASSES {
            self.add_sums(features, &mut sums[..self.classes]);
            self.scale(&sums[..self.classes], scores);
        } else {
            let mut sums = vec![0; self.classes];
            self.add_sums(features, &mut sums);
            self.scale(&sums, scores);
        }
    }

    /// Adds the weights of the features to `sums` (one per class), as
    /// integer multiples of the step: sums of sums are the sums of all
    /// their features, whatever the order, so a caller may add up the
    /// features that recur once and keep their sum. [`Model::scale`]
    /// makes the scores.
    pub fn add_sums(&self, features: &[u64], sums: &mut [i32]) {
        match &self.weights {
            Weights::Rows { index, entries } => sum_rows(index, entries, features, sums),
            Weights::Inline(index) => {
                std::hint::black_box(index.touch(features));
                for &hash in features {
                    let weights = index.get(hash);
                    sums.iter_mut().zip(weights).for_each(|(sum, weight)| *sum += i32::from(weight));
                }
            }
        }
    }

    /// The scores of every class (`scores` is resized) from the sums of
    /// [`Model::add_sums`]. A decision sums a hundred features at most, so
    /// a sum is below 2^24 and the f32 holds it exactly: this is what
    /// adding the weights as f32 multiples of the step gives.
    pub fn scale(&self, sums: &[i32], scores: &mut Vec<f32>) {
        scores.clear();
        scores.extend(sums.iter().map(|&sum| sum as f32 * self.step));
    }

    /// The non-zero weights of each feature, with their classes, in hash
    /// order.
    fn rows(&self) -> Vec<(u64, Vec<(u16, f32)>)> {
        let mut rows: Vec<(u64, Vec<(u16, f32)>)> = match &self.weights {
            Weights::Rows { index, entries } => index
                .iter()
                .map(|(hash, (start, len))| {
                    let row = &entries[start as usize..(start + len) as usize];
                    (hash, row.iter().map(|&(class, q)| (class, f32::from(q) * self.step)).collect())
                })
                .collect(),
            Weights::Inline(index) => index
                .iter()
                .map(|(hash, weights)| {
                    let nonzero = weights.iter().enumerate().filter(|&(_, &weight)| weight != 0);
                    (hash, nonzero.map(|(class, &q)| (class as u16, f32::from(q) * self.step)).collect())
                })
                .collect(),
        };
        rows.sort_unstable_by_key(|&(hash, _)| hash);
        rows
    }

    /// Writes the model: classes, then each feature with its weights, in
    /// hash order (little-endian).
    pub fn write(&self, out: &mut Vec<u8>) {
        let features = self.rows();
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.step.to_le_bytes());
        // Column by column, each in the form that compresses best: the
        // sorted hashes as gaps, then the row lengths, the classes and the
        // weights (16-bit multiples of the step).
        let mut last = 0;
        for &(hash, _) in &features {
            write_varint(out, hash - last);
            last = hash;
        }
        for (_, entries) in &features {
            write_varint(out, entries.len() as u64);
        }
        for (class, _) in features.iter().flat_map(|(_, e)| e) {
            write_varint(out, u64::from(*class));
        }
        for (_, weight) in features.iter().flat_map(|(_, e)| e) {
            out.extend_from_slice(&quantise(*weight, self.step).to_le_bytes());
        }
    }

    /// Reads a model written by [`Model::write`] from the front of
    /// `bytes`; returns it and the bytes after it, None when they are cut
    /// short or corrupt.
    pub fn read(bytes: &[u8]) -> Option<(Model, &[u8])> {
        let mut reader = Reader(bytes);
        let classes = reader.u32()? as usize;
        let features = reader.u32()? as usize;
        let step = f32::from_le_bytes(reader.take::<4>()?);
        if !step.is_finite() || step <= 0.0 || classes > usize::from(u16::MAX) {
            return None;
        }
        // A corrupt count must not reserve more than the bytes could hold
        // (each feature takes at least two).
        let mut hashes = Vec::with_capacity(features.min(reader.0.len() / 2));
        let mut last = 0u64;
        for _ in 0..features {
            last = last.checked_add(reader.varint()?)?;
            hashes.push(last);
        }
        let mut rows = Vec::with_capacity(hashes.len());
        let mut start = 0u32;
        for hash in hashes {
            let len = u32::try_from(reader.varint()?).ok().filter(|&l| l as usize <= classes)?;
            rows.push((hash, (start, len)));
            start = start.checked_add(len)?;
        }
        let mut entries = Vec::with_capacity((start as usize).min(reader.0.len()));
        for _ in 0..start {
            let class = u16::try_from(reader.varint()?).ok().filter(|&c| usize::from(c) < classes)?;
            entries.push((class, 0.0));
        }
        for (_, weight) in &mut entries {
            *weight = f32::from(i16::from_le_bytes(reader.take::<2>()?)) * step;
        }
        Some((Model::new(classes, rows, entries, step), reader.0))
    }
}

/// Adds the rows of the features to `sums`. All the lookups of a chunk
/// come first, then all the additions: the lookups do not wait on each
/// other, so their cache misses overlap.
fn sum_rows(index: &Table<Row, 5>, entries: &[(u16, i16)], features: &[u64], sums: &mut [i32]) {
    std::hint::black_box(index.touch(features));
    // Successive rows add into different banks: rows often share a class,
    // and adding into one array would make each addition wait for the
    // last one's store.
    let mut banks = [[0i32; BANK_CLASSES]; BANKS];
    let banked = sums.len() <= BANK_CLASSES;
    for chunk in features.chunks(LOOKUPS_AT_ONCE) {
        let mut rows: [Row; LOOKUPS_AT_ONCE] = [(0, 0); LOOKUPS_AT_ONCE];
        for (row, &hash) in rows.iter_mut().zip(chunk) {
            *row = index.get(hash);
        }
        let rows = &rows[..chunk.len()];
        // The same for the rows' weights, read next.
        let first = |&(start, _): &Row| entries.get(start as usize).map_or(0, |e| e.1);
        std::hint::black_box(rows.iter().fold(0i16, |sum, row| sum ^ first(row)));
        for (i, &(start, len)) in rows.iter().enumerate() {
            let row = &entries[start as usize..(start + len) as usize];
            if banked {
                let bank = &mut banks[i % BANKS];
                // Classes are below `sums.len()`: the mask only spares a
                // bounds check.
                row.iter()
                    .for_each(|&(class, w)| bank[usize::from(class) & (BANK_CLASSES - 1)] += i32::from(w));
            } else {
                row.iter().for_each(|&(class, w)| sums[usize::from(class)] += i32::from(w));
            }
        }
    }
    if banked {
        for (class, sum) in sums.iter_mut().enumerate() {
            *sum += banks.iter().map(|bank| bank[class]).sum::<i32>();
        }
    }
}

/// How many arrays [`sum_rows`] adds into, in turn.
const BANKS: usize = 4;

/// Models with at most this many classes are summed in banks on the stack
/// (a power of two).
const BANK_CLASSES: usize = 128;

/// Reads little-endian numbers off the front of a byte slice.
pub struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    /// The next `N` bytes.
    pub fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    /// A little-endian 16-bit number.
    pub fn u16(&mut self) -> Option<u16> {
        self.take::<2>().map(u16::from_le_bytes)
    }

    /// A little-endian 32-bit number.
    pub fn u32(&mut self) -> Option<u32> {
        self.take::<4>().map(u32::from_le_bytes)
    }

    /// A number written by [`write_varint`].
    pub fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let [byte] = self.take::<1>()?;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A length-prefixed UTF-8 string.
    pub fn string(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        if self.0.len() < len {
            return None;
        }
        let (text, rest) = self.0.split_at(len);
        self.0 = rest;
        std::str::from_utf8(text).ok()
    }
}

/// Writes a number in seven-bit groups, low first, the high bit marking
/// that more follow (LEB128): small numbers take one byte.
pub fn write_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Writes a length-prefixed UTF-8 string, as [`Reader::string`] reads it.
pub fn write_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// The body of a gzipped model file, after its `magic` first line; `name`
/// names the file and `what` the kind of model in errors.
pub fn read_gzipped(name: &str, bytes: &[u8], magic: &[u8], what: &str) -> Result<Vec<u8>, crate::Error> {
    use std::io::Read;
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|e| crate::Error::whole(name, format!("not a gzipped model: {e}")))?;
    if !raw.starts_with(magic) {
        return Err(crate::Error::whole(name, format!("not a dateline {what} model")));
    }
    raw.drain(..magic.len());
    Ok(raw)
}

/// A model file's bytes, gzipped as tightly as gzip goes.
pub fn gzipped(raw: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to memory cannot fail.
    let _ = encoder.write_all(raw);
    encoder.finish().unwrap_or_default()
}

/// The index of the highest score (the first on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(words: &[&str]) -> Vec<u64> {
        let mut f = Features::default();
        for w in words {
            f.add(1, &[w.as_bytes()]);
        }
        f.add(0, &[]);
        f.hashes().to_vec()
    }

    /// A separable toy problem: the perceptron learns it, the average
    /// keeps it, and writing and reading give back the same model.
    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let data = [(vec!["red", "round"], 0), (vec!["yellow", "long"], 1), (vec!["red", "long"], 2)];
        let mut training = Training::new(3);
        let mut scores = vec![0.0; 3];
        for _ in 0..10 {
            for (words, truth) in &data {
                let f = features(words);
                training.score(&f, &mut scores);
                let guess = argmax(&scores);
                training.update(&f, *truth, guess);
                training.tick();
            }
        }
        let model = training.average(1, 0.0);
        let mut scores = Vec::new();
        for (words, truth) in &data {
            model.score(&features(words), &mut scores);
            assert_eq!(argmax(&scores), *truth, "{words:?}");
        }
        let mut bytes = Vec::new();
        model.write(&mut bytes);
        let (read, rest) = Model::read(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(read, model);
        assert!(Model::read(&bytes[..bytes.len() - 1]).is_none(), "a cut model is refused");
    }

    #[test]
    fn feature_parts_are_separated() {
        let mut a = Features::default();
        a.add(3, &[b"ab", b"c"]);
        a.add(3, &[b"a", b"bc"]);
        a.add(4, &[b"ab", b"c"]);
        let h = a.hashes();
        assert!(h[0] != h[1] && h[0] != h[2]);
    }

    fn argmax(scores: &[f32]) -> usize {
        super::argmax(scores)
    }
}
