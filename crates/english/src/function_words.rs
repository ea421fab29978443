//! Function words: determiners, and the words that open a clause.
//! Written for dateline.

/// Determiners and possessives: after one, an "-ed" word or "plan" is no
/// verb ("the planned talks", "its plan").
pub const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn determiners() {
        assert!(DETERMINERS.contains(&"the") && DETERMINERS.contains(&"their"));
        assert!(!DETERMINERS.contains(&"to"));
    }
}
