//! Answers to recent event queries, kept while the store is unchanged and
//! bounded by the bytes they hold.

use axum::body::Bytes;
use std::collections::{HashMap, VecDeque};

/// The answers of one store generation, by query string; the oldest go
/// first when a new one would not fit in `limit` bytes.
pub(crate) struct AnswerCache {
    limit: usize,
    bytes: usize,
    generation: u64,
    answers: HashMap<String, Bytes>,
    /// Keys, oldest first.
    order: VecDeque<String>,
}

impl AnswerCache {
    pub(crate) fn new(limit: usize) -> AnswerCache {
        AnswerCache { limit, bytes: 0, generation: 0, answers: HashMap::new(), order: VecDeque::new() }
    }

    /// The answer to `key`, if it was given while the store was at
    /// `generation`.
    pub(crate) fn get(&self, key: &str, generation: u64) -> Option<Bytes> {
        if generation != self.generation {
            return None;
        }
        self.answers.get(key).cloned()
    }

    /// Keeps an answer computed at `generation`. One from before the
    /// latest write is dropped; the first from after it drops all older
    /// ones; one larger than the whole cache is not kept.
    pub(crate) fn insert(&mut self, key: String, generation: u64, body: Bytes) {
        if generation < self.generation {
            return;
        }
        if generation > self.generation {
            self.answers.clear();
            self.order.clear();
            self.bytes = 0;
            self.generation = generation;
        }
        let size = key.len() + body.len();
        if size > self.limit || self.answers.contains_key(&key) {
            return;
        }
        while self.bytes + size > self.limit {
            let Some(oldest) = self.order.pop_front() else { break };
            if let Some(answer) = self.answers.remove(&oldest) {
                self.bytes -= oldest.len() + answer.len();
            }
        }
        self.bytes += size;
        self.order.push_back(key.clone());
        self.answers.insert(key, body);
    }

    /// The bytes held: keys and answers.
    #[cfg(test)]
    fn bytes(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(bytes: usize) -> Bytes {
        Bytes::from(vec![b'x'; bytes])
    }

    #[test]
    fn many_large_answers_stay_under_the_bound() {
        let limit = 10 * 1024 * 1024;
        let mut cache = AnswerCache::new(limit);
        for i in 0..200 {
            cache.insert(format!("q=query-{i}"), 0, answer(700 * 1024));
            assert!(cache.bytes() <= limit, "{} bytes after {i} answers", cache.bytes());
        }
        let held: usize = cache.answers.iter().map(|(k, v)| k.len() + v.len()).sum();
        assert_eq!(held, cache.bytes(), "the count is the truth");
        assert!(cache.bytes() > limit - 700 * 1024 - 20, "the cache is used, not emptied");
        assert!(cache.get("q=query-199", 0).is_some(), "the newest answer is kept");
        assert!(cache.get("q=query-0", 0).is_none(), "the oldest went first");
    }

    #[test]
    fn an_answer_larger_than_the_cache_is_not_kept() {
        let mut cache = AnswerCache::new(1000);
        cache.insert("small".into(), 0, answer(100));
        cache.insert("huge".into(), 0, answer(2000));
        assert!(cache.get("huge", 0).is_none());
        assert!(cache.get("small", 0).is_some(), "and it pushes nothing out");
    }

    #[test]
    fn a_write_makes_every_answer_stale() {
        let mut cache = AnswerCache::new(1000);
        cache.insert("a".into(), 0, answer(100));
        assert!(cache.get("a", 1).is_none(), "not served after a write");
        cache.insert("b".into(), 1, answer(100));
        assert_eq!(cache.bytes(), 101, "older answers are dropped");
        cache.insert("c".into(), 0, answer(100));
        assert!(
            cache.get("c", 0).is_none() && cache.get("c", 1).is_none(),
            "an answer from before the write"
        );
    }
}
