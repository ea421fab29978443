//! Names GeoNames' files lack and news uses: common country names, named
//! regions, and demonyms. Written for this project.
//!
//! Demonyms and US state abbreviations are read at run time (and exported
//! from the crate root); the rest are inputs of `dateline-gazetteer`, which
//! writes them into the gazetteer file. They are public for that crate
//! only, kept here so that every curated name lives in one place.

/// Other names for countries, by ISO code.
pub const COUNTRY_ALIASES: &[(&str, &[&str])] = &[
    ("US", &["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"]),
    ("GB", &["Britain", "Great Britain", "UK", "U.K."]),
    ("RU", &["Russian Federation"]),
    ("KR", &["Republic of Korea", "Korea"]),
    ("KP", &["Democratic People's Republic of Korea", "DPRK"]),
    (
        "CD",
        &[
            "DR Congo",
            "DRC",
            "Congo-Kinshasa",
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
        ],
    ),
    ("CG", &["Congo", "Congo-Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic"]),
    ("CI", &["Cote d'Ivoire", "Côte d'Ivoire"]),
    ("CZ", &["Czech Republic"]),
    ("MM", &["Burma"]),
    ("NL", &["Netherlands", "Holland"]),
    ("AE", &["UAE", "U.A.E.", "Emirates"]),
    ("PS", &["Palestine", "Palestinian Territories"]),
    ("VA", &["Vatican City", "Holy See"]),
    ("SZ", &["Swaziland"]),
    ("MK", &["Macedonia"]),
    ("TL", &["East Timor", "Timor-Leste"]),
    ("CV", &["Cape Verde"]),
    ("TR", &["Turkiye", "Türkiye"]),
    ("VN", &["Viet Nam"]),
    ("BS", &["The Bahamas"]),
    ("GM", &["The Gambia"]),
    ("BA", &["Bosnia", "Bosnia-Herzegovina"]),
    ("TT", &["Trinidad"]),
    ("KN", &["St. Kitts", "Saint Kitts", "St Kitts", "St. Kitts and Nevis"]),
    ("AG", &["Antigua"]),
];

/// A named region: name, other names, country (or ""), latitude,
/// longitude, and a population that ranks it against towns of its name
/// (an estimate: what matters is its order of magnitude).
pub type Region = (&'static str, &'static [&'static str], &'static str, f32, f32, u64);

/// Regions, seas and continents news mentions that are not administrative
/// units in GeoNames' files (or are under another name there).
#[rustfmt::skip]
pub const REGIONS: &[Region] = &[
    ("Nagorno-Karabakh", &["Karabakh", "Nagorny Karabakh", "Artsakh"], "AZ", 39.82, 46.76, 150_000),
    ("Crimea", &["Crimean Peninsula"], "UA", 45.0, 34.1, 2_300_000),
    ("Donbas", &["Donbass"], "UA", 48.0, 38.5, 6_000_000),
    ("Gaza Strip", &[], "PS", 31.42, 34.37, 2_000_000),
    ("West Bank", &[], "PS", 31.95, 35.25, 3_000_000),
    ("Kashmir", &[], "IN", 34.08, 74.8, 13_000_000),
    ("Darfur", &[], "SD", 13.5, 24.0, 9_000_000),
    ("Kurdistan", &["Iraqi Kurdistan"], "IQ", 36.2, 44.0, 6_000_000),
    ("Golan Heights", &["Golan"], "SY", 33.0, 35.75, 50_000),
    ("Eastern Ghouta", &["Ghouta", "East Ghouta"], "SY", 33.55, 36.45, 400_000),
    ("Sinai", &["Sinai Peninsula"], "EG", 29.5, 33.9, 600_000),
    ("Abkhazia", &[], "GE", 43.0, 41.0, 240_000),
    ("South Ossetia", &[], "GE", 42.35, 44.0, 55_000),
    ("Transnistria", &["Transdniestria"], "MD", 47.25, 29.4, 470_000),
    ("Siberia", &[], "RU", 60.0, 100.0, 33_000_000),
    ("Tibet", &[], "CN", 31.0, 88.0, 3_600_000),
    ("Xinjiang", &[], "CN", 41.0, 85.0, 25_000_000),
    ("Chechnya", &[], "RU", 43.4, 45.7, 1_500_000),
    ("Middle East", &["Mideast"], "", 29.0, 41.0, 400_000_000),
    ("Balkans", &[], "", 43.0, 21.0, 55_000_000),
    ("Sahel", &[], "", 15.0, 5.0, 100_000_000),
    ("Horn of Africa", &[], "", 8.0, 45.0, 115_000_000),
    ("Korean Peninsula", &[], "", 37.5, 127.5, 77_000_000),
    ("Caucasus", &["South Caucasus"], "", 42.5, 45.0, 30_000_000),
    ("Scandinavia", &[], "", 62.0, 15.0, 21_000_000),
    ("Latin America", &[], "", -10.0, -60.0, 650_000_000),
    ("Europe", &[], "", 48.69, 9.14, 740_000_000),
    ("Africa", &[], "", 7.19, 21.09, 1_300_000_000),
    ("Asia", &[], "", 29.84, 89.30, 4_600_000_000),
    ("North America", &[], "", 46.07, -100.55, 580_000_000),
    ("South America", &[], "", -14.60, -57.66, 430_000_000),
    ("Central America", &[], "", 13.0, -86.0, 50_000_000),
    ("Caribbean", &[], "", 16.0, -72.0, 44_000_000),
    ("Oceania", &[], "", -18.31, 138.52, 42_000_000),
    ("Midwest", &[], "US", 42.0, -90.0, 68_000_000),
    ("White House", &[], "US", 38.8977, -77.0365, 1_000_000),
    ("Kremlin", &[], "RU", 55.7520, 37.6175, 1_000_000),
    ("Pentagon", &[], "US", 38.8719, -77.0563, 1_000_000),
    ("Downing Street", &[], "GB", 51.5034, -0.1276, 1_000_000),
    ("European Union", &["EU", "E.U."], "", 50.0, 10.0, 450_000_000),
    ("North Africa", &[], "", 28.0, 12.0, 250_000_000),
    ("West Africa", &[], "", 12.0, -2.0, 400_000_000),
    ("East Africa", &[], "", 0.0, 37.0, 450_000_000),
    ("Southern Africa", &[], "", -25.0, 25.0, 70_000_000),
    ("Central Asia", &[], "", 43.0, 65.0, 75_000_000),
    ("Southeast Asia", &[], "", 10.0, 110.0, 680_000_000),
    ("South Asia", &[], "", 23.0, 80.0, 1_900_000_000),
    ("East Asia", &[], "", 35.0, 115.0, 1_600_000_000),
    ("Western Europe", &[], "", 48.0, 5.0, 200_000_000),
    ("Eastern Europe", &[], "", 50.0, 30.0, 290_000_000),
    ("West Coast", &[], "US", 40.0, -122.0, 50_000_000),
    ("East Coast", &[], "US", 38.0, -76.0, 110_000_000),
    ("Gulf Coast", &[], "US", 29.5, -91.0, 20_000_000),
    ("New England", &[], "US", 43.5, -71.5, 15_000_000),
    ("Atlantic Ocean", &["Atlantic"], "", 10.0, -25.0, 10_000_000),
    ("Pacific Ocean", &["Pacific"], "", 0.0, -160.0, 10_000_000),
    ("Indian Ocean", &[], "", -10.0, 80.0, 10_000_000),
    ("Arctic Ocean", &["Arctic"], "", 85.0, 0.0, 1_000_000),
    ("Mediterranean Sea", &["Mediterranean"], "", 35.0, 18.0, 10_000_000),
    ("Black Sea", &[], "", 43.0, 34.0, 5_000_000),
    ("Caspian Sea", &[], "", 42.0, 50.5, 5_000_000),
    ("Red Sea", &[], "", 20.0, 38.5, 5_000_000),
    ("Baltic Sea", &["Baltic"], "", 58.0, 20.0, 5_000_000),
    ("South China Sea", &[], "", 12.0, 113.0, 5_000_000),
    ("Persian Gulf", &["Gulf"], "", 27.0, 51.0, 5_000_000),
    ("Gulf of Mexico", &[], "", 25.0, -90.0, 5_000_000),
    ("North Sea", &[], "", 56.0, 3.0, 5_000_000),
    // English counties that GeoNames splits into unitary authorities or
    // keeps only as history, though news names them every day.
    ("Yorkshire", &[], "GB", 54.0, -1.5, 5_400_000),
    ("West Yorkshire", &[], "GB", 53.75, -1.65, 2_300_000),
    ("South Yorkshire", &[], "GB", 53.5, -1.3, 1_400_000),
    ("East Yorkshire", &["East Riding of Yorkshire"], "GB", 53.85, -0.6, 600_000),
    ("Berkshire", &[], "GB", 51.45, -1.0, 900_000),
    ("Cheshire", &[], "GB", 53.2, -2.55, 1_000_000),
    ("Sussex", &[], "GB", 50.93, -0.3, 1_600_000),
    ("Greater Manchester", &[], "GB", 53.5, -2.3, 2_800_000),
    ("Merseyside", &[], "GB", 53.45, -2.95, 1_400_000),
    ("West Midlands", &[], "GB", 52.48, -1.9, 2_900_000),
    ("Bedfordshire", &[], "GB", 52.1, -0.45, 650_000),
    ("Northamptonshire", &[], "GB", 52.3, -0.85, 750_000),
    ("Tyne and Wear", &[], "GB", 54.95, -1.55, 1_100_000),
];

/// Demonyms and adjectives of place, with the country (ISO code) or region
/// name they point to.
#[rustfmt::skip]
pub const DEMONYMS: &[(&str, &str)] = &[
    ("Afghan", "AF"), ("Albanian", "AL"), ("Algerian", "DZ"), ("American", "US"), ("Angolan", "AO"),
    ("Argentine", "AR"), ("Argentinian", "AR"), ("Armenian", "AM"), ("Australian", "AU"), ("Austrian", "AT"),
    ("Azerbaijani", "AZ"), ("Azeri", "AZ"), ("Bahraini", "BH"), ("Bangladeshi", "BD"), ("Belarusian", "BY"),
    ("Belgian", "BE"), ("Bolivian", "BO"), ("Bosnian", "BA"), ("Brazilian", "BR"), ("British", "GB"),
    ("Bulgarian", "BG"), ("Burmese", "MM"), ("Cambodian", "KH"), ("Cameroonian", "CM"), ("Canadian", "CA"),
    ("Chadian", "TD"), ("Chilean", "CL"), ("Chinese", "CN"), ("Colombian", "CO"), ("Congolese", "CD"),
    ("Croatian", "HR"), ("Cuban", "CU"), ("Cypriot", "CY"), ("Czech", "CZ"), ("Danish", "DK"), ("Dutch", "NL"),
    ("Ecuadorian", "EC"), ("Egyptian", "EG"), ("Emirati", "AE"), ("English", "England"), ("Eritrean", "ER"),
    ("Estonian", "EE"), ("Ethiopian", "ET"), ("Filipino", "PH"), ("Finnish", "FI"), ("French", "FR"),
    ("Georgian", "GE"), ("German", "DE"), ("Ghanaian", "GH"), ("Greek", "GR"), ("Guatemalan", "GT"),
    ("Haitian", "HT"), ("Honduran", "HN"), ("Hungarian", "HU"), ("Icelandic", "IS"), ("Indian", "IN"),
    ("Indonesian", "ID"), ("Iranian", "IR"), ("Iraqi", "IQ"), ("Irish", "IE"), ("Israeli", "IL"),
    ("Italian", "IT"), ("Ivorian", "CI"), ("Jamaican", "JM"), ("Japanese", "JP"), ("Jordanian", "JO"),
    ("Kazakh", "KZ"), ("Kenyan", "KE"), ("Korean", "KR"), ("Kosovar", "XK"), ("Kuwaiti", "KW"),
    ("Kyrgyz", "KG"), ("Latvian", "LV"), ("Lebanese", "LB"), ("Liberian", "LR"), ("Libyan", "LY"),
    ("Lithuanian", "LT"), ("Macedonian", "MK"), ("Malaysian", "MY"), ("Malian", "ML"), ("Mexican", "MX"),
    ("Moldovan", "MD"), ("Mongolian", "MN"), ("Montenegrin", "ME"), ("Moroccan", "MA"), ("Mozambican", "MZ"),
    ("Namibian", "NA"), ("Nepalese", "NP"), ("Nepali", "NP"), ("Nicaraguan", "NI"), ("Nigerian", "NG"),
    ("Nigerien", "NE"), ("North Korean", "KP"), ("Norwegian", "NO"), ("Omani", "OM"), ("Pakistani", "PK"),
    ("Palestinian", "PS"), ("Panamanian", "PA"), ("Paraguayan", "PY"), ("Peruvian", "PE"), ("Polish", "PL"),
    ("Portuguese", "PT"), ("Qatari", "QA"), ("Romanian", "RO"), ("Russian", "RU"), ("Rwandan", "RW"),
    ("Salvadoran", "SV"), ("Saudi", "SA"), ("Scottish", "Scotland"), ("Senegalese", "SN"), ("Serbian", "RS"),
    ("Singaporean", "SG"), ("Slovak", "SK"), ("Slovenian", "SI"), ("Somali", "SO"), ("South African", "ZA"),
    ("South Korean", "KR"), ("South Sudanese", "SS"), ("Spanish", "ES"), ("Sri Lankan", "LK"),
    ("Sudanese", "SD"), ("Swedish", "SE"), ("Swiss", "CH"), ("Syrian", "SY"), ("Taiwanese", "TW"),
    ("Tajik", "TJ"), ("Tanzanian", "TZ"), ("Thai", "TH"), ("Tunisian", "TN"), ("Turkish", "TR"),
    ("Turkmen", "TM"), ("Ugandan", "UG"), ("Ukrainian", "UA"), ("Uruguayan", "UY"), ("Uzbek", "UZ"),
    ("Venezuelan", "VE"), ("Vietnamese", "VN"), ("Welsh", "Wales"), ("Yemeni", "YE"), ("Zambian", "ZM"),
    ("Zimbabwean", "ZW"), ("European", "Europe"), ("African", "Africa"), ("Asian", "Asia"),
    ("Crimean", "Crimea"), ("Chechen", "Chechnya"), ("Kurdish", "Kurdistan"), ("Tibetan", "Tibet"),
    ("Kashmiri", "Kashmir"), ("Balkan", "Balkans"), ("Caucasian", "Caucasus"), ("Siberian", "Siberia"),
    ("Karabakh", "Nagorno-Karabakh"), ("Latin American", "Latin America"),
    ("North American", "North America"), ("South American", "South America"), ("Central American", "Central America"), ("Middle Eastern", "Middle East"),
    ("Gazan", "Gaza Strip"), ("Scandinavian", "Scandinavia"), ("Caribbean", "Caribbean"),
];

/// Representative points of large, thinly peopled provinces and states,
/// whose towns crowd one edge (Ontario's along the lakes, Alaska's by the
/// south coast), by country and admin1 code: atlas centroids, rounded to
/// the degree as atlases give them.
#[rustfmt::skip]
pub const ADMIN1_POINTS: &[(&str, &str, f32, f32)] = &[
    ("CA", "01", 55.0, -115.0), // Alberta
    ("CA", "02", 54.0, -125.0), // British Columbia
    ("CA", "03", 55.0, -97.0),  // Manitoba
    ("CA", "05", 53.0, -60.0),  // Newfoundland and Labrador
    ("CA", "08", 50.0, -85.0),  // Ontario
    ("CA", "10", 52.0, -72.0),  // Quebec
    ("CA", "11", 55.0, -106.0), // Saskatchewan
    ("CA", "12", 63.0, -135.0), // Yukon
    ("CA", "13", 64.8, -124.8), // Northwest Territories
    ("CA", "14", 70.0, -90.0),  // Nunavut
    ("US", "AK", 64.0, -150.0), // Alaska
    ("AU", "08", -25.0, 122.0), // Western Australia
    ("AU", "03", -20.0, 133.0), // Northern Territory
    ("AU", "04", -22.0, 144.0), // Queensland
    ("AU", "05", -30.0, 135.0), // South Australia
];

/// Representative points of large countries, where the middle of their
/// towns lies far from the middle of their land (written for this project
/// from public atlas centroids, rounded as GeoNames rounds them).
#[rustfmt::skip]
pub const COUNTRY_POINTS: &[(&str, f32, f32)] = &[
    ("US", 39.76, -98.5), ("CA", 60.108, -113.643), ("MX", 23.0, -102.0), ("RU", 60.0, 100.0),
    ("CN", 35.0, 105.0), ("IN", 22.0, 79.0), ("BR", -10.0, -55.0), ("AU", -25.0, 135.0),
    ("AR", -34.0, -64.0), ("KZ", 48.0, 68.0), ("DZ", 28.0, 3.0), ("CD", -2.5, 23.5), ("SA", 25.0, 45.0),
    ("GL", 72.0, -40.0), ("ID", -5.0, 120.0), ("LY", 28.0, 17.0), ("IR", 32.0, 53.0), ("MN", 46.0, 105.0),
    ("PE", -10.0, -75.25), ("TD", 15.0, 19.0), ("NE", 18.0, 9.0), ("AO", -12.5, 18.5), ("ML", 18.0, -2.0),
    ("ZA", -29.0, 24.0), ("CO", 4.0, -73.25), ("ET", 9.0, 39.5), ("BO", -17.0, -65.0), ("MR", 20.0, -12.0),
    ("EG", 27.0, 30.0), ("TZ", -6.0, 35.0), ("NG", 10.0, 8.0), ("VE", 8.0, -66.0), ("PK", 30.0, 70.0),
    ("NA", -22.0, 17.0), ("MZ", -18.25, 35.0), ("TR", 39.0, 35.0), ("CL", -30.0, -71.0), ("ZM", -14.33, 28.5),
    ("MM", 22.0, 98.0), ("AF", 33.0, 66.0), ("SO", 6.0, 48.0), ("UA", 49.0, 32.0), ("MG", -20.0, 47.0),
    ("KE", 1.0, 38.0), ("FR", 46.0, 2.0), ("YE", 15.5, 47.5), ("TH", 15.0, 100.0), ("ES", 40.0, -4.0),
    ("TM", 40.0, 60.0), ("CM", 6.0, 12.0), ("PG", -6.0, 147.0), ("SE", 62.0, 15.0), ("UZ", 41.0, 64.0),
    ("MA", 32.0, -5.0), ("IQ", 33.0, 44.0), ("PY", -23.0, -58.0), ("ZW", -19.0, 29.75), ("JP", 35.685, 139.753),
    ("DE", 51.5, 10.5), ("FI", 64.0, 26.0), ("VN", 16.167, 107.833), ("NO", 62.0, 10.0), ("PL", 52.0, 20.0),
    ("IT", 42.833, 12.833), ("PH", 13.0, 122.0), ("EC", -1.25, -78.25), ("NZ", -42.0, 174.0),
    ("GB", 54.758, -2.695), ("SY", 35.0, 38.0), ("AZ", 40.5, 47.5), ("AM", 40.25, 45.0), ("GE", 42.0, 43.5),
    ("IL", 31.5, 34.75), ("PS", 31.922, 35.203), ("LB", 33.833, 35.833), ("JO", 31.0, 36.0),
    ("KR", 36.5, 127.75), ("KP", 40.0, 127.0), ("SD", 15.0, 30.0), ("SS", 8.0, 30.0), ("LK", 7.75, 80.75),
    ("NP", 28.0, 84.0), ("BD", 24.0, 90.0), ("MY", 2.5, 112.5), ("GR", 39.0, 22.0), ("RO", 46.0, 25.0),
    ("BY", 53.0, 28.0), ("KG", 41.5, 75.0), ("TJ", 39.0, 71.0), ("OM", 21.0, 57.0), ("AE", 24.0, 54.0),
    ("HU", 47.0, 20.0), ("AT", 47.333, 13.333), ("CZ", 49.75, 15.0), ("PT", 39.694, -8.131),
    ("IE", 53.0, -8.0), ("IS", 65.0, -18.0), ("DK", 56.0, 10.0), ("NL", 52.25, 5.75), ("CU", 22.0, -79.5),
    ("SN", 14.5, -14.25), ("GH", 8.1, -1.2), ("UG", 1.25, 32.5), ("CF", 7.0, 21.0), ("CG", -1.0, 15.5),
    ("GA", -1.0, 11.75), ("BW", -22.0, 24.0), ("SR", 4.0, -56.0), ("GY", 5.0, -59.0), ("UY", -33.0, -56.0),
    ("LA", 18.0, 105.0), ("KH", 13.0, 105.0), ("TN", 34.0, 9.0), ("ER", 15.0, 39.0), ("SS", 8.0, 30.0),
];

/// Middle points of English counties, which GeoNames lists as second-level
/// divisions of England with no town to place them by (written for this
/// project from public atlas centroids, to a tenth of a degree).
#[rustfmt::skip]
pub const ENGLISH_COUNTY_POINTS: &[(&str, f32, f32)] = &[
    ("Kent", 51.2, 0.7), ("Hampshire", 51.06, -1.31), ("Surrey", 51.25, -0.42), ("Essex", 51.77, 0.58),
    ("East Sussex", 50.92, 0.27), ("West Sussex", 50.93, -0.46), ("Lancashire", 53.77, -2.5),
    ("Devon", 50.72, -3.8), ("Cornwall", 50.4, -4.8), ("Norfolk", 52.65, 1.0), ("Suffolk", 52.2, 1.0),
    ("Somerset", 51.1, -3.0), ("Dorset", 50.75, -2.3), ("Wiltshire", 51.3, -1.95), ("Oxfordshire", 51.8, -1.3),
    ("North Yorkshire", 54.2, -1.5), ("Derbyshire", 53.1, -1.6), ("Nottinghamshire", 53.1, -1.0),
    ("Leicestershire", 52.7, -1.1), ("Lincolnshire", 53.1, -0.25), ("Cumbria", 54.5, -3.0),
    ("Northumberland", 55.2, -2.0), ("Staffordshire", 52.85, -2.0), ("Shropshire", 52.65, -2.7),
    ("Herefordshire", 52.1, -2.75), ("Worcestershire", 52.2, -2.2), ("Warwickshire", 52.3, -1.55),
    ("Gloucestershire", 51.85, -2.2), ("Buckinghamshire", 51.8, -0.8), ("Hertfordshire", 51.8, -0.2),
    ("Cambridgeshire", 52.35, 0.0), ("Isle of Wight", 50.68, -1.3), ("Greater London", 51.5, -0.12),
    ("County Durham", 54.7, -1.8), ("Durham", 54.7, -1.8), ("East Riding of Yorkshire", 53.85, -0.6),
];

/// Abbreviations of Canadian provinces, to the province's admin1 code.
/// Dotted ones are indexed apart like the US states'; "BC" is how news
/// writes British Columbia.
#[rustfmt::skip]
pub const CANADIAN_PROVINCE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("B.C.", "02"), ("BC", "02"), ("Alta.", "01"), ("Man.", "03"), ("N.B.", "04"), ("Nfld.", "05"),
    ("N.S.", "07"), ("Ont.", "08"), ("P.E.I.", "09"), ("Que.", "10"), ("Sask.", "11"),
];

/// AP-style abbreviations of US states, as datelines write them
/// ("Dublin, Ga."), to the state's admin1 code.
#[rustfmt::skip]
pub const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala.", "AL"), ("Ariz.", "AZ"), ("Ark.", "AR"), ("Calif.", "CA"), ("Colo.", "CO"), ("Conn.", "CT"),
    ("Del.", "DE"), ("Fla.", "FL"), ("Ga.", "GA"), ("Ill.", "IL"), ("Ind.", "IN"), ("Kan.", "KS"),
    ("Kans.", "KS"), ("Ky.", "KY"), ("La.", "LA"), ("Md.", "MD"), ("Mass.", "MA"), ("Mich.", "MI"),
    ("Minn.", "MN"), ("Miss.", "MS"), ("Mo.", "MO"), ("Mont.", "MT"), ("Neb.", "NE"), ("Nebr.", "NE"),
    ("Nev.", "NV"), ("N.H.", "NH"), ("N.J.", "NJ"), ("N.M.", "NM"), ("N.Y.", "NY"), ("N.C.", "NC"),
    ("N.D.", "ND"), ("Okla.", "OK"), ("Ore.", "OR"), ("Pa.", "PA"), ("R.I.", "RI"), ("S.C.", "SC"),
    ("S.D.", "SD"), ("Tenn.", "TN"), ("Tex.", "TX"), ("Vt.", "VT"), ("Va.", "VA"), ("Wash.", "WA"),
    ("W.Va.", "WV"), ("Wis.", "WI"), ("Wyo.", "WY"), ("D.C.", "DC"),
];
