//! ECB+ (Cybulska and Vossen 2014): news articles grouped in topics, with
//! their event mentions and which of them, within and across articles,
//! tell the same real-world event.
//!
//! A file holds `<token t_id sentence number>` elements, then `<Markables>`
//! (event mentions are `ACTION_*` and `NEG_ACTION_*` elements with
//! `<token_anchor t_id>` children; an element without anchors stands for
//! an instance), then `<Relations>` (`CROSS_DOC_COREF` and
//! `INTRA_DOC_COREF`, whose sources are mentions and whose `note` names
//! the instance).

use crate::xml::{attribute, decode};
use crate::Error;
use std::collections::{HashMap, HashSet};

/// One ECB+ article.
#[derive(Clone, Debug, PartialEq)]
pub struct EcbDocument {
    /// The file name without `.xml`: `1_10ecbplus`.
    pub name: String,
    /// The topic: the number before `_`.
    pub topic: String,
    /// Tokens: (sentence number, text).
    pub tokens: Vec<(usize, String)>,
    /// Its event mentions, in file order.
    pub mentions: Vec<EcbMention>,
}

/// One event mention.
#[derive(Clone, Debug, PartialEq)]
pub struct EcbMention {
    /// `m_id`.
    pub id: String,
    /// `ACTION_OCCURRENCE`, `NEG_ACTION_STATE`, ...
    pub tag: String,
    /// Its tokens: indexes into [`EcbDocument::tokens`].
    pub tokens: Vec<usize>,
    /// The sentence number of its first token.
    pub sentence: usize,
    /// The instance it refers to (a coreference chain across the
    /// corpus), or a name of its own when it corefers with nothing.
    pub gold: String,
}

/// Reads an ECB+ XML file; `name` is its file name without `.xml`.
///
/// ```
/// let xml = r#"<Document doc_name="3_1ecb.xml"><token t_id="1" sentence="0" number="0">Quake</token>
/// <token t_id="2" sentence="0" number="1">hits</token><Markables>
/// <ACTION_OCCURRENCE m_id="5"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
/// <ACTION_OCCURRENCE m_id="9" instance_id="ACT1"/></Markables><Relations>
/// <CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="5"/><target m_id="9"/></CROSS_DOC_COREF>
/// </Relations></Document>"#;
/// let doc = dateline_eval::read_ecb("3_1ecb", xml).unwrap();
/// assert_eq!((doc.topic.as_str(), doc.mentions.len()), ("3", 1));
/// assert_eq!((doc.mentions[0].tokens.as_slice(), doc.mentions[0].gold.as_str()), (&[1][..], "ACT1"));
/// ```
pub fn read_ecb(name: &str, xml: &str) -> Result<EcbDocument, Error> {
    let topic = name.split('_').next().unwrap_or(name).to_string();
    let mut tokens = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut rest = xml;
    while let Some(open) = rest.find("<token ") {
        let at = xml.len() - rest.len() + open;
        let tag_end =
            rest[open..].find('>').map(|e| open + e).ok_or_else(|| Error::at(xml, at, "unclosed <token>"))?;
        let close = rest[tag_end..]
            .find("</token>")
            .map(|e| tag_end + e)
            .ok_or_else(|| Error::at(xml, at, "<token> never closed"))?;
        let tag = &rest[open..tag_end];
        let id = attribute(tag, "t_id").ok_or_else(|| Error::at(xml, at, "<token> without t_id"))?;
        let sentence = attribute(tag, "sentence")
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| Error::at(xml, at, "<token> without a sentence number"))?;
        index_of.insert(id.to_string(), tokens.len());
        tokens.push((sentence, decode(&rest[tag_end + 1..close])));
        rest = &rest[close..];
    }
    // Instances: the note of each relation, by the mentions it joins.
    let mut gold: HashMap<String, String> = HashMap::new();
    if let Some(relations) = xml.find("<Relations>") {
        for block in xml[relations..].split("_DOC_COREF").skip(1) {
            let Some(head_end) = block.find('>') else { continue };
            let note = attribute(&block[..head_end], "note").unwrap_or_default();
            let body = block.split("</").next().unwrap_or_default();
            for source in body.split("<source ").skip(1) {
                if let Some(m) = attribute(source, "m_id") {
                    if !note.is_empty() {
                        gold.entry(m.to_string()).or_insert_with(|| note.to_string());
                    }
                }
            }
        }
    }
    let mut mentions = Vec::new();
    let from = xml.find("<Markables>").unwrap_or(xml.len());
    let to = xml[from..].find("</Markables>").map_or(xml.len(), |e| from + e);
    let markables = &xml[from..to];
    let mut seen = HashSet::new();
    for (at, _) in markables.match_indices('<') {
        let element = &markables[at + 1..];
        if !(element.starts_with("ACTION_") || element.starts_with("NEG_ACTION_")) {
            continue;
        }
        let head = &element[..element.find('>').unwrap_or(element.len())];
        // An element closed at once is an instance, not a mention.
        if head.ends_with('/') {
            continue;
        }
        let tag: String = head.chars().take_while(|c| c.is_ascii_uppercase() || *c == '_').collect();
        let Some(id) = attribute(head, "m_id") else { continue };
        let body = element.split(&format!("</{tag}>")).next().unwrap_or_default();
        let anchors: Vec<usize> = body
            .split("<token_anchor ")
            .skip(1)
            .filter_map(|a| attribute(a, "t_id"))
            .filter_map(|t| index_of.get(t).copied())
            .collect();
        if anchors.is_empty() || !seen.insert(id.to_string()) {
            continue;
        }
        let gold = gold.get(id).cloned().unwrap_or_else(|| format!("{name}_{id}"));
        let sentence = tokens[anchors[0]].0;
        mentions.push(EcbMention { id: id.to_string(), tag, tokens: anchors, sentence, gold });
    }
    Ok(EcbDocument { name: name.to_string(), topic, tokens, mentions })
}

/// The sentences the standard evaluation keeps
/// (`ECBplus_coreference_sentences.csv`: `Topic,File,Sentence Number`),
/// as (file name without `.xml`, sentence number).
pub fn read_ecb_sentences(csv: &str) -> Result<HashSet<(String, usize)>, Error> {
    let mut kept = HashSet::new();
    for (n, line) in csv.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let [topic, file, sentence] = fields[..] else {
            return Err(Error::line(n + 1, "want Topic,File,Sentence Number"));
        };
        let sentence =
            sentence.parse().map_err(|_| Error::line(n + 1, format!("bad sentence {sentence:?}")))?;
        kept.insert((format!("{topic}_{file}"), sentence));
    }
    Ok(kept)
}
