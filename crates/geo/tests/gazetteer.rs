//! The shipped gazetteer: it loads, and the places of the seed article
//! resolve as a careful reader would.

use dateline_geo::resolve::Mention;
use dateline_geo::{Gazetteer, PlaceKind, Resolver};

fn mention(name: &str) -> Mention<'_> {
    Mention { name, area: false, demonym: false, within: None, placed: false }
}

#[test]
fn loads_and_finds_places_by_other_names() {
    let gazetteer = Gazetteer::embedded();
    assert!(gazetteer.len() > 200_000);
    assert!(gazetteer.lookup("Lachin").iter().any(|p| p.id == Some(147625)));
    assert!(gazetteer.lookup("Laçın").iter().any(|p| p.id == Some(147625)));
    assert!(gazetteer.lookup("U.S.").iter().any(|p| p.kind == PlaceKind::Country && p.country == "US"));
    assert!(gazetteer.lookup("Nagorno-Karabakh").iter().any(|p| p.kind == PlaceKind::Region));
}

#[test]
fn seed_places_resolve_in_context() {
    let resolver = Resolver::new(Gazetteer::embedded());
    let names = ["Azerbaijan", "Armenia", "Kalbajar", "Aghdam", "Lachin", "Yerevan", "Baku", "Moscow"];
    let mut mentions: Vec<Mention<'_>> = names.iter().map(|n| mention(n)).collect();
    mentions[2].area = true;
    let places = resolver.resolve(&mentions, &[]);
    let id = |i: usize| places[i].and_then(|p| p.id);
    assert!(matches!(id(2), Some(586268 | 586047)), "Kalbajar: {:?}", places[2]);
    assert!(matches!(id(3), Some(148619 | 148617)), "Aghdam: {:?}", places[3]);
    assert!(matches!(id(4), Some(147625 | 147626)), "Lachin: {:?}", places[4]);
    assert_eq!(id(5), Some(616052));
    assert_eq!(id(6), Some(587084));
    assert_eq!(id(7), Some(524901));
}

#[test]
fn context_moves_a_name_to_its_country() {
    let resolver = Resolver::new(Gazetteer::embedded());
    let alone = resolver.resolve(&[mention("Paris")], &[]);
    assert_eq!(alone[0].unwrap().country, "FR");
    let in_texas = resolver.resolve(&[mention("Paris"), mention("Texas"), mention("Dallas")], &[]);
    assert_eq!(in_texas[0].unwrap().country, "US");
}

#[test]
fn large_provinces_sit_in_their_middle_not_by_their_towns() {
    let gazetteer = Gazetteer::embedded();
    let ontario = gazetteer.lookup("Ontario").into_iter().find(|p| p.kind == PlaceKind::Admin1).unwrap();
    assert!(ontario.lat > 48.0, "Ontario's towns crowd the lakes; its middle lies north: {ontario:?}");
    let bc = gazetteer.lookup("BC").into_iter().find(|p| p.kind == PlaceKind::Admin1).unwrap();
    assert_eq!(bc.name, "British Columbia");
    assert_eq!(gazetteer.lookup_abbreviation("Ont.").next().map(|p| p.name), Some("Ontario"));
}
