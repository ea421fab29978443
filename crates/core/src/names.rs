//! The written names of the vocabulary's enums, defined once per enum.

/// Gives a field-less enum its written names: `ALL` (every value, in
/// order), `as_str`, a `Display` that pads like a string, and a `FromStr`
/// that reads the same names back (an error lists the names it takes).
macro_rules! names {
    ($type:ident, $what:literal, { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $type {
            /// Every value, in order.
            pub const ALL: &'static [$type] = &[$($type::$variant),+];

            /// The written name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($type::$variant => $name),+
                }
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $type {
            type Err = crate::Error;

            fn from_str(s: &str) -> Result<$type, crate::Error> {
                $type::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == s)
                    .ok_or_else(|| crate::Error::unknown_name($what, s, &[$($name),+]))
            }
        }
    };
}

pub(crate) use names;

#[cfg(test)]
mod tests {
    use crate::{EntityKind, PlaceRole, Status, TimexMod, TimexType};

    #[test]
    fn every_name_reads_back() {
        for status in Status::ALL {
            assert_eq!(status.as_str().parse::<Status>(), Ok(*status));
        }
        for kind in EntityKind::ALL {
            assert_eq!(kind.to_string().parse::<EntityKind>(), Ok(*kind));
        }
        for role in PlaceRole::ALL {
            assert_eq!(role.as_str().parse::<PlaceRole>(), Ok(*role));
        }
        for kind in TimexType::ALL {
            assert_eq!(TimexType::parse(&kind.as_str().to_lowercase()), Some(*kind));
        }
        assert_eq!("MORE_THAN".parse::<TimexMod>(), Ok(TimexMod::MoreThan));
    }

    #[test]
    fn an_unknown_name_says_which_are_known() {
        let error = "happened".parse::<Status>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"happened\" is not a status: use one of occurred, ongoing, scheduled, expected, missed, deadline"
        );
        assert!("company".parse::<EntityKind>().is_err());
    }

    #[test]
    fn names_pad_in_table_columns() {
        assert_eq!(format!("[{:<10}]", Status::Missed), "[missed    ]");
    }
}
