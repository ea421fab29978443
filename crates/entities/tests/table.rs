//! Table-driven tests: sentences written for the project and the entities
//! a careful reader finds in them.

use dateline_core::{EntityKind, PlaceRole};
use dateline_entities::Recognizer;

/// The entities that pass `filter`; there must be at least one, so that a
/// check over all of them cannot pass on none.
fn some(
    entities: &[dateline_core::Entity],
    filter: impl Fn(&dateline_core::Entity) -> bool,
) -> Vec<&dateline_core::Entity> {
    let picked: Vec<_> = entities.iter().filter(|e| filter(e)).collect();
    assert!(!picked.is_empty(), "none of these passes the filter: {entities:#?}");
    picked
}

fn find<'a>(entities: &'a [dateline_core::Entity], text: &str) -> &'a dateline_core::Entity {
    entities.iter().find(|e| e.text == text).unwrap_or_else(|| panic!("{text:?} not found in {entities:#?}"))
}

#[test]
fn people_with_titles_and_later_surnames() {
    let r = Recognizer::new();
    let found = r.entities("Azerbaijani President Ilham Aliyev said on Wednesday that Aliyev's army would stay. Prime Minister Nikol Pashinyan did not comment.");
    assert_eq!(find(&found, "Ilham Aliyev").kind, EntityKind::Person);
    assert_eq!(find(&found, "Aliyev").name.as_deref(), Some("Ilham Aliyev"));
    assert_eq!(find(&found, "Nikol Pashinyan").kind, EntityKind::Person);
    let demonym = find(&found, "Azerbaijani");
    assert_eq!(
        (demonym.kind, demonym.role, demonym.country.as_deref()),
        (EntityKind::Place, Some(PlaceRole::Demonym), Some("AZ"))
    );
}

#[test]
fn places_resolved_in_context() {
    let r = Recognizer::new();
    let found = r.entities(
        "Armenia will hand the Lachin district to Azerbaijan. Troops entered the Aghdam district on Friday.",
    );
    assert!(matches!(find(&found, "Lachin").geonameid, Some(147625 | 147626)));
    assert!(matches!(find(&found, "Aghdam").geonameid, Some(148619 | 148617)));
    let found = r.entities("The storm hit Paris, Texas, on Monday.");
    assert_eq!(find(&found, "Paris").country.as_deref(), Some("US"));
    let found = r.entities("BEIRUT: The body of a man was found on Saturday.");
    assert_eq!(find(&found, "BEIRUT").country.as_deref(), Some("LB"));
    let found = r.entities("LONDON The Latest on the storm: roads closed on Monday.");
    assert_eq!(find(&found, "LONDON").country.as_deref(), Some("GB"));
    let found = r.entities("TORONTO — The family of a man in need of a kidney spoke.");
    assert_eq!(find(&found, "TORONTO").country.as_deref(), Some("CA"));
    let found = r.entities("A shooting in Parkland, Florida, shook the nation. Parkland students marched.");
    assert!(
        some(&found, |e| e.text == "Parkland").iter().all(|e| e.admin1.as_deref() == Some("FL")),
        "{found:#?}"
    );
    let found =
        r.entities("Trinidad and Tobago told its mission in Washington to object to Dominica's request.");
    assert_eq!(find(&found, "Washington").admin1.as_deref(), Some("DC"), "{found:#?}");
    let found = r.entities("Tour traces L.A.'s spiritual past. Storms hit La. and N.Y. on Monday.");
    assert_eq!(find(&found, "L.A.").geonameid, Some(5368361));
    assert_eq!(find(&found, "La.").admin1.as_deref(), Some("LA"));
    let found = r.entities("Peacekeepers left Bosnia. The minister flew from Trinidad to Antigua.");
    assert_eq!(find(&found, "Bosnia").country.as_deref(), Some("BA"));
    assert_eq!(find(&found, "Trinidad").country.as_deref(), Some("TT"));
    assert_eq!(find(&found, "Antigua").country.as_deref(), Some("AG"));
    let found = r.entities("Troops entered the Democratic Republic of Congo.");
    assert_eq!(find(&found, "Democratic Republic of Congo").country.as_deref(), Some("CD"));
    let found = r.entities("Flights from Dublin, Ga., were cancelled.");
    assert_eq!(find(&found, "Dublin").country.as_deref(), Some("US"));
}

#[test]
fn metonyms_seats_and_organisations() {
    let r = Recognizer::new();
    let found = r.entities(
        "Yerevan decided to cede the land. The Kremlin and the UN Commissioner for Refugees said little.",
    );
    assert_eq!(find(&found, "Yerevan").role, Some(PlaceRole::Metonym));
    let kremlin: Vec<_> = found.iter().filter(|e| e.text == "Kremlin").map(|e| (e.kind, e.role)).collect();
    assert!(kremlin.contains(&(EntityKind::Organization, Some(PlaceRole::Metonym))), "{kremlin:?}");

    assert_eq!(find(&found, "UN Commissioner for Refugees").kind, EntityKind::Organization);
}

#[test]
fn names_that_are_also_towns() {
    let r = Recognizer::new();
    let found = r.entities("The team is led by coach Darren Ripley. Ripley said the season was long.");
    assert!(
        some(&found, |e| e.text.contains("Ripley")).iter().all(|e| e.kind == EntityKind::Person),
        "{found:#?}"
    );
    let found = r.entities("They bought apples at Wilson's Farm. Pilgrims filled St. Peter's Basilica.");
    assert!(found.iter().all(|e| e.kind != EntityKind::Place), "{found:#?}");
    let found = r
        .entities("He heads the Association of Western Pennsylvania. He was hurt at the Battle of Richmond.");
    assert_eq!(find(&found, "Pennsylvania").admin1.as_deref(), Some("PA"));
    assert!(found.iter().all(|e| e.text != "Battle"), "{found:#?}");
    let found = r.entities("El Niño brought rain. La Niña follows it.");
    assert!(found.iter().all(|e| e.kind != EntityKind::Place), "{found:#?}");
    let found = r.entities("Much of the Act was written in March.");
    assert!(found.iter().all(|e| e.kind != EntityKind::Place), "{found:#?}");
}

#[test]
fn names_of_several_words_and_the_features_named_after_places() {
    let r = Recognizer::new();
    // A sentence-initial "South" or "New" is part of the name it starts.
    let found = r.entities("It was a dramatic fall. South Korea's first female president was jailed.");
    assert_eq!(find(&found, "South Korea").country.as_deref(), Some("KR"));
    let found = r.entities("The talks ended. New York officials said little.");
    assert_eq!(find(&found, "New York").country.as_deref(), Some("US"));
    // The ocean is not India, the river not the state.
    let found = r.entities("Ships crossed the Indian Ocean and barges sailed up the Mississippi River.");
    assert!(found.iter().all(|e| e.country.as_deref() != Some("IN")), "{found:#?}");
    assert!(found.iter().all(|e| e.text != "Mississippi"), "{found:#?}");
    let found = r.entities("Fog covered Tampa Bay. Boats filled Boston Harbor.");
    assert_eq!(find(&found, "Boston").country.as_deref(), Some("US"));
    assert!(found.iter().all(|e| e.text != "Harbor"), "{found:#?}");
    // A town's name inside a longer name is not the town, but a place
    // after "of" is.
    let found = r.entities("Boats moored at Woodman Point, said Nadia Moayyad of Southlake.");
    assert!(found.iter().all(|e| e.text != "Point"), "{found:#?}");
    assert_eq!(find(&found, "Southlake").kind, EntityKind::Place);
    let found = r.entities("Oil spills in the Niger Delta hurt farmers. He toured the French Quarter.");
    assert!(found.iter().all(|e| e.text != "Delta" && e.text != "Quarter"), "{found:#?}");
    let found = r.entities("The Democratic People’s Republic of Korea fired a missile.");
    assert_eq!(find(&found, "Democratic People’s Republic of Korea").country.as_deref(), Some("KP"));
    let found = r.entities("She flew to Trinidad and Tobago. Armenia and Azerbaijan signed.");
    assert_eq!(find(&found, "Trinidad and Tobago").country.as_deref(), Some("TT"));
    assert_eq!(find(&found, "Armenia").country.as_deref(), Some("AM"));
}

#[test]
fn people_with_middle_initials_and_town_surnames() {
    let r = Recognizer::new();
    let found = r.entities("Who wanted Matthew D. Flores dead? Seconds after Flores was shot, the car left.");
    assert_eq!(find(&found, "Matthew D. Flores").kind, EntityKind::Person);
    assert_eq!(find(&found, "Flores").name.as_deref(), Some("Matthew D. Flores"));
    let found = r.entities("Jean-Pierre Raffarin and Mary-Kate Olsen met. Logan-Rogersville pupils sang.");
    assert_eq!(find(&found, "Jean-Pierre Raffarin").kind, EntityKind::Person);
    assert_eq!(find(&found, "Mary-Kate Olsen").kind, EntityKind::Person);
    assert_eq!(find(&found, "Rogersville").kind, EntityKind::Place);
    let found =
        r.entities("Desmond Demetrius Clark, 22, pleaded guilty. Brian O’Connor, 38, left. Clark said no.");
    assert_eq!(find(&found, "Desmond Demetrius Clark").kind, EntityKind::Person);
    assert_eq!(find(&found, "Clark").name.as_deref(), Some("Desmond Demetrius Clark"));
    assert_eq!(find(&found, "Brian O’Connor").kind, EntityKind::Person);
    let found = r.entities("Cleve R. Wootson wrote it. Specialist John Nale of Chattanooga agreed.");
    assert_eq!(find(&found, "Cleve R. Wootson").kind, EntityKind::Person);
    assert_eq!(find(&found, "Chattanooga").kind, EntityKind::Place);
    let found = r.entities("The city owes Stevens & Wilkinson money. Call her frugal, Bruno, 54, said.");
    assert_eq!(find(&found, "Stevens").kind, EntityKind::Organization);
    assert_eq!(find(&found, "Bruno").kind, EntityKind::Person);
}

#[test]
fn counties_lie_among_the_towns_of_their_story() {
    let r = Recognizer::new();
    let found = r.entities(
        "Deputies in Walker County, Ga., searched homes in LaFayette, Rossville and Chickamauga on Monday.",
    );
    let county = find(&found, "Walker County");
    let (lat, lon) = (county.lat.unwrap(), county.lon.unwrap());
    assert!((lat - 34.7).abs() < 0.5 && (lon + 85.3).abs() < 0.5, "{county:#?}");
}

#[test]
fn a_name_repeated_is_no_evidence_for_itself() {
    let r = Recognizer::new();
    let found = r.entities(
        "Dublin council met on Monday. Dublin residents spoke. Dublin will vote in May. \
         The vote is the first in Dublin since the Ohio law changed.",
    );
    assert!(
        some(&found, |e| e.text == "Dublin").iter().all(|e| e.country.as_deref() == Some("US")),
        "{found:#?}"
    );
    let found = r.entities("Armenia and Azerbaijan met in Georgia. The Georgian hosts said the US helped.");
    assert!(some(&found, |e| e.text.starts_with("Georgia"))
        .iter()
        .all(|e| e.country.as_deref() == Some("GE")));
}

#[test]
fn a_lone_word_named_like_a_far_small_town_is_no_place() {
    let r = Recognizer::new();
    let places = |text: &str| -> Vec<String> {
        r.entities(text).into_iter().filter(|e| e.kind == EntityKind::Place).map(|e| e.text).collect()
    };
    // Stonewall is a small town of Texas; this story is set in France.
    assert_eq!(places("Leaders met in Paris on Monday. Later they dined at Stonewall."), ["Paris"]);
    // Nor is a county of Saint Lucia named "Village" in a story on Paris.
    assert_eq!(places("Leaders met in Paris on Monday. Donors gave to Eva's Village."), ["Paris"]);
    // Two such words do not vouch for each other in a story set elsewhere.
    assert_eq!(
        places("Chefs in New Orleans met Friday. Later they walked Chartres and then Rue."),
        ["New Orleans"]
    );
    // A local story of small towns keeps them all.
    assert_eq!(places("Flooding hit Pataskala and Etna on Monday."), ["Pataskala", "Etna"]);
    // A small town is kept when the story has nowhere else, when other
    // places of its country surround it, or when the text puts it there.
    assert_eq!(places("Russian troops shelled Bakhmut on Friday."), ["Russian", "Bakhmut"]);
    assert_eq!(places("Shells fell on Kyiv, Paris said, and on Bakhmut."), ["Kyiv", "Paris", "Bakhmut"]);
    assert_eq!(places("Moscow said fighting went on in Bakhmut."), ["Moscow", "Bakhmut"]);
    // "BC" is British Columbia, except after a year.
    assert_eq!(places("A FrontCounter office opened in Nelson, BC, on Monday."), ["Nelson", "BC"]);
    assert!(places("The temple was built in 500 BC.").is_empty());
}

#[test]
fn a_small_town_near_the_other_places_of_its_story_stays() {
    let r = Recognizer::new();
    let found = r.entities("Armenia was supposed to hand over Kalbajar on November 15.");
    assert_eq!(find(&found, "Kalbajar").country.as_deref(), Some("AZ"));
}

#[test]
fn the_state_of_the_dateline_is_the_state_of_the_story() {
    let r = Recognizer::new();
    let found = r.entities(
        "CAMP MURRAY, Wash. — The team works at home in Washington. Trips to Alaska and Washington, D.C., followed.",
    );
    let washingtons: Vec<Option<&str>> =
        found.iter().filter(|e| e.text == "Washington").map(|e| e.admin1.as_deref()).collect();
    assert_eq!(washingtons, [Some("WA"), Some("DC")], "{found:#?}");
    let found = r.entities("The crew drove to central Washington on Monday.");
    assert_eq!(find(&found, "Washington").admin1.as_deref(), Some("WA"));
    let found = r.entities("Migrants left a camp in southern Mexico on Monday.");
    assert_eq!(find(&found, "Mexico").geonameid, Some(3996063), "the country, not its state");
}

#[test]
fn a_given_name_alone_is_no_small_town_unless_the_text_places_it() {
    let r = Recognizer::new();
    // "Kim" is also a town in India: a lone given name is not taken for it.
    let found = r.entities("The talks ended on Friday and Kim left early.");
    assert!(found.iter().all(|e| e.text != "Kim"), "{found:?}");
    // Placed by a preposition, or big enough to be meant, it stays a place.
    let found = r.entities("Floods reached Kim on Friday. Protesters marched in Charlotte.");
    assert_eq!(find(&found, "Charlotte").kind, EntityKind::Place);
    let found = r.entities("The talks moved to a hall in Kim on Friday.");
    assert_eq!(find(&found, "Kim").kind, EntityKind::Place);
}
