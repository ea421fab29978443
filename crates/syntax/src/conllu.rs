//! CoNLL-U, the format of Universal Dependencies: one word a line, ten
//! tab-separated columns, a blank line after each sentence, `#` comments.
//!
//! A broken sentence is an [`Error`] naming its line, and reading goes on
//! with the next one.
//!
//! ```
//! use dateline_syntax::conllu;
//! let text = "# text = Troops left.\n1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n\
//!             2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
//! let sentences = conllu::read("a.conllu", text);
//! let sentence = sentences[0].as_ref().unwrap();
//! assert_eq!(sentence.text.as_deref(), Some("Troops left."));
//! assert_eq!(sentence.words[1].lemma, "leave");
//! assert_eq!(conllu::write(&[sentence.clone()]), text);
//! ```

use crate::{Error, Upos, Word};

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its comment lines, without the leading `# `, in order (`sent_id =
    /// ...`, `text = ...`).
    pub comments: Vec<String>,
    /// The raw text, from the `# text = ` comment.
    pub text: Option<String>,
    /// Its syntactic words.
    pub words: Vec<Word>,
    /// Multiword tokens: the first and last word they cover (1-based) and
    /// the form as written ("don't" over "do" and "n't").
    pub multiword: Vec<(usize, usize, String)>,
    /// The line (1-based) the sentence starts on.
    pub line: usize,
}

/// Reads every sentence of a CoNLL-U text; `name` names it in errors.
/// Empty nodes (decimal ids) of enhanced dependencies are left out.
pub fn read(name: &str, text: &str) -> Vec<Result<Sentence, Error>> {
    let mut out = Vec::new();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !lines.is_empty() {
                out.push(sentence(name, &lines));
                lines.clear();
            }
        } else {
            lines.push((n + 1, line));
        }
    }
    if !lines.is_empty() {
        out.push(sentence(name, &lines));
    }
    out
}

fn sentence(name: &str, lines: &[(usize, &str)]) -> Result<Sentence, Error> {
    let mut sentence = Sentence {
        comments: Vec::new(),
        text: None,
        words: Vec::new(),
        multiword: Vec::new(),
        line: lines[0].0,
    };
    for &(n, line) in lines {
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(text) = comment.strip_prefix("text =") {
                sentence.text = Some(text.trim().to_string());
            }
            sentence.comments.push(comment.to_string());
            continue;
        }
        let bad = |what: String| Error::at(name, n, what);
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(bad(format!("want 10 tab-separated columns, found {}", columns.len())));
        }
        let id = columns[0];
        if id.contains('.') {
            continue; // an empty node
        }
        if let Some((first, last)) = id.split_once('-') {
            let range = first.parse::<usize>().ok().zip(last.parse::<usize>().ok());
            let Some((first, last)) = range.filter(|(f, l)| f <= l) else {
                return Err(bad(format!("bad multiword token range {id:?}")));
            };
            sentence.multiword.push((first, last, columns[1].to_string()));
            continue;
        }
        if id.parse::<usize>().ok() != Some(sentence.words.len() + 1) {
            return Err(bad(format!("word id {id:?} where {} was due", sentence.words.len() + 1)));
        }
        let upos =
            Upos::parse(columns[3]).ok_or_else(|| bad(format!("{:?} is not a UPOS tag", columns[3])))?;
        let head = match columns[6] {
            // A file to be parsed may leave heads out.
            "_" => 0,
            h => h.parse().map_err(|_| bad(format!("head {h:?} is not a number")))?,
        };
        sentence.words.push(Word {
            form: columns[1].to_string(),
            lemma: columns[2].to_string(),
            upos,
            xpos: columns[4].to_string(),
            feats: columns[5].to_string(),
            head,
            deprel: columns[7].to_string(),
        });
    }
    if sentence.words.is_empty() {
        return Err(Error::at(name, sentence.line, "a sentence without words"));
    }
    if let Some((i, word)) = sentence.words.iter().enumerate().find(|(_, w)| w.head > sentence.words.len()) {
        return Err(Error::at(
            name,
            sentence.line,
            format!(
                "word {} has head {}, past the sentence's {} words",
                i + 1,
                word.head,
                sentence.words.len()
            ),
        ));
    }
    Ok(sentence)
}

/// The CoNLL-U line of word number `id` (1-based), no enhanced
/// dependencies, `misc` as the last column.
pub fn word_line(id: usize, word: &Word, misc: &str) -> String {
    format!(
        "{id}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{misc}\n",
        word.form, word.lemma, word.upos, word.xpos, word.feats, word.head, word.deprel
    )
}

/// Writes sentences as CoNLL-U, with their comments and multiword tokens.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for comment in &sentence.comments {
            out.push_str("# ");
            out.push_str(comment);
            out.push('\n');
        }
        for (i, word) in sentence.words.iter().enumerate() {
            for (first, last, form) in sentence.multiword.iter().filter(|m| m.0 == i + 1) {
                out.push_str(&format!("{first}-{last}\t{form}\t_\t_\t_\t_\t_\t_\t_\t_\n"));
            }
            out.push_str(&word_line(i + 1, word, "_"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str =
        "1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn a_broken_sentence_names_its_line_and_the_next_is_read() {
        let text = format!("1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\n2\tx\n\n{GOOD}");
        let read = read("f.conllu", &text);
        assert_eq!(read.len(), 2);
        let error = read[0].as_ref().unwrap_err();
        assert_eq!((error.line(), error.to_string().starts_with("f.conllu:1:")), (Some(1), true));
        assert!(read[1].is_ok());
    }

    #[test]
    fn table_of_errors() {
        let cases = [
            ("1\tIt\tit\tNOUNISH\tPRP\t_\t0\troot\t_\t_\n", "is not a UPOS tag"),
            ("2\tIt\tit\tPRON\tPRP\t_\t0\troot\t_\t_\n", "where 1 was due"),
            ("1\tIt\tit\tPRON\tPRP\t_\t7\troot\t_\t_\n", "past the sentence"),
            ("1\tIt\tit\tPRON\tPRP\t_\tx\troot\t_\t_\n", "is not a number"),
            ("3-1\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n", "multiword"),
            ("# only a comment\n", "without words"),
        ];
        for (text, want) in cases {
            let error = read("t", text).remove(0).unwrap_err();
            assert!(error.message().contains(want), "{text:?}: {error}");
        }
    }

    #[test]
    fn multiword_tokens_and_empty_nodes() {
        let text = "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
                    2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\n";
        let sentence = read("t", text).remove(0).unwrap();
        assert_eq!(sentence.words.len(), 2);
        assert_eq!(sentence.multiword, [(1, 2, "don't".to_string())]);
        assert!(write(&[sentence]).starts_with("1-2\tdon't\t"));
    }

    proptest! {
        #[test]
        fn any_text_reads_without_panic(text in "[0-9a-zA-Z\t\n#_.=|-]{0,300}") {
            for sentence in read("p", &text).into_iter().flatten() {
                // What reads, writes and reads back the same.
                let again = read("p", &write(std::slice::from_ref(&sentence)));
                prop_assert_eq!(again.len(), 1);
                prop_assert_eq!(&again[0].as_ref().unwrap().words, &sentence.words);
            }
        }
    }
}
