use crate::Error;
use dateline_core::Date;

/// Parses a publication date: `YYYY-MM-DD`, or an RFC 3339 / ISO 8601
/// timestamp whose calendar date is taken as written. The time and offset,
/// when given, must be valid too: a malformed timestamp is refused rather
/// than half read.
///
/// ```
/// use dateline_read::parse_date;
/// assert_eq!(parse_date("2020-11-26").unwrap().to_string(), "2020-11-26");
/// assert_eq!(parse_date("2020-11-26T23:30:00+04:00").unwrap().to_string(), "2020-11-26");
/// assert!(parse_date("2020-02-30").is_err());
/// assert!(parse_date("26/11/2020").is_err());
/// assert!(parse_date("2020-11-26T25:99:99Z").is_err());
/// assert!(parse_date("2020-11-26 garbage").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<Date, Error> {
    let s = s.trim();
    let not_a_date = || {
        Error::unplaced(format!(
            "'{s}' is not a date (want YYYY-MM-DD, or an RFC 3339 timestamp such as 2020-11-26T14:30:00Z)"
        ))
    };
    let day = s.get(..10).ok_or_else(not_a_date)?;
    let rest = &s[10..];
    if let Some(time) = rest.strip_prefix(['T', 't', ' ']) {
        if !is_time_and_offset(time) {
            return Err(not_a_date());
        }
    } else if !rest.is_empty() {
        return Err(not_a_date());
    }
    day.parse::<Date>().map_err(|e| Error::unplaced(format!("'{s}' is not a valid date: {e}")))
}

/// `HH:MM[:SS[.fraction]]` with an optional `Z` or `±HH[:]MM` offset, every
/// field in range.
fn is_time_and_offset(text: &str) -> bool {
    let bytes = text.as_bytes();
    let two = |at: usize, max: u32| -> bool {
        match bytes.get(at..at + 2) {
            Some([a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => {
                u32::from(a - b'0') * 10 + u32::from(b - b'0') <= max
            }
            _ => false,
        }
    };
    if !(two(0, 23) && bytes.get(2) == Some(&b':') && two(3, 59)) {
        return false;
    }
    let mut at = 5;
    if bytes.get(at) == Some(&b':') {
        // 60 admits a leap second.
        if !two(at + 1, 60) {
            return false;
        }
        at += 3;
        if bytes.get(at) == Some(&b'.') {
            let digits = bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            at += 1 + digits;
        }
    }
    match &bytes[at..] {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] => {
            let offset = &text[at + 1..];
            match offset.len() {
                2 => two(at + 1, 23),
                4 => two(at + 1, 23) && two(at + 3, 59),
                5 => two(at + 1, 23) && bytes[at + 3] == b':' && two(at + 4, 59),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn timestamps_are_read_only_when_whole_and_valid() {
        for good in [
            "2020-11-26",
            "2020-11-26T14:30",
            "2020-11-26T14:30:05",
            "2020-11-26T14:30:05.123Z",
            "2020-11-26 14:30:05+04:00",
            "2020-11-26t14:30:05-0330",
            "2020-11-26T23:59:60Z",
            "2020-11-26T00:00:00+05",
        ] {
            assert_eq!(parse_date(good).map(|d| d.to_string()).ok().as_deref(), Some("2020-11-26"), "{good}");
        }
        for bad in [
            "2020-11-26T25:99:99Z",
            "2020-11-26 garbage",
            "2020-11-26T",
            "2020-11-26T14",
            "2020-11-26T14:3",
            "2020-11-26T14:30:5",
            "2020-11-26T14:30:05.",
            "2020-11-26T14:30:05+4",
            "2020-11-26T14:30:05+04:60",
            "2020-11-26T14:30:05 UTC",
            "2020-11-26x",
            "2020-13-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} was accepted");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn any_valid_timestamp_gives_its_day(
            h in 0u32..24, m in 0u32..60, sec in 0u32..60, offset in -23i32..24,
        ) {
            let text = format!("2021-03-04T{h:02}:{m:02}:{sec:02}{}{:02}:00", if offset < 0 { '-' } else { '+' }, offset.abs());
            prop_assert_eq!(parse_date(&text).map(|d| d.to_string()).ok(), Some("2021-03-04".to_string()));
        }
    }
}
