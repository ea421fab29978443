use crate::Error;
use dateline_core::Date;

/// Parses a publication date: `YYYY-MM-DD`, or an RFC 3339 / ISO 8601
/// timestamp whose calendar date is taken as written.
///
/// ```
/// use dateline_read::parse_date;
/// assert_eq!(parse_date("2020-11-26").unwrap().to_string(), "2020-11-26");
/// assert_eq!(parse_date("2020-11-26T23:30:00+04:00").unwrap().to_string(), "2020-11-26");
/// assert!(parse_date("2020-02-30").is_err());
/// assert!(parse_date("26/11/2020").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<Date, Error> {
    let s = s.trim();
    let not_a_date = || Error::unplaced(format!("'{s}' is not a date (want YYYY-MM-DD)"));
    let day = s.get(..10).ok_or_else(not_a_date)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return Err(not_a_date());
    }
    day.parse::<Date>().map_err(|e| Error::unplaced(format!("'{s}' is not a valid date: {e}")))
}
