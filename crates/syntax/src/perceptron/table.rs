//! The index of a trained model: from a feature's hash to its weights, or
//! to where they lie. Scoring is mostly waiting on memory, so the table is
//! laid out for it: buckets of keys and values that fill one cache line,
//! so that a lookup usually reads one line, with no branch on which slot
//! matched.

/// A row of weights: where it starts among a model's entries, and how
/// many entries it has (0: the feature is unknown).
pub(super) type Row = (u32, u32);

/// Marks an empty slot; a feature whose hash is 0 is kept apart.
const EMPTY: u32 = 0;

/// `N` keys and their values, in one cache line when they fit.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(C, align(64))]
struct Bucket<V, const N: usize> {
    /// Feature hashes are 32 bits (see `feature_hash`).
    keys: [u32; N],
    values: [V; N],
}

/// An open-addressing map from feature hashes to values (rows, or the
/// weights themselves), probing bucket by bucket. Hashes are already well
/// mixed, so their low bits pick the bucket.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Table<V, const N: usize> {
    buckets: Vec<Bucket<V, N>>,
    /// The value of the hash 0, which marks empty slots.
    zero: Option<V>,
    len: usize,
}

impl<V: Copy + Default, const N: usize> Table<V, N> {
    /// The table of these features; a hash given twice keeps its last
    /// value.
    pub(super) fn build(entries: Vec<(u64, V)>) -> Table<V, N> {
        // Half full at most, so that few buckets are full: a lookup that
        // meets a full bucket must read the next.
        let buckets = (entries.len() * 2 / N + 1).next_power_of_two();
        let empty = Bucket { keys: [EMPTY; N], values: [V::default(); N] };
        let mut table = Table { buckets: vec![empty; buckets], zero: None, len: 0 };
        for (hash, value) in entries {
            table.insert(hash, value);
        }
        table
    }

    fn insert(&mut self, hash: u64, value: V) {
        let hash = hash as u32;
        if hash == EMPTY {
            self.len += usize::from(self.zero.is_none());
            self.zero = Some(value);
            return;
        }
        let mask = self.buckets.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let bucket = &mut self.buckets[at];
            for slot in 0..N {
                if bucket.keys[slot] == hash || bucket.keys[slot] == EMPTY {
                    self.len += usize::from(bucket.keys[slot] == EMPTY);
                    bucket.keys[slot] = hash;
                    bucket.values[slot] = value;
                    return;
                }
            }
            // Never endless: build leaves half the slots empty.
            at = (at + 1) & mask;
        }
    }

    /// Reads the home bucket of each feature, so that the lookups after
    /// find them in cache. This loop is a few instructions a feature, so
    /// dozens of its reads are in flight at once; the lookups, longer,
    /// would wait on memory one or two at a time. (A prefetch instruction
    /// would do as well, but takes `unsafe`.)
    #[inline]
    pub(super) fn touch(&self, hashes: &[u64]) -> u32 {
        let mask = self.buckets.len() - 1;
        hashes.iter().fold(0, |sum, &hash| sum ^ self.buckets[hash as usize & mask].keys[0])
    }

    /// The value of a feature, the default when it has none.
    #[inline]
    pub(super) fn get(&self, hash: u64) -> V {
        let hash = hash as u32;
        if hash == EMPTY {
            return self.zero.unwrap_or_default();
        }
        let mask = self.buckets.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let bucket = &self.buckets[at];
            // Selects rather than branches: which slot matches is random,
            // and a mispredicted branch costs more than reading them all.
            let mut value = V::default();
            let mut found = false;
            for slot in 0..N {
                let hit = bucket.keys[slot] == hash;
                value = std::hint::select_unpredictable(hit, bucket.values[slot], value);
                found |= hit;
            }
            // Slots fill in order, so a bucket with a free slot ends the
            // probe; a full one may have sent the key on to the next.
            // One branch, almost always taken: `||` would branch on `found`
            // too, which is a coin toss, and each mispredicted branch
            // throws away the lookups started after it.
            if found | (bucket.keys[N - 1] == EMPTY) {
                return value;
            }
            at = (at + 1) & mask;
        }
    }

    /// Every feature and its value, in no particular order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        let zero = self.zero.map(|value| (u64::from(EMPTY), value));
        let slots = self.buckets.iter().flat_map(|b| b.keys.into_iter().zip(b.values));
        zero.into_iter()
            .chain(slots.filter(|&(key, _)| key != EMPTY).map(|(key, value)| (u64::from(key), value)))
    }

    /// How many features it holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// The bytes its buckets take.
    #[cfg(test)]
    pub(super) fn memory(&self) -> usize {
        self.buckets.len() * std::mem::size_of::<Bucket<V, N>>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_even_past_full_buckets() {
        // Hashes that all want bucket 0 overflow into the next ones (and
        // the first is 0, which is kept apart).
        let rows: Vec<(u64, Row)> = (0..40u64).map(|i| (i << 24, (i as u32, 1 + i as u32))).collect();
        let table: Table<Row, 5> = Table::build(rows.clone());
        assert_eq!(table.len(), 40);
        for (hash, row) in rows {
            assert_eq!(table.get(hash), row, "{hash:x}");
        }
        assert_eq!(table.get(12345), (0, 0));
        assert_eq!(table.iter().count(), 40);
    }

    #[test]
    fn a_repeated_hash_keeps_its_last_value() {
        let table: Table<[i16; 3], 6> = Table::build(vec![(7, [1; 3]), (7, [2; 3]), (9, [3; 3])]);
        assert_eq!((table.len(), table.get(7), table.get(8)), (2, [2; 3], [0; 3]));
    }

    #[test]
    fn buckets_fill_a_cache_line() {
        assert_eq!(std::mem::size_of::<Bucket<Row, 5>>(), 64);
        assert_eq!(std::mem::size_of::<Bucket<[i16; 3], 6>>(), 64);
    }
}
