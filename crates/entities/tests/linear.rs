//! Recognition costs what the text is long, whatever the text: a page of
//! capitalised words with no full stop (one sentence, one run of names,
//! the same places named thousands of times) once cost the square of its
//! length (128 KB took 4.7 s, 1 MB a minute). The check compares a text
//! with one ten times longer, not a wall time, so it holds on any machine.

use dateline_entities::Recognizer;
use std::time::{Duration, Instant};

/// `words` capitalised names and connectors, no full stop, from a fixed
/// sequence.
fn shouted(words: usize) -> String {
    const WORDS: [&str; 13] = [
        "Alpha", "Beta", "Kalbajar", "Baku", "John", "Smith", "Ministry", "Council", "Lachin", "of", "the",
        "and", "Paris",
    ];
    let mut state = 7u64;
    let mut out = String::new();
    for _ in 0..words {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
        out.push(' ');
    }
    out
}

/// The best of three runs: the least disturbed by the rest of the machine.
fn time(recognizer: &Recognizer, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(recognizer.entities(text));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn ten_times_the_text_costs_about_ten_times_the_time() {
    let recognizer = Recognizer::new();
    let (short, long) = (shouted(12_000), shouted(120_000));
    assert!(long.len() > 700_000, "{} bytes", long.len());
    let found = recognizer.entities(&short);
    assert!(found.len() > 1_000, "the names are found: {}", found.len());
    let ratio = time(&recognizer, &long).as_secs_f64() / time(&recognizer, &short).as_secs_f64();
    // Linear is 10; the square would be 100.
    assert!(ratio < 25.0, "ten times the text took {ratio:.1} times as long");
}
