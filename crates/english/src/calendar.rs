//! Names of months and weekdays as English news writes them, in full and
//! abbreviated ("Sept.", "Thurs."). Written for dateline.

/// The month a name or abbreviation (lowercase) names, January = 1.
///
/// ```
/// assert_eq!(dateline_english::month("sept"), Some(9));
/// assert_eq!(dateline_english::month("may"), Some(5));
/// assert_eq!(dateline_english::month("mayor"), None);
/// ```
pub fn month(word: &str) -> Option<u8> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The weekday a name or abbreviation (lowercase) names, Monday = 1 (ISO).
///
/// ```
/// assert_eq!(dateline_english::weekday("thurs"), Some(4));
/// assert_eq!(dateline_english::weekday("sun"), Some(7));
/// ```
pub fn weekday(word: &str) -> Option<u8> {
    Some(match word {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// The weekday a plural names ("on Mondays": every Monday).
///
/// ```
/// assert_eq!(dateline_english::weekdays("fridays"), Some(5));
/// ```
pub fn weekdays(word: &str) -> Option<u8> {
    Some(match word {
        "mondays" => 1,
        "tuesdays" => 2,
        "wednesdays" => 3,
        "thursdays" => 4,
        "fridays" => 5,
        "saturdays" => 6,
        "sundays" => 7,
        _ => return None,
    })
}

/// The abbreviations of months and weekdays, which a period follows
/// without ending the sentence ("on Nov. 5", "Fri. Dec. 4").
pub const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abbreviation_names_a_month_or_a_weekday() {
        for word in ABBREVIATIONS {
            assert!(month(word).is_some() != weekday(word).is_some(), "{word}");
        }
    }

    #[test]
    fn full_names_in_order() {
        let months = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        for (n, name) in months.iter().enumerate() {
            assert_eq!(month(name), Some(n as u8 + 1));
        }
        let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (n, name) in days.iter().enumerate() {
            assert_eq!(weekday(name), Some(n as u8 + 1));
            assert_eq!(weekdays(&format!("{name}s")), Some(n as u8 + 1));
        }
    }
}
