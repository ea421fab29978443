//! Geoparsing evaluation on the LGL and GeoWebNews corpora: toponym
//! recognition, then the distance between resolved and gold coordinates
//! (accuracy within 161 km, mean and median error, and the area under the
//! log-error curve of Gritta et al., 2018).

use crate::xml::{attribute, decode};
use crate::Error;
use dateline_core::{Entity, EntityKind};
use serde::Serialize;

/// One gold toponym.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldToponym {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The toponym as written.
    pub text: String,
    /// Gold coordinates (latitude, longitude); None for a demonym or a
    /// language ("Mexicans", "English"), which GeoWebNews counts as a
    /// toponym to find but gives no place to resolve to.
    pub point: Option<(f64, f64)>,
    /// GeoNames id when the corpus gives one.
    pub geonameid: Option<u32>,
}

/// One article of a geoparsing corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoArticle {
    /// Its id in the corpus.
    pub id: String,
    /// The article text; offsets point into it.
    pub text: String,
    /// Toponyms with coordinates, and demonyms and languages without.
    pub toponyms: Vec<GoldToponym>,
}

/// Reads LGL (`<article docid>`, CDATA text, `<gaztag>` with lat/lon) or
/// GeoWebNews (`<article file>`, `<latitude>`/`<longitude>`) XML. Toponyms
/// without coordinates are left out: they cannot be scored.
///
/// ```
/// use dateline_eval::read_geo_corpus;
/// let xml = "<articles><article docid=\"7\"><text><![CDATA[Rain in Paris.]]></text><toponyms>\
///   <toponym><start>8</start><end>13</end><phrase>Paris</phrase><gaztag geonameid=\"2988507\">\
///   <lat>48.85</lat><lon>2.35</lon></gaztag></toponym></toponyms></article></articles>";
/// let articles = read_geo_corpus(xml).unwrap();
/// assert_eq!(articles[0].toponyms[0].text, "Paris");
/// assert_eq!(articles[0].toponyms[0].geonameid, Some(2988507));
/// ```
pub fn read_geo_corpus(xml: &str) -> Result<Vec<GeoArticle>, Error> {
    let mut articles = Vec::new();
    let mut rest = xml;
    while let Some(open) = rest.find("<article") {
        let after = &rest[open..];
        let close = after
            .find("</article>")
            .ok_or_else(|| Error::at(xml, xml.len() - after.len(), "<article> is never closed"))?;
        let body = &after[..close];
        let head_end = body.find('>').unwrap_or(0);
        let head = &body[..head_end];
        let id = attribute(head, "docid").or_else(|| attribute(head, "file")).unwrap_or_default().to_string();
        let raw_text = element(body, "text").unwrap_or_default();
        let text = match raw_text.trim_start().strip_prefix("<![CDATA[") {
            Some(cdata) => cdata.trim_end().strip_suffix("]]>").unwrap_or(cdata).to_string(),
            None => decode(raw_text),
        };
        let mut toponyms = Vec::new();
        let mut items = body;
        while let Some(t) = items.find("<toponym>") {
            let item = &items[t..];
            let item_end = item.find("</toponym>").unwrap_or(item.len());
            let toponym = &item[..item_end];
            items = &item[item_end..];
            let number = |name: &str| element(toponym, name).and_then(|v| v.trim().parse::<f64>().ok());
            let (Some(start), Some(end)) = (number("start"), number("end")) else { continue };
            let lat = number("lat").or_else(|| number("latitude"));
            let lon = number("lon").or_else(|| number("longitude"));
            let point = lat.zip(lon);
            // GeoWebNews' taxonomy: demonyms and languages are toponyms
            // without coordinates; its "expressions" and non-toponyms are
            // not toponyms at all.
            let found_only = matches!(element(toponym, "type").map(str::trim), Some("Demonym" | "Language"));
            if point.is_none() && !found_only {
                continue;
            }
            let geonameid = toponym
                .find("<gaztag")
                .and_then(|g| {
                    attribute(
                        &toponym[g..toponym[g..].find('>').map_or(toponym.len(), |e| g + e)],
                        "geonameid",
                    )
                })
                .or_else(|| element(toponym, "geonamesID"))
                .and_then(|v| v.trim().parse().ok());
            let text_of =
                element(toponym, "phrase").or_else(|| element(toponym, "extractedName")).unwrap_or_default();
            toponyms.push(GoldToponym {
                start: start as usize,
                end: end as usize,
                text: decode(text_of),
                point,
                geonameid,
            });
        }
        articles.push(GeoArticle { id, text, toponyms });
        rest = &after[close..];
    }
    if articles.is_empty() {
        return Err(Error::file("no <article> elements: not an LGL or GeoWebNews file"));
    }
    Ok(articles)
}

fn element<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&format!("</{name}>"))? + start;
    Some(&xml[start..end])
}

/// The geoparsing scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct GeoScore {
    /// Articles scored.
    pub articles: usize,
    /// Gold toponyms (with coordinates, or demonyms and languages).
    pub gold: usize,
    /// Places the system found.
    pub system: usize,
    /// Recognition with overlapping spans.
    pub recognition: crate::Prf,
    /// Recognition with identical spans.
    pub recognition_strict: crate::Prf,
    /// Recognised toponyms whose resolution was scored.
    pub resolved: usize,
    /// Share of recognised toponyms placed within 161 km (100 miles).
    pub accuracy_161km: f64,
    /// Mean error in km.
    pub mean_error_km: f64,
    /// Median error in km.
    pub median_error_km: f64,
    /// Area under the curve of sorted log errors, 0 (perfect) to 1.
    pub auc: f64,
}

/// Half the Earth's circumference: the error of a place not resolved.
const MAX_ERROR_KM: f64 = 20_039.0;

impl GeoScore {
    /// Scores system places (entities of kind place) against the gold
    /// toponyms of each article.
    pub fn compute(articles: &[GeoArticle], system: &[Vec<Entity>]) -> GeoScore {
        let mut score = GeoScore { articles: articles.len(), ..GeoScore::default() };
        let (mut matched_gold, mut matched_system, mut strict) = (0, 0, 0);
        let mut errors = Vec::new();
        for (article, entities) in articles.iter().zip(system) {
            let places: Vec<&Entity> = entities.iter().filter(|e| e.kind == EntityKind::Place).collect();
            score.gold += article.toponyms.len();
            score.system += places.len();
            let mut used = vec![false; places.len()];
            for gold in &article.toponyms {
                let hit = places
                    .iter()
                    .enumerate()
                    .find(|(i, p)| !used[*i] && p.start < gold.end && gold.start < p.end);
                let Some((i, place)) = hit else { continue };
                used[i] = true;
                matched_gold += 1;
                strict += usize::from(place.start == gold.start && place.end == gold.end);
                let Some((gold_lat, gold_lon)) = gold.point else { continue };
                let error = match (place.lat, place.lon) {
                    (Some(lat), Some(lon)) => dateline_core::distance_km(lat, lon, gold_lat, gold_lon),
                    _ => MAX_ERROR_KM,
                };
                errors.push(error);
            }
            matched_system += used.iter().filter(|u| **u).count();
        }
        score.recognition = crate::tempeval::prf(matched_system, score.system, matched_gold, score.gold);
        score.recognition_strict = crate::tempeval::prf(strict, score.system, strict, score.gold);
        score.resolved = errors.len();
        if !errors.is_empty() {
            errors.sort_by(f64::total_cmp);
            let n = errors.len() as f64;
            score.accuracy_161km = errors.iter().filter(|e| **e <= 161.0).count() as f64 / n;
            score.mean_error_km = errors.iter().sum::<f64>() / n;
            score.median_error_km = median(&errors);
            score.auc = auc(&errors);
        }
        score
    }
}

fn median(sorted: &[f64]) -> f64 {
    let mid = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    }
}

/// The area under the curve of sorted, log-scaled errors (Gritta et al.,
/// 2018): each error as ln(1 + km) / ln(1 + 20039), integrated with the
/// trapezoid rule over an axis scaled to 1.
fn auc(sorted: &[f64]) -> f64 {
    let scaled: Vec<f64> = sorted.iter().map(|e| (1.0 + e).ln() / (1.0 + MAX_ERROR_KM).ln()).collect();
    if scaled.len() == 1 {
        return scaled[0];
    }
    let area: f64 = scaled.windows(2).map(|w| (w[0] + w[1]) / 2.0).sum();
    area / (scaled.len() - 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_bounds() {
        assert_eq!(auc(&[0.0, 0.0]), 0.0);
        assert!((auc(&[MAX_ERROR_KM, MAX_ERROR_KM]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn geowebnews_format() {
        let xml = "<articles><article file=\"3\"><title>t</title><text>Fish &amp; chips in Leeds</text><toponyms>\
            <toponym><extractedName>Leeds</extractedName><type>Literal</type><start>19</start><end>24</end>\
            <geonamesID>2644688</geonamesID><latitude>53.79</latitude><longitude>-1.54</longitude></toponym>\
            <toponym><extractedName>city</extractedName><start>0</start><end>4</end></toponym>            <toponym><extractedName>Fish</extractedName><type>Demonym</type><start>0</start><end>4</end></toponym>            </toponyms></article></articles>";
        let articles = read_geo_corpus(xml).unwrap();
        assert_eq!(articles[0].text, "Fish & chips in Leeds");
        assert_eq!(articles[0].toponyms.len(), 2);
        assert_eq!(articles[0].toponyms[1].point, None);
        assert_eq!(articles[0].toponyms[0].geonameid, Some(2644688));
    }
}
