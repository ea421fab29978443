//! Coreference: the MUC, B³ and CEAF-e metrics and their CoNLL average, as
//! the reference CoNLL-2012 scorer (v8.01, Pradhan et al. 2014) defines
//! them, and a reader of CorefUD CoNLL-U files such as GUM.
//!
//! A clustering is a list of chains, each a list of mentions; a mention may
//! be any hashable key, and should sit in at most one chain of each side.
//! Empty chains are ignored. To score a corpus as the reference scorer
//! does (sums over documents, then ratios), score it at once with mentions
//! keyed by (document, mention): chains never cross documents, so the
//! counts add up the same.

use crate::tempeval::{prf, Prf};
use crate::Error;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// The three metrics of the CoNLL-2012 shared task and their average.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorefScore {
    /// Link-based (Vilain et al. 1995).
    pub muc: Prf,
    /// Mention-based (Bagga and Baldwin 1998).
    pub b_cubed: Prf,
    /// Entity-based CEAF with φ4 (Luo 2005).
    pub ceaf_e: Prf,
    /// The mean of the three F1s: the CoNLL score.
    pub conll: f64,
}

impl CorefScore {
    /// Scores `response` against `key`.
    ///
    /// ```
    /// use dateline_eval::CorefScore;
    /// let key = vec![vec!["a", "b", "c"], vec!["d", "e", "f", "g"]];
    /// let response = vec![vec!["a", "b"], vec!["c", "d"], vec!["f", "g", "h", "i"]];
    /// let score = CorefScore::compute(&key, &response);
    /// assert!((score.muc.r - 0.4).abs() < 1e-9 && (score.muc.p - 0.4).abs() < 1e-9);
    /// assert!((score.ceaf_e.r - 0.65).abs() < 1e-9);
    /// assert!((score.conll - (0.4 + 5.0 / 11.0 + 0.52) / 3.0).abs() < 1e-9);
    /// ```
    pub fn compute<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> CorefScore {
        let overlap = Overlap::new(key, response);
        let (muc, b_cubed, ceaf_e) = (overlap.muc(), overlap.b_cubed(), overlap.ceaf_e());
        let conll = (muc.f1 + b_cubed.f1 + ceaf_e.f1) / 3.0;
        CorefScore { muc, b_cubed, ceaf_e, conll }
    }
}

/// MUC: recall is Σ(|K| − partitions of K by the response) / Σ(|K| − 1)
/// over key chains K, a mention missing from the response being a
/// partition of its own; precision the same with the sides swapped.
/// Singletons count for nothing.
///
/// ```
/// let key = vec![vec![1, 2, 3], vec![4, 5, 6, 7]];
/// let response = vec![vec![1, 2], vec![3, 4], vec![6, 7, 8, 9]];
/// let muc = dateline_eval::muc(&key, &response);
/// assert_eq!((muc.p, muc.r), (0.4, 0.4));
/// ```
pub fn muc<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    Overlap::new(key, response).muc()
}

/// B³: recall is Σ |K∩R|²/|K| over key chains K and response chains R,
/// over the number of key mentions; precision Σ |K∩R|²/|R| over the number
/// of response mentions.
pub fn b_cubed<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    Overlap::new(key, response).b_cubed()
}

/// CEAF-e: the one-to-one alignment of key and response chains that
/// maximises Σ φ4(K, R) = 2|K∩R| / (|K| + |R|); recall is that sum over the
/// number of key chains, precision over the number of response chains.
pub fn ceaf_e<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> Prf {
    Overlap::new(key, response).ceaf_e()
}

/// The chain sizes of each side, and the mentions each pair of chains
/// shares: all three metrics need only these.
struct Overlap {
    key: Vec<usize>,
    response: Vec<usize>,
    /// (key chain, response chain, shared mentions), for pairs that share.
    links: Vec<(usize, usize, usize)>,
}

impl Overlap {
    fn new<M: Hash + Eq>(key: &[Vec<M>], response: &[Vec<M>]) -> Overlap {
        let key: Vec<&Vec<M>> = key.iter().filter(|c| !c.is_empty()).collect();
        let response: Vec<&Vec<M>> = response.iter().filter(|c| !c.is_empty()).collect();
        let chain_of: HashMap<&M, usize> =
            response.iter().enumerate().flat_map(|(r, c)| c.iter().map(move |m| (m, r))).collect();
        let mut links = Vec::new();
        for (k, chain) in key.iter().enumerate() {
            let mut shared = BTreeMap::new();
            for r in chain.iter().filter_map(|m| chain_of.get(m)) {
                *shared.entry(*r).or_insert(0) += 1;
            }
            links.extend(shared.into_iter().map(|(r, n)| (k, r, n)));
        }
        Overlap {
            key: key.iter().map(|c| c.len()).collect(),
            response: response.iter().map(|c| c.len()).collect(),
            links,
        }
    }

    fn muc(&self) -> Prf {
        // |K| − partitions(K) = Σ over K's links of (shared − 1): the missing
        // mentions cancel out. The same sum serves both sides.
        let correct = self.links.iter().map(|&(_, _, n)| n - 1).sum();
        let links = |sizes: &[usize]| sizes.iter().map(|n| n - 1).sum();
        prf(correct, links(&self.response), correct, links(&self.key))
    }

    fn b_cubed(&self) -> Prf {
        let sum = |side: &dyn Fn(usize, usize) -> usize| -> f64 {
            self.links.iter().map(|&(k, r, n)| (n * n) as f64 / side(k, r) as f64).sum()
        };
        let recall = sum(&|k, _| self.key[k]);
        let precision = sum(&|_, r| self.response[r]);
        fractions(precision, self.response.iter().sum::<usize>(), recall, self.key.iter().sum::<usize>())
    }

    fn ceaf_e(&self) -> Prf {
        // Only chains that share mentions can align with profit, so the
        // alignment splits into the connected components of the links:
        // small ones, even for a whole corpus at once.
        let nk = self.key.len();
        let mut parent: Vec<usize> = (0..nk + self.response.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for &(k, r, _) in &self.links {
            let (a, b) = (root(&mut parent, k), root(&mut parent, nk + r));
            parent[a] = b;
        }
        let mut components: BTreeMap<usize, Vec<(usize, usize, usize)>> = BTreeMap::new();
        for &link in &self.links {
            components.entry(root(&mut parent, link.0)).or_default().push(link);
        }
        let mut similarity = 0.0;
        for links in components.values() {
            let index = |side: &mut Vec<usize>, i| match side.iter().position(|&j| j == i) {
                Some(p) => p,
                None => {
                    side.push(i);
                    side.len() - 1
                }
            };
            let (mut keys, mut responses, mut cells) = (Vec::new(), Vec::new(), Vec::new());
            for &(k, r, n) in links {
                let phi = 2.0 * n as f64 / (self.key[k] + self.response[r]) as f64;
                cells.push((index(&mut keys, k), index(&mut responses, r), phi));
            }
            let mut weight = vec![vec![0.0; responses.len()]; keys.len()];
            for (i, j, phi) in cells {
                weight[i][j] = phi;
            }
            similarity += max_matching(&weight);
        }
        fractions(similarity, self.response.len(), similarity, self.key.len())
    }
}

/// P/R/F1 from fractional counts; 0 where a side is empty.
fn fractions(system_correct: f64, system: usize, gold_correct: f64, gold: usize) -> Prf {
    let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
    let (p, r) = (ratio(system_correct, system), ratio(gold_correct, gold));
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f1 }
}

/// The largest total weight of a one-to-one matching of rows to columns:
/// Kuhn-Munkres with potentials, O(n²m) for n ≤ m.
fn max_matching(weight: &[Vec<f64>]) -> f64 {
    let rows = weight.len();
    let columns = weight.first().map_or(0, Vec::len);
    // The algorithm places every row, so rows must not outnumber columns.
    let transposed = rows > columns;
    let (n, m) = if transposed { (columns, rows) } else { (rows, columns) };
    let cost = |i: usize, j: usize| if transposed { -weight[j][i] } else { -weight[i][j] };
    // 1-based, with column 0 a sentinel; row[j] is the row placed in column j.
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; m + 1]);
    let (mut row, mut way) = (vec![0usize; m + 1], vec![0usize; m + 1]);
    for i in 1..=n {
        row[0] = i;
        let mut j0 = 0;
        let mut least = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = row[j0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for j in 1..=m {
                if !used[j] {
                    let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if reduced < least[j] {
                        least[j] = reduced;
                        way[j] = j0;
                    }
                    if least[j] < delta {
                        delta = least[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[row[j]] += delta;
                    v[j] -= delta;
                } else {
                    least[j] -= delta;
                }
            }
            j0 = j1;
            if row[j0] == 0 {
                break;
            }
        }
        // Shift the placements back along the augmenting path.
        while j0 != 0 {
            let j1 = way[j0];
            row[j0] = row[j1];
            j0 = j1;
        }
    }
    (1..=m).filter(|&j| row[j] != 0).map(|j| -cost(row[j] - 1, j - 1)).sum()
}

/// A document of a CorefUD file: its text rebuilt from the tokens, its
/// words, and its gold mentions.
#[derive(Clone, Debug, PartialEq)]
pub struct CorefDocument {
    /// From `# newdoc id = ...`; empty when the file gives none.
    pub id: String,
    /// Tokens joined by a space unless `SpaceAfter=No`, sentences by a
    /// newline, paragraphs (`# newpar`) by an empty line.
    pub text: String,
    /// The syntactic words, multiword tokens split.
    pub words: Vec<CorefWord>,
    /// Ordered by start, then longest first.
    pub mentions: Vec<GoldMention>,
}

/// A syntactic word.
#[derive(Clone, Debug, PartialEq)]
pub struct CorefWord {
    /// As written in the FORM column.
    pub form: String,
    /// Universal part of speech.
    pub upos: String,
    /// The sentence, counted from 0 within the document.
    pub sentence: usize,
    /// The head word's index into the document's words; `usize::MAX` for
    /// the root.
    pub head: usize,
    /// First character (Unicode scalar value) of the word in the text. The
    /// words of a multiword token that spell it ("Ann" and "'s" of
    /// "Ann's") get their own parts of it, others ("is" and "n't" of
    /// "isn't" when written "isnt") the whole token's span.
    pub start: usize,
    /// One past the token's last character.
    pub end: usize,
}

/// A gold mention.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldMention {
    /// The entity id as written, unique within the document.
    pub entity: String,
    /// Entity type (GUM: person, place, organization, abstract...); from
    /// an earlier mention of the entity when this one omits it.
    pub etype: String,
    /// First word (index into the document's words).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The first word of the minimal span (`minspan`, or CorefUD's `head`)
    /// whose head in the tree lies outside it, or of the mention when no
    /// minimal span is given ("Bush" of "Vice President Bush").
    pub head: usize,
    /// The head word, or a word of the minimal span, is a proper noun.
    pub proper: bool,
}

impl CorefDocument {
    /// Mention indexes grouped by entity, in order of first mention;
    /// singletons included.
    pub fn chains(&self) -> Vec<Vec<usize>> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut chains: Vec<Vec<usize>> = Vec::new();
        for (i, mention) in self.mentions.iter().enumerate() {
            let chain = *index.entry(&mention.entity).or_insert_with(|| {
                chains.push(Vec::new());
                chains.len() - 1
            });
            chains[chain].push(i);
        }
        chains
    }

    /// The chains of people, organizations and places that are named at
    /// least once (a mention headed by a proper noun).
    pub fn named_chains(&self) -> Vec<Vec<usize>> {
        let named = |chain: &Vec<usize>| {
            let etype = self.mentions[chain[0]].etype.as_str();
            matches!(etype, "person" | "organization" | "place")
                && chain.iter().any(|&i| self.mentions[i].proper)
        };
        self.chains().into_iter().filter(named).collect()
    }
}

/// Reads a CorefUD CoNLL-U file: documents start at `# newdoc`, mentions
/// are the brackets of `Entity=` in the MISC column, their attributes in
/// the order `# global.Entity` declares (by default CorefUD's
/// `eid-etype-head-other`). Empty nodes are skipped.
///
/// ```
/// let conllu = "# newdoc id = d1\n\
///     1\tAnn\tAnn\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=(e1-person)\n\
///     2\tleft\tleave\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n\
///     3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";
/// let docs = dateline_eval::read_corefud(conllu)?;
/// assert_eq!(docs[0].text, "Ann left.");
/// assert_eq!((docs[0].mentions[0].start, docs[0].mentions[0].end), (0, 1));
/// assert!(docs[0].mentions[0].proper);
/// # Ok::<(), dateline_eval::Error>(())
/// ```
///
/// # Errors
///
/// A line without ten columns, a bad word id or head, a malformed `Entity`
/// value, a closing bracket with no open mention of its entity, or a
/// mention still open at the end of its document.
pub fn read_corefud(text: &str) -> Result<Vec<CorefDocument>, Error> {
    let fields = Fields { etype: Some(1), minspan: Some(2) };
    let mut reader = Reader { fields, documents: Vec::new(), document: None };
    for (i, line) in text.lines().enumerate() {
        reader.line(i + 1, line)?;
    }
    reader.finish_document()?;
    Ok(reader.documents)
}

/// Where the type and the minimal span sit among a mention's attributes.
#[derive(Clone, Copy)]
struct Fields {
    etype: Option<usize>,
    minspan: Option<usize>,
}

struct Reader {
    fields: Fields,
    documents: Vec<CorefDocument>,
    document: Option<Builder>,
}

impl Reader {
    fn line(&mut self, n: usize, line: &str) -> Result<(), Error> {
        if line.trim().is_empty() {
            return self.document.as_mut().map_or(Ok(()), Builder::end_sentence);
        }
        let Some(comment) = line.strip_prefix('#') else {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() != 10 {
                let message = format!("expected 10 tab-separated columns, found {}", columns.len());
                return Err(Error::line(n, message));
            }
            return self.document.get_or_insert_with(|| Builder::new("")).word(n, &columns, self.fields);
        };
        let comment = comment.trim();
        if let Some(rest) = keyword(comment, "newdoc") {
            self.finish_document()?;
            let id = rest.strip_prefix("id").map_or("", |id| id.trim_start().trim_start_matches('=').trim());
            self.document = Some(Builder::new(id));
        } else if keyword(comment, "newpar").is_some() {
            self.document.get_or_insert_with(|| Builder::new("")).paragraph = true;
        } else if let Some(spec) = keyword(comment, "global.Entity") {
            let names: Vec<&str> = spec.trim_start_matches('=').trim().split('-').collect();
            let find = |name: &str| names.iter().position(|&f| f == name);
            self.fields = Fields { etype: find("etype"), minspan: find("minspan").or_else(|| find("head")) };
        }
        Ok(())
    }

    fn finish_document(&mut self) -> Result<(), Error> {
        if let Some(builder) = self.document.take() {
            self.documents.push(builder.finish()?);
        }
        Ok(())
    }
}

/// A multiword token being read ("Ann's": "Ann" and "'s").
struct Multiword {
    /// Its first and last word ids.
    first: usize,
    last: usize,
    /// Its span in the text.
    start: usize,
    end: usize,
    form: String,
    /// How many of its characters its words so far have spelled; `None`
    /// once a word does not spell the next part.
    spelled: Option<usize>,
}

/// The rest of a comment that starts with `word` as a whole word.
fn keyword<'a>(comment: &'a str, word: &str) -> Option<&'a str> {
    let rest = comment.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// A mention being read, with the line it opened on for errors.
struct Open {
    entity: String,
    etype: String,
    start: usize,
    end: usize,
    minspan: Vec<usize>,
    line: usize,
}

/// One document being read.
struct Builder {
    document: CorefDocument,
    /// Characters in the text so far.
    chars: usize,
    /// Completed sentences.
    sentences: usize,
    /// `# newpar` since the last sentence.
    paragraph: bool,
    in_sentence: bool,
    /// The current sentence's first word, and its raw heads with their lines.
    first: usize,
    heads: Vec<(usize, usize)>,
    /// The open multiword token.
    multiword: Option<Multiword>,
    /// A space is owed before the next token.
    space: bool,
    open: Vec<Open>,
    closed: Vec<Open>,
    etypes: HashMap<String, String>,
}

impl Builder {
    fn new(id: &str) -> Builder {
        let document =
            CorefDocument { id: id.into(), text: String::new(), words: Vec::new(), mentions: Vec::new() };
        Builder {
            document,
            chars: 0,
            sentences: 0,
            paragraph: false,
            in_sentence: false,
            first: 0,
            heads: Vec::new(),
            multiword: None,
            space: false,
            open: Vec::new(),
            closed: Vec::new(),
            etypes: HashMap::new(),
        }
    }

    fn word(&mut self, n: usize, columns: &[&str], fields: Fields) -> Result<(), Error> {
        if !self.in_sentence {
            self.begin_sentence();
        }
        let bad_id = || Error::line(n, format!("bad word id {:?}", columns[0]));
        let misc = columns[9].split('|');
        let space_after = !misc.clone().any(|f| f == "SpaceAfter=No");
        let entity = misc.clone().find_map(|f| f.strip_prefix("Entity="));
        let expected = self.document.words.len() - self.first + 1;
        if let Some((a, b)) = columns[0].split_once('-') {
            match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a == expected && b > a => {
                    let (start, end) = self.token(columns[1], space_after);
                    let form = columns[1].to_string();
                    self.multiword =
                        Some(Multiword { first: a, last: b, start, end, form, spelled: Some(0) });
                    return Ok(());
                }
                _ => return Err(bad_id()),
            }
        }
        if let Some((a, b)) = columns[0].split_once('.') {
            if a.parse::<usize>().is_err() || b.parse::<usize>().is_err() {
                return Err(bad_id());
            }
            // Skipping a node that is part of a mention would shift the brackets.
            if entity.is_some() {
                return Err(Error::line(n, "mentions on empty nodes are not supported"));
            }
            return Ok(());
        }
        if columns[0].parse::<usize>() != Ok(expected) {
            return Err(bad_id());
        }
        let head = columns[6].parse().map_err(|_| Error::line(n, format!("bad head {:?}", columns[6])))?;
        self.heads.push((head, n));
        let (start, end) = match &mut self.multiword {
            Some(token) if expected <= token.last => {
                // The word's own part of the token when its form spells
                // the next characters, the last word ending the token.
                let form = &token.form;
                let rest =
                    token.spelled.and_then(|done| form.char_indices().nth(done).map(|(i, _)| &form[i..]));
                let own = rest.filter(|rest| {
                    rest.starts_with(columns[1]) && (expected < token.last || *rest == columns[1])
                });
                let done = token.spelled.unwrap_or(0);
                let length = columns[1].chars().count();
                token.spelled = own.map(|_| done + length);
                (token.start + done, token.start + done + length)
            }
            _ => self.token(columns[1], space_after),
        };
        self.document.words.push(CorefWord {
            form: columns[1].to_string(),
            upos: columns[3].to_string(),
            sentence: self.sentences,
            head: usize::MAX,
            start,
            end,
        });
        // The words of a token they do not spell all take its span.
        if let Some(token) = self.multiword.as_ref().filter(|t| t.last == expected && t.spelled.is_none()) {
            let count = token.last - token.first + 1;
            let words = self.document.words.len();
            for word in &mut self.document.words[words - count..] {
                (word.start, word.end) = (token.start, token.end);
            }
        }
        entity.map_or(Ok(()), |value| self.brackets(n, value, fields))
    }

    fn begin_sentence(&mut self) {
        if !self.document.text.is_empty() {
            let gap = if self.paragraph { "\n\n" } else { "\n" };
            self.document.text.push_str(gap);
            self.chars += gap.len();
        }
        self.paragraph = false;
        self.in_sentence = true;
        self.first = self.document.words.len();
        self.heads.clear();
        self.multiword = None;
        self.space = false;
    }

    /// Appends a surface token to the text; returns its span.
    fn token(&mut self, form: &str, space_after: bool) -> (usize, usize) {
        if self.space {
            self.document.text.push(' ');
            self.chars += 1;
        }
        let start = self.chars;
        self.document.text.push_str(form);
        self.chars += form.chars().count();
        self.space = space_after;
        (start, self.chars)
    }

    fn end_sentence(&mut self) -> Result<(), Error> {
        if !self.in_sentence {
            return Ok(());
        }
        for (i, &(head, line)) in self.heads.iter().enumerate() {
            self.document.words[self.first + i].head = match head {
                0 => usize::MAX,
                head if head <= self.heads.len() => self.first + head - 1,
                _ => return Err(Error::line(line, format!("head {head} is not a word of the sentence"))),
            };
        }
        self.in_sentence = false;
        self.sentences += 1;
        Ok(())
    }

    /// Reads an `Entity` value on the last word: `(id-attributes` opens a
    /// mention, `id)` closes the last open one of that entity, and `(...)`
    /// is a mention of this word alone.
    fn brackets(&mut self, n: usize, value: &str, fields: Fields) -> Result<(), Error> {
        let malformed = || Error::line(n, format!("malformed Entity value {value:?}"));
        let word = self.document.words.len() - 1;
        let mut rest = value;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let (spec, tail) = after.split_at(after.find(['(', ')']).unwrap_or(after.len()));
                let attributes: Vec<&str> = spec.split('-').collect();
                let entity = attributes[0];
                // `[1/2]` marks the parts of a discontinuous mention.
                if entity.is_empty() || entity.contains('[') {
                    return Err(malformed());
                }
                let field = |i: Option<usize>| i.and_then(|i| attributes.get(i)).filter(|a| !a.is_empty());
                let etype = match field(fields.etype) {
                    Some(etype) => etype.to_string(),
                    None => self.etypes.get(entity).cloned().unwrap_or_default(),
                };
                self.etypes.entry(entity.to_string()).or_insert_with(|| etype.clone());
                let minspan = match field(fields.minspan) {
                    Some(span) => {
                        span.split(',').map(str::parse).collect::<Result<_, _>>().map_err(|_| malformed())?
                    }
                    None => Vec::new(),
                };
                self.open.push(Open {
                    entity: entity.into(),
                    etype,
                    start: word,
                    end: word,
                    minspan,
                    line: n,
                });
                rest = tail;
                if let Some(tail) = rest.strip_prefix(')') {
                    self.close(n, entity)?;
                    rest = tail;
                }
            } else {
                let (entity, tail) = rest.split_once(')').ok_or_else(malformed)?;
                if entity.is_empty() || entity.contains('(') {
                    return Err(malformed());
                }
                self.close(n, entity)?;
                rest = tail;
            }
        }
        Ok(())
    }

    fn close(&mut self, n: usize, entity: &str) -> Result<(), Error> {
        let Some(i) = self.open.iter().rposition(|o| o.entity == entity) else {
            return Err(Error::line(n, format!("entity {entity} closes with no open mention")));
        };
        let mut mention = self.open.remove(i);
        mention.end = self.document.words.len();
        self.closed.push(mention);
        Ok(())
    }

    fn finish(mut self) -> Result<CorefDocument, Error> {
        self.end_sentence()?;
        if let Some(open) = self.open.first() {
            return Err(Error::line(open.line, format!("mention of entity {} is never closed", open.entity)));
        }
        let words = &self.document.words;
        let propn = |w: usize| words[w].upos == "PROPN";
        for m in self.closed {
            if let Some(&p) = m.minspan.iter().find(|&&p| p == 0 || p > m.end - m.start) {
                return Err(Error::line(m.line, format!("minimal span word {p} lies outside the mention")));
            }
            // The word of the minimal span (else of the mention) whose
            // head lies outside it: "Bush" of "Vice President Bush".
            let span: Vec<usize> = match m.minspan.is_empty() {
                true => (m.start..m.end).collect(),
                false => m.minspan.iter().map(|&p| m.start + p - 1).collect(),
            };
            let head = span.iter().copied().find(|&w| !span.contains(&words[w].head)).unwrap_or(span[0]);
            let proper = propn(head) || m.minspan.iter().any(|&p| propn(m.start + p - 1));
            let (entity, etype, start, end) = (m.entity, m.etype, m.start, m.end);
            self.document.mentions.push(GoldMention { entity, etype, start, end, head, proper });
        }
        self.document.mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Ok(self.document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn key() -> Vec<Vec<char>> {
        vec![vec!['a', 'b', 'c'], vec!['d', 'e', 'f', 'g']]
    }

    fn response() -> Vec<Vec<char>> {
        vec![vec!['a', 'b'], vec!['c', 'd'], vec!['f', 'g', 'h', 'i']]
    }

    #[test]
    fn textbook_example() {
        // Pradhan et al. (2014), figure 1, worked by hand.
        let s = CorefScore::compute(&key(), &response());
        assert!(close(s.muc.r, 2.0 / 5.0) && close(s.muc.p, 2.0 / 5.0));
        // R: (4/3 + 1/3 + 1/4 + 4/4) / 7; P: (4/2 + 1/2 + 1/2 + 4/4) / 8.
        assert!(close(s.b_cubed.r, 5.0 / 12.0) && close(s.b_cubed.p, 0.5));
        assert!(close(s.b_cubed.f1, 5.0 / 11.0));
        // {a,b,c}↔{a,b}: 4/5, {d,e,f,g}↔{f,g,h,i}: 4/8; {c,d} left over.
        assert!(close(s.ceaf_e.r, 1.3 / 2.0) && close(s.ceaf_e.p, 1.3 / 3.0));
        assert!(close(s.ceaf_e.f1, 0.52));
        assert!(close(s.conll, (0.4 + 5.0 / 11.0 + 0.52) / 3.0));
        // Swapping the sides swaps precision and recall.
        let t = CorefScore::compute(&response(), &key());
        assert!(close(t.b_cubed.p, s.b_cubed.r) && close(t.ceaf_e.r, s.ceaf_e.p));
    }

    #[test]
    fn perfect_empty_and_singletons() {
        let s = CorefScore::compute(&key(), &key());
        for prf in [s.muc, s.b_cubed, s.ceaf_e] {
            assert_eq!((prf.p, prf.r, prf.f1), (1.0, 1.0, 1.0));
        }
        assert_eq!(s.conll, 1.0);
        let none: Vec<Vec<char>> = vec![vec![]];
        let s = CorefScore::compute(&key(), &none);
        assert_eq!((s.muc, s.b_cubed, s.ceaf_e), (Prf::default(), Prf::default(), Prf::default()));
        let s = CorefScore::compute(&none, &none);
        assert_eq!(s.conll, 0.0);
        // All singletons: MUC has no links to score, B³ and CEAF do.
        let singletons = vec![vec![1], vec![2]];
        let s = CorefScore::compute(&singletons, &singletons);
        assert_eq!((s.muc.f1, s.b_cubed.f1, s.ceaf_e.f1), (0.0, 1.0, 1.0));
    }

    #[test]
    fn everything_merged() {
        // One response chain over the key's two: MUC recall 1 (Vilain's
        // known flaw), B³ precision (9 + 16) / 49.
        let merged = vec![vec!['a', 'b', 'c', 'd', 'e', 'f', 'g']];
        let s = CorefScore::compute(&key(), &merged);
        assert!(close(s.muc.r, 1.0) && close(s.muc.p, 5.0 / 6.0));
        assert!(close(s.b_cubed.r, 1.0) && close(s.b_cubed.p, 25.0 / 49.0));
        // Only {d..g} aligns: 8/11.
        assert!(close(s.ceaf_e.r, 8.0 / 11.0 / 2.0) && close(s.ceaf_e.p, 8.0 / 11.0));
    }

    #[test]
    fn matching_is_optimal() {
        // Against every permutation, on pseudo-random matrices of all shapes.
        fn best(w: &[Vec<f64>], row: usize, used: &mut Vec<bool>) -> f64 {
            if row == w.len() {
                return 0.0;
            }
            let mut top = best(w, row + 1, used); // this row unplaced
            for j in 0..used.len() {
                if !used[j] {
                    used[j] = true;
                    top = top.max(w[row][j] + best(w, row + 1, used));
                    used[j] = false;
                }
            }
            top
        }
        let mut seed = 7u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let x = (seed >> 33) % 5;
            x as f64 / 4.0 // few distinct values, so ties are common
        };
        for rows in 1..=5 {
            for columns in 1..=5 {
                for _ in 0..20 {
                    let w: Vec<Vec<f64>> =
                        (0..rows).map(|_| (0..columns).map(|_| next()).collect()).collect();
                    let expected = best(&w, 0, &mut vec![false; columns]);
                    assert!(close(max_matching(&w), expected), "{w:?}");
                }
            }
        }
        assert_eq!(max_matching(&[]), 0.0);
    }

    #[test]
    fn corpus_keys_add_up() {
        // Scoring two documents at once with (document, mention) keys.
        let tag = |d: u8, c: Vec<Vec<char>>| -> Vec<Vec<(u8, char)>> {
            c.into_iter().map(|c| c.into_iter().map(|m| (d, m)).collect()).collect()
        };
        let gold = [tag(0, key()), tag(1, key())].concat();
        let system = [tag(0, response()), tag(1, key())].concat();
        let s = ceaf_e(&gold, &system);
        assert!(close(s.r, (1.3 + 2.0) / 4.0) && close(s.p, (1.3 + 2.0) / 5.0));
        assert!(close(muc(&gold, &system).r, (2.0 + 5.0) / 10.0));
        assert!(close(b_cubed(&gold, &system).r, (35.0 / 12.0 + 7.0) / 14.0));
    }

    /// Rows of a CoNLL-U sentence from `id form upos head misc` lines.
    fn sentence(rows: &[&str]) -> String {
        let mut out = String::new();
        for row in rows {
            let c: Vec<&str> = row.split(' ').collect();
            let (head, deprel) = if c[3] == "_" { ("_", "_") } else { (c[3], "dep") };
            out += &format!("{}\t{}\t_\t{}\t_\t_\t{head}\t{deprel}\t_\t{}\n", c[0], c[1], c[2], c[4]);
        }
        out + "\n"
    }

    #[test]
    fn reads_nesting_and_multiword_tokens() {
        let text = [
            "# newdoc id = one\n# global.Entity = eid-etype-minspan\n# newpar\n".to_string(),
            sentence(&[
                "1 The DET 3 Entity=(e1-organization",
                "2 Blue PROPN 3 _",
                "3 Crew PROPN 5 Entity=e1)",
                "4 quickly ADV 5 _",
                "5 fixed VERB 0 _",
                "6 its PRON 7 Entity=(e2-object-1,2(e1-organization-1)",
                "7 door NOUN 5 Entity=e2)|SpaceAfter=No",
                "8 . PUNCT 5 _",
            ]),
            "# newpar\n".to_string(),
            sentence(&[
                "1-2 Ann's _ _ _",
                "1 Ann PROPN 3 Entity=(e3-person-1",
                "2 's PART 1 Entity=e3)",
                "3 door NOUN 0 Entity=(e2)",
                "3.1 was AUX _ _",
                "4-5 isn't _ _ SpaceAfter=No",
                "4 is AUX 3 _",
                "5 n't PART 3 _",
                "6 . PUNCT 3 _",
            ]),
            sentence(&["1 It PRON 2 Entity=(e2-object-1)", "2 shut VERB 0 _"]),
            "# newdoc id = two\n".to_string(),
            sentence(&["1 Nobody PRON 0 _"]),
        ]
        .concat();
        let docs = read_corefud(&text).unwrap();
        assert_eq!(docs.len(), 2);
        let doc = &docs[0];
        assert_eq!(doc.id, "one");
        assert_eq!(doc.text, "The Blue Crew quickly fixed its door.\n\nAnn's door isn't.\nIt shut");
        let spans: Vec<(&str, usize, usize)> =
            doc.words.iter().map(|w| (&doc.text[w.start..w.end], w.sentence, w.head)).collect();
        assert_eq!(spans[8], ("Ann", 1, 10));
        assert_eq!(spans[9], ("'s", 1, 8));
        assert_eq!(spans[10], ("door", 1, usize::MAX));
        assert_eq!((spans[11], spans[12]), (("is", 1, 10), ("n't", 1, 10)));
        let mentions: Vec<(&str, &str, usize, usize, usize, bool)> =
            doc.mentions.iter().map(|m| (&*m.entity, &*m.etype, m.start, m.end, m.head, m.proper)).collect();
        assert_eq!(
            mentions,
            [
                ("e1", "organization", 0, 3, 2, true), // head by the tree: Crew
                ("e2", "object", 5, 7, 6, false),      // minspan 1,2: its door, headed by door
                ("e1", "organization", 5, 6, 5, false),
                ("e3", "person", 8, 10, 8, true),
                ("e2", "object", 10, 11, 10, false), // etype carried over
                ("e2", "object", 14, 15, 14, false),
            ]
        );
        assert_eq!(doc.chains(), [vec![0, 2], vec![1, 4, 5], vec![3]]);
        assert_eq!(doc.named_chains(), [vec![0, 2], vec![3]]);
        assert_eq!((docs[1].id.as_str(), docs[1].text.as_str()), ("two", "Nobody"));
    }

    #[test]
    fn words_that_do_not_spell_their_token_share_its_span() {
        let text = sentence(&["1-2 dont _ _ _", "1 do AUX 3 _", "2 not PART 3 _", "3 go VERB 0 _"]);
        let doc = &read_corefud(&text).unwrap()[0];
        let spans: Vec<&str> = doc.words.iter().map(|w| &doc.text[w.start..w.end]).collect();
        assert_eq!(spans, ["dont", "dont", "go"]);
    }

    #[test]
    fn same_entity_nested() {
        // `(e1... (e1... e1) e1)`: a closing ends the latest opening.
        let text = sentence(&[
            "1 friends NOUN 0 Entity=(e1-person",
            "2 of ADP 3 _",
            "3 friends NOUN 1 Entity=(e1-person",
            "4 here ADV 3 Entity=e1)e1)",
        ]);
        let doc = &read_corefud(&text).unwrap()[0];
        let spans: Vec<(usize, usize, usize)> =
            doc.mentions.iter().map(|m| (m.start, m.end, m.head)).collect();
        assert_eq!(spans, [(0, 4, 0), (2, 4, 2)]);
    }

    #[test]
    fn reports_bad_lines() {
        let error = |text: &str| {
            let e = read_corefud(text).unwrap_err();
            (e.line_number(), e.message().to_string())
        };
        let unclosed = format!("# newdoc id = a\n{}", sentence(&["1 Ann PROPN 0 Entity=(e1-person"]));
        assert_eq!(error(&unclosed), (Some(2), "mention of entity e1 is never closed".into()));
        let stray = sentence(&["1 Ann PROPN 0 Entity=(e1-person)e2)"]);
        assert_eq!(error(&stray), (Some(1), "entity e2 closes with no open mention".into()));
        assert_eq!(error("1\tAnn\tAnn\n").1, "expected 10 tab-separated columns, found 3");
        let skipped = sentence(&["1 Ann PROPN 0 _", "3 left VERB 1 _"]);
        assert_eq!(error(&skipped), (Some(2), "bad word id \"3\"".into()));
        let head = sentence(&["1 Ann PROPN 2 _"]);
        assert_eq!(error(&head), (Some(1), "head 2 is not a word of the sentence".into()));
        let minspan = format!(
            "# global.Entity = eid-etype-minspan\n{}",
            sentence(&["1 Ann PROPN 0 Entity=(e1-person-2)"])
        );
        assert_eq!(error(&minspan).0, Some(2));
        assert_eq!(error(&sentence(&["1 Ann PROPN 0 Entity=e1"])).0, Some(1));
    }

    #[test]
    fn reads_gum_dev() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/ud/UD_English-GUM/en_gum-ud-dev.conllu"
        );
        let Ok(file) = std::fs::read_to_string(path) else {
            eprintln!("skipped: no {path}");
            return;
        };
        let docs = read_corefud(&file).unwrap();
        assert_eq!(docs.len(), 30);
        // Each sentence's words span exactly its `# text`.
        let texts: Vec<&str> = file.lines().filter_map(|l| l.strip_prefix("# text = ")).collect();
        let mut sentences = Vec::new();
        for doc in &docs {
            let chars: Vec<char> = doc.text.chars().collect();
            for words in doc.words.chunk_by(|a, b| a.sentence == b.sentence) {
                let (start, end) = (words[0].start, words[words.len() - 1].end);
                sentences.push(chars[start..end].iter().collect::<String>());
            }
        }
        assert_eq!(sentences.len(), texts.len());
        for (rebuilt, text) in sentences.iter().zip(&texts) {
            assert_eq!(rebuilt, text.trim());
        }
        let count = |f: &dyn Fn(&CorefDocument) -> usize| docs.iter().map(f).sum::<usize>();
        let mentions = count(&|d| d.mentions.len());
        let chains = count(&|d| d.chains().len());
        let coreferent = count(&|d| d.chains().iter().filter(|c| c.len() > 1).count());
        let named = count(&|d| d.named_chains().len());
        let words = count(&|d| d.words.len());
        eprintln!("GUM dev: {} documents, {words} words, {mentions} mentions, {chains} chains ({coreferent} with two mentions or more), {named} named", docs.len());
        // The whole corpus at once, keyed by (document, mention): gold
        // against itself, and against itself without singletons.
        let gold: Vec<Vec<(usize, usize)>> = (docs.iter().enumerate())
            .flat_map(|(d, doc)| {
                doc.chains().into_iter().map(move |c| c.into_iter().map(|m| (d, m)).collect())
            })
            .collect();
        assert_eq!(CorefScore::compute(&gold, &gold).conll, 1.0);
        let linked: Vec<_> = gold.iter().filter(|c| c.len() > 1).cloned().collect();
        let s = CorefScore::compute(&gold, &linked);
        assert_eq!((s.muc.f1, s.b_cubed.p, s.ceaf_e.p), (1.0, 1.0, 1.0));
        assert!(close(s.ceaf_e.r, coreferent as f64 / chains as f64));
        assert_eq!(mentions, 7897);
        assert_eq!(chains, 3940);
        assert_eq!(words, 28119);
    }
}
