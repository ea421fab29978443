//! Name keys: the form under which names are looked up, so that "Laçın",
//! "Lacin" and "LACIN" meet, and "St. Louis" meets "St Louis".

/// The lookup key of a name: lowercase ASCII, diacritics removed, dots and
/// apostrophes dropped, hyphens and runs of spaces made one space.
///
/// ```
/// use dateline_geo::fold;
/// assert_eq!(fold("Laçın"), "lacin");
/// assert_eq!(fold("Nagorno-Karabakh"), "nagorno karabakh");
/// assert_eq!(fold("St. Louis"), "st louis");
/// assert_eq!(fold("Kəlbəcər"), "kalbacar");
/// ```
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        let mapped = fold_char(c);
        match mapped {
            Some(' ') => {
                space = !out.is_empty();
            }
            Some(m) => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(m);
            }
            None => {}
        }
    }
    out
}

/// The index key of an abbreviation: apart from every name key, and with
/// its periods, so that "L.A." (Los Angeles) is not "La." (Louisiana).
pub(crate) fn abbreviation_key(abbreviation: &str) -> String {
    format!("~{}", abbreviation.to_lowercase().replace(' ', ""))
}

/// One character's folded form: Some(' ') separates words, None drops.
fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '_' | '/' | ',') {
        return Some(' ');
    }
    if matches!(c, '.' | '\'' | '’' | 'ʻ' | 'ʼ' | '`' | '‘' | '"') {
        return None;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ə' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' | 'Ə' => 'a',
        'æ' | 'Æ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => {
            'e'
        }
        'ğ' | 'ģ' | 'Ğ' | 'Ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'i',
        'ķ' | 'Ķ' => 'k',
        'ł' | 'ļ' | 'ľ' | 'Ł' | 'Ļ' | 'Ľ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => {
            'o'
        }
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' | 'ß' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        _ => return None,
    };
    Some(base)
}
