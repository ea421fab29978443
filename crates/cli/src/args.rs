//! Command-line flags, each defined once.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dateline turns dated news articles into timelines: it finds every date
/// in an article and resolves it against the day the article was published.
#[derive(Parser, Debug)]
#[command(name = "dateline", version, about, long_about = None, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Find temporal expressions and resolve them to TIMEX3 values.
    ///
    /// Reads files (directories recursively) or standard input. Each input
    /// is a seed article ('date YYYY-MM-DD' then the text), JSON Lines
    /// (one {"text", "date"} object per line), TimeML (.tml) or plain text
    /// with --dct. A document that cannot be read is reported with its file
    /// and line and skipped; the exit code is then 1.
    #[command(
        after_help = "Examples:\n  dateline tag examples/ceasefire.txt\n  dateline tag --format text examples/\n  echo 'Talks resume on Monday.' | dateline tag --dct 2020-11-26\n  dateline tag --format timeml article.tml > tagged.tml\n  dateline tag --format timeml --timex-only article.tml"
    )]
    Tag(TagArgs),
    /// Find places, people and organisations; places resolved to GeoNames.
    ///
    /// Same inputs, error handling and exit codes as `tag`.
    #[command(
        after_help = "Examples:\n  dateline entities ../shared/examples/kalbajar.txt --format text\n  dateline entities feed.jsonl > entities.jsonl"
    )]
    Entities(EntitiesArgs),
    /// Build the timeline of each article: every dated event with its
    /// status (occurred, ongoing, scheduled, expected, missed, deadline),
    /// trigger word, clause, actors and places.
    ///
    /// Same inputs, error handling and exit codes as `tag`.
    #[command(
        after_help = "Examples:\n  dateline timeline ../shared/examples/kalbajar.txt --format text\n  dateline timeline examples/ --format csv > timeline.csv"
    )]
    Timeline(TimelineArgs),
    /// Tag, lemmatise and parse: every sentence split into the words of
    /// Universal Dependencies, each with its part of speech (UPOS and Penn
    /// Treebank XPOS), features, lemma, head and relation.
    ///
    /// Reads articles like `tag` (same inputs, error handling and exit
    /// codes) and writes CoNLL-U or JSON Lines. With --conllu it reads a
    /// CoNLL-U file instead, keeps its sentences and words and fills in the
    /// predicted columns, so that the CoNLL 2018 evaluation script can score
    /// it; a malformed sentence is reported with its line and skipped, and
    /// the exit code is then 1.
    #[command(
        after_help = "Examples:\n  dateline syntax examples/ceasefire.txt\n  echo 'Talks did not resume on Monday.' | dateline syntax --dct 2020-11-26 --format json\n  dateline syntax --conllu gold.conllu > predicted.conllu\n  python conll18_ud_eval.py -v gold.conllu predicted.conllu\n  dateline syntax --model /tmp/syntax.bin.gz --conllu gold.conllu"
    )]
    Syntax(SyntaxArgs),
    /// Analyse articles and store them (with their merged events) in the
    /// embedded database; idempotent and resumable.
    #[command(
        after_help = "Examples:\n  dateline ingest examples/\n  dateline ingest --db news.db feeds/*.jsonl\n  dateline ingest --db news.db --report"
    )]
    Ingest(IngestArgs),
    /// Export the merged events of a store: JSON, CSV (a row per event and
    /// source) or TimelineJS 3 JSON.
    #[command(
        after_help = "Example:\n  dateline export --db dateline.db --format timelinejs > timeline.json"
    )]
    Export(ExportArgs),
    /// Serve the HTTP API and the web page (timeline, map, sources) over a store.
    #[command(
        after_help = "Examples:\n  dateline serve                      # http://127.0.0.1:8080 over ./dateline.db\n  (umask 077; openssl rand -hex 32 > token)\n  dateline serve --addr 0.0.0.0:8080 --token-file token --allowed-host news.example.org\n\nWith a token, open the page once as http://HOST:PORT/?token=TOKEN: the server sets a cookie\n(HttpOnly, SameSite=Strict) and drops the token from the address. API clients send\n`Authorization: Bearer TOKEN`; tokens in API URLs are refused.\n\n--token TOKEN is gone (a token on the command line shows in `ps`): use --token-file or\nDATELINE_TOKEN."
    )]
    Serve(ServeArgs),
    /// Score the engine against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train the shipped models from the data beside the checkout.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Rebuild the shipped gazetteer from the GeoNames files.
    #[command(
        after_help = "Example:\n  dateline gazetteer --geonames ../shared/data/geonames --out crates/geo/data/gazetteer.tsv.gz"
    )]
    Gazetteer(GazetteerArgs),
    /// Measure throughput (MB/s on one core and on all cores; syntax in
    /// words/s) and memory.
    #[command(after_help = "Example:\n  dateline bench --corpus ../shared/data/tempeval3/silver")]
    Bench(BenchArgs),
}

/// Where documents come from.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Files or directories to read; none or '-' reads standard input.
    pub files: Vec<PathBuf>,
    /// Publication date for documents that carry none (plain text).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub dct: Option<String>,
    /// Input format; guessed from the file name and content by default.
    #[arg(long = "input-format", value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// What kind of text the documents are: news (relative dates count
    /// from the publication date), narrative (a history or background
    /// piece: they count from the date in focus in the text), colloquial
    /// (social posts, chat, requests to assistants), or auto (colloquial
    /// when short and informal; narrative when most years the text writes
    /// out lie five years or more from the publication date). A JSON Lines
    /// document's own "type" wins.
    #[arg(long = "type", value_enum, default_value_t = TextType::Auto, value_name = "TYPE")]
    pub text_type: TextType,
}

/// The `--type` of the documents read.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextType {
    /// Decided for each document from its dates.
    Auto,
    /// News: relative dates count from the publication date.
    News,
    /// A narrative: relative dates count from the date in focus.
    Narrative,
    /// Colloquial: social posts, chat and requests to assistants, with
    /// their spellings ("tmrw", "2nite", "sat") and bare time words.
    Colloquial,
}

impl TextType {
    /// The type to read every document as; None decides for each.
    pub fn fixed(self) -> Option<dateline_core::DocumentType> {
        match self {
            TextType::Auto => None,
            TextType::News => Some(dateline_core::DocumentType::News),
            TextType::Narrative => Some(dateline_core::DocumentType::Narrative),
            TextType::Colloquial => Some(dateline_core::DocumentType::Colloquial),
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct TagArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: one JSON object per document and line, TimeML with inline
    /// TIMEX3 tags, or a table to read.
    #[arg(long, short, value_enum, default_value_t = TagFormat::Json)]
    pub format: TagFormat,
    /// With --format timeml: write only the TIMEX3 elements (no EVENT,
    /// MAKEINSTANCE or TLINK), without running the syntax, event and
    /// relation stages.
    #[arg(long)]
    pub timex_only: bool,
}

#[derive(clap::Args, Debug)]
pub struct SyntaxArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: CoNLL-U (`# sent_id = DOCID-N` and `# text = ...` before
    /// each sentence; the default), or one JSON object per document and line
    /// with each word's character offsets. --conllu always writes CoNLL-U.
    #[arg(long, short, value_enum, value_name = "FORMAT")]
    pub format: Option<SyntaxFormat>,
    /// Instead of articles: this CoNLL-U file's sentences and words, with
    /// the predicted LEMMA, UPOS, XPOS, FEATS, HEAD and DEPREL written over
    /// the file's own (comments and multiword tokens are kept).
    #[arg(long, value_name = "FILE.conllu", conflicts_with_all = ["files", "dct", "input_format"])]
    pub conllu: Option<PathBuf>,
    /// Models written by `dateline train syntax --out`, instead of the
    /// shipped ones.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxFormat {
    /// CoNLL-U, ten tab-separated columns a word, a blank line after each sentence.
    Conllu,
    /// {"id", "dct", "sentences": [{"words": [...]}]}, one document per line.
    Json,
}

#[derive(Subcommand, Debug)]
pub enum TrainCommand {
    /// Train the tagger, lemmatiser and parser on UD English: EWT dev and
    /// test and PUD, less every 10th sentence of each file (the 10th, the
    /// 20th, ...: counting from 0, those whose index ends in 9), which is
    /// held out and scored, with GUM dev as an out-of-domain check.
    ///
    /// The same data and options always give the same models. The treebanks
    /// are CC BY-SA; so are models trained on them.
    #[command(
        after_help = "Examples:\n  dateline train syntax\n  dateline train syntax --ud ../shared/data/ud --out /tmp/syntax.bin.gz --held-out /tmp/held-out.conllu\n  dateline syntax --model /tmp/syntax.bin.gz --conllu /tmp/held-out.conllu > /tmp/predicted.conllu\n  python conll18_ud_eval.py -v /tmp/held-out.conllu /tmp/predicted.conllu"
    )]
    Syntax(TrainSyntaxArgs),
    /// Train the event-mention model (TimeML EVENTs with their class,
    /// tense, aspect, polarity and modality; TempEval-3 Task B) on
    /// TimeBank, on the shipped syntax models' tags, and score it on
    /// AQUAINT, the report set.
    ///
    /// The same data and options always give the same model.
    #[command(
        after_help = "Examples:\n  dateline train events\n  dateline train events --tune\n  dateline train events --out /tmp/events.bin.gz"
    )]
    Events(TrainEventsArgs),
    /// Train the temporal-relation model (TimeML TLINKs between events,
    /// dates and the creation time; TempEval-3 Task C) on TimeBank's gold
    /// events and dates, on the shipped syntax models' trees, and score its
    /// temporal awareness on AQUAINT with the gold events and dates.
    ///
    /// Relations are learnt from the gold links and from what their closure
    /// makes certain between ends left unlinked; which event a date dates,
    /// from the drawn links alone. The same data and options always give
    /// the same model.
    #[command(
        after_help = "Examples:\n  dateline train relations\n  dateline train relations --tune\n  dateline eval tempeval ../shared/data/tempeval3/AQUAINT"
    )]
    Relations(TrainRelationsArgs),
}

#[derive(clap::Args, Debug)]
pub struct TrainRelationsArgs {
    /// The TimeBank folder (TimeML with EVENT, TIMEX3 and TLINK tags) to
    /// learn from.
    #[arg(long, default_value = "../shared/data/tempeval3/TimeBank", value_name = "DIR")]
    pub timebank: PathBuf,
    /// The AQUAINT folder to report scores on (never learnt from).
    #[arg(long, default_value = "../shared/data/tempeval3/AQUAINT", value_name = "DIR")]
    pub aquaint: PathBuf,
    /// Where to write the gzipped model.
    #[arg(long, default_value = "crates/events/models/relations.bin.gz", value_name = "PATH")]
    pub out: PathBuf,
    /// Learn from four fifths of TimeBank and score on the fifth left
    /// (every 5th file), to tune without looking at AQUAINT; writes no
    /// model.
    #[arg(long)]
    pub tune: bool,
    /// Passes over the training pairs.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
}

#[derive(clap::Args, Debug)]
pub struct TrainEventsArgs {
    /// The TimeBank folder (TimeML with EVENT tags) to learn from.
    #[arg(long, default_value = "../shared/data/tempeval3/TimeBank", value_name = "DIR")]
    pub timebank: PathBuf,
    /// The AQUAINT folder to report scores on (never learnt from).
    #[arg(long, default_value = "../shared/data/tempeval3/AQUAINT", value_name = "DIR")]
    pub aquaint: PathBuf,
    /// Where to write the gzipped model.
    #[arg(long, default_value = "crates/events/models/events.bin.gz", value_name = "PATH")]
    pub out: PathBuf,
    /// Learn from four fifths of TimeBank and score on the fifth left
    /// (every 5th file), to tune without looking at AQUAINT; writes no
    /// model.
    #[arg(long)]
    pub tune: bool,
    /// Passes over the training words.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
}

#[derive(clap::Args, Debug)]
pub struct TrainSyntaxArgs {
    /// The folder with UD_English-EWT, UD_English-PUD and UD_English-GUM.
    #[arg(long, default_value = "../shared/data/ud", value_name = "DIR")]
    pub ud: PathBuf,
    /// Where to write the gzipped models.
    #[arg(long, default_value = "crates/syntax/models/syntax.bin.gz", value_name = "PATH")]
    pub out: PathBuf,
    /// Also write the held-out sentences, as they are in the treebanks, to
    /// this CoNLL-U file (outside the repository: they are the data's), to
    /// score them with the official script.
    #[arg(long, value_name = "PATH")]
    pub held_out: Option<PathBuf>,
    /// News without annotation (a folder of TimeML, searched recursively)
    /// to learn word classes from; "none" to learn them from the
    /// treebanks alone.
    #[arg(long, default_value = "../shared/data/tempeval3/silver", value_name = "DIR")]
    pub unlabelled: PathBuf,
    /// Passes over the training sentences for the tagger.
    #[arg(long, default_value_t = dateline_syntax::TrainOptions::default().tagger_epochs)]
    pub tagger_epochs: usize,
    /// Passes over the training sentences for the parser.
    #[arg(long, default_value_t = dateline_syntax::TrainOptions::default().parser_epochs)]
    pub parser_epochs: usize,
    /// How many perceptrons, each seeing the sentences in its own order,
    /// are averaged into the tagger and into the parser. The shipped
    /// models are one each; 5 scores higher on the treebanks (held-out
    /// UAS 79.6 -> 81.0) but not downstream, and trains three times longer
    /// (README, syntax).
    #[arg(long, default_value_t = dateline_syntax::TrainOptions::default().runs as u64, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub runs: u64,
    /// Report format of the scores.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(clap::Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Parse every sentence, so that descriptions ("the company") and
    /// pronouns ("it", "she") join the chains of the entities they refer
    /// to; without it, only names are joined ("GM" and "General Motors").
    #[arg(long)]
    pub syntax: bool,
    /// Output: one JSON object per document and line, or a table to read.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Json)]
    pub format: ReportFormat,
}

#[derive(clap::Args, Debug)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Query the merged events of this store instead of reading articles.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// With --db: events involving this person or organisation.
    #[arg(long, requires = "db")]
    pub entity: Option<String>,
    /// With --db: events at this place or a place inside it ("Azerbaijan"
    /// takes in Baku).
    #[arg(long, requires = "db")]
    pub place: Option<String>,
    /// With --db: events ending on or after this day (YYYY-MM-DD).
    #[arg(long, requires = "db", value_name = "DATE")]
    pub from: Option<dateline_core::Date>,
    /// With --db: events starting on or before this day (YYYY-MM-DD).
    #[arg(long, requires = "db", value_name = "DATE")]
    pub to: Option<dateline_core::Date>,
    /// With --db: only this status (occurred, ongoing, scheduled, expected, missed, deadline).
    #[arg(long, requires = "db")]
    pub status: Option<dateline_core::Status>,
    /// With --db: full-text search in the supporting sentences.
    #[arg(long, requires = "db")]
    pub search: Option<String>,
    /// With --db: at most this many events.
    #[arg(long, requires = "db")]
    pub limit: Option<usize>,
    /// With --db: at most this many sources listed per event (the count is
    /// always given).
    #[arg(long, requires = "db", default_value_t = 20)]
    pub max_sources: usize,
    /// Parse every sentence and date the event each expression modifies
    /// in the dependency tree, among the learnt event mentions: better
    /// anchoring (AQUAINT 0.48 of gold links against 0.45), about ten
    /// times slower.
    #[arg(long, conflicts_with = "db")]
    pub syntax: bool,
    /// Also give an entry to every event told as happening (past or
    /// present tense, no modal, not negated) that has no date of its own,
    /// dated from the story (the last day on which something happened
    /// before it, else the publication date; with --syntax also an event
    /// noun by the event it is subject or object of: "the deal was
    /// announced") and marked `"date_source": "inferred"`; runs the event
    /// model (about five
    /// times slower). With --db: also the events dated only from their
    /// stories (stored by `ingest --inferred`).
    #[arg(long)]
    pub inferred: bool,
    #[command(flatten)]
    pub summary: KeyDatesArgs,
    /// With --key-dates: a sub-story: only events whose sentences or
    /// articles match these words (full-text search, as --search), and
    /// summary sentences that hold them first.
    #[arg(long, requires = "key_dates", value_name = "WORDS")]
    pub query: Option<String>,
    /// Output: JSON (one object per document and line), a readable
    /// timeline, or CSV (one row per entry). With --key-dates: one key
    /// date per line or row.
    #[arg(long, short, value_enum, default_value_t = TimelineFormat::Json)]
    pub format: TimelineFormat,
}

/// The story in key dates, for `timeline --db` and `export`.
#[derive(clap::Args, Debug)]
pub struct KeyDatesArgs {
    /// The story in key dates instead of every event (`timeline` needs
    /// --db): the K days that matter most (chosen from the collection
    /// without K), each with summary sentences and the articles behind it,
    /// in date order. Ranked by the articles published on and just after
    /// each day and the later articles that still refer back to it.
    #[arg(long, value_name = "K", num_args = 0..=1, allow_negative_numbers = true)]
    pub key_dates: Option<Option<i64>>,
    /// With --key-dates: summary sentences per date (1 to 10).
    #[arg(
        long,
        requires = "key_dates",
        value_name = "L",
        default_value_t = 1,
        allow_negative_numbers = true
    )]
    pub sentences: i64,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineFormat {
    /// {"id", "dct", "entries": [...]}, one document per line.
    Json,
    /// A readable timeline: date, status, event text, places.
    Text,
    /// One row per entry, with a header.
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// 'date YYYY-MM-DD', then the article.
    Seed,
    /// One JSON object per line with "text" and "date".
    Jsonl,
    /// TimeML with a CREATION_TIME TIMEX3.
    Timeml,
    /// The whole input is one article (needs --dct).
    Text,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagFormat {
    /// {"id", "dct", "timexes": [...]}, one document per line.
    Json,
    /// The document as TimeML: TIMEX3 and EVENT tags in the text,
    /// MAKEINSTANCE and TLINK elements after it (TempEval-3 Tasks A, B and
    /// C), in the form the TempEval-3 toolkit reads.
    Timeml,
    /// A readable table.
    Text,
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// TempEval-3 on a folder of TimeML files: Task A (strict and relaxed
    /// span P/R/F1, type and value accuracy and F1) and Task C (temporal
    /// awareness of the TLINKs, from raw text and given the gold events
    /// and times).
    #[command(after_help = "Example:\n  dateline eval tempeval ../shared/data/tempeval3/AQUAINT --errors")]
    Tempeval(EvalArgs),
    /// Geoparsing on an LGL or GeoWebNews XML file: toponym recognition
    /// P/R/F1, then accuracy within 161 km, mean and median error, AUC.
    #[command(after_help = "Example:\n  dateline eval geo ../shared/data/geo/lgl.xml")]
    Geo(GeoEvalArgs),
    /// Events on a folder of TimeML files: event mentions against EVENT
    /// tags (strict and relaxed P/R/F1, as TempEval-3 Task B), and whether
    /// each gold event-time link within a sentence is anchored.
    #[command(after_help = "Example:\n  dateline eval events ../shared/data/tempeval3/AQUAINT")]
    Events(EventsEvalArgs),
    /// SemEval-2015 Task 4 (cross-document timelines, track A): build one
    /// timeline per target entity from the raw CAT documents of a corpus
    /// folder, or score timelines with --score GOLD_DIR SYSTEM_DIR.
    #[command(
        after_help = "Examples:\n  dateline eval semeval2015 ../shared/data/timeline/semeval2015-task4/eval_corpus_1 --out /tmp/runs\n  dateline eval semeval2015 --score ../shared/data/timeline/semeval2015-task4/eval_corpus_1/TimeLines_Gold_Standard /tmp/runs"
    )]
    Semeval2015(SemevalArgs),
    /// Syntax on a CoNLL-U treebank, on its gold words (CoNLL 2018 with
    /// gold tokenisation): UPOS, XPOS, UFeats, AllTags, Lemmas, UAS and LAS
    /// (full relation, and universal relation as the official script), and
    /// the speed. Also how the words found in each sentence's `# text`
    /// match the gold words (Words P/R/F1).
    #[command(
        after_help = "Examples:\n  dateline eval syntax ../shared/data/ud/UD_English-GUM/en_gum-ud-dev.conllu\n  dateline eval syntax --model /tmp/syntax.bin.gz --format json gold.conllu\n  dateline eval syntax --errors ../shared/data/ud/UD_English-EWT/en_ewt-ud-dev.conllu"
    )]
    Syntax(SyntaxEvalArgs),
    /// Coreference on a CorefUD CoNLL-U file (coreference in the MISC
    /// column): MUC, B-cubed, CEAF-e and their mean (the CoNLL score),
    /// singletons included, over the gold chains of people, organisations
    /// and places that contain a proper name, and over all chains. A
    /// mention found matches a gold one when it lies inside it and covers
    /// its head word.
    #[command(
        after_help = "Example:\n  dateline eval coref ../shared/data/ud/UD_English-GUM/en_gum-ud-dev.conllu\n  (GUM is for scoring only: its licence forbids training on it)"
    )]
    Coref(CorefEvalArgs),
    /// Event identity across articles on ECB+: clusters the gold event
    /// mentions (ACTION_*, NEG_ACTION_*) of the validated sentences of each
    /// topic with the store merge's rule for event words, writes the
    /// clusters as JSON and prints MUC, B-cubed, CEAF-e and CoNLL F1 over
    /// all topics scored as one document, singletons included.
    #[command(
        after_help = "Example (the standard dev topics):\n  dateline eval ecb ../shared/data/events/ecbplus/ECB+ --topics 2,5,12,18,21,23,34,35 --out /tmp/ecb.json"
    )]
    Ecb(EcbEvalArgs),
    /// Timeline summarisation on Timeline17 story folders (InputDocs/DAY/
    /// *.txt, timelines/*.txt): ingests each story into a store in memory
    /// and builds one key-date timeline per gold timeline with the
    /// standard protocol (as many dates as the gold timeline, its mean
    /// sentences per date, dates within its first and last), then reports
    /// date F1, concatenated ROUGE-1/2 and alignment-based ROUGE-1/2
    /// (align+ m:1) F1, per timeline and averaged.
    #[command(after_help = "Example:\n  dateline eval tls ../shared/data/timeline/t17-dev")]
    Tls(TlsEvalArgs),
}

#[derive(clap::Args, Debug)]
pub struct EcbEvalArgs {
    /// The ECB+ folder: one sub-folder of .xml files per topic.
    pub dir: PathBuf,
    /// The topics to read, comma-separated (all by default).
    #[arg(long, value_name = "LIST")]
    pub topics: Option<String>,
    /// The validated sentences (`ECBplus_coreference_sentences.csv`);
    /// looked for in DIR and beside it by default.
    #[arg(long, value_name = "FILE")]
    pub sentences: Option<PathBuf>,
    /// Write the clusters here: {"<file>_<m_id>": "<cluster>"}.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How alike, on average, the mentions of two events must be to join
    /// them: the cosine of their articles' words plus half that of their
    /// sentences' (tuned on the ECB+ train topics).
    #[arg(long, default_value_t = 0.08)]
    pub threshold: f64,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(clap::Args, Debug)]
pub struct CorefEvalArgs {
    /// A CoNLL-U file with CorefUD coreference (`Entity=` in MISC).
    #[arg(value_name = "FILE.conllu")]
    pub file: PathBuf,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Names only: leave descriptions and pronouns out (no parsing).
    #[arg(long)]
    pub names_only: bool,
    /// Print each gold chain with a proper name, each of its mentions
    /// marked with the chain it was found in (`-` when missed), and the
    /// mentions found outside any gold mention.
    #[arg(long)]
    pub errors: bool,
}

#[derive(clap::Args, Debug)]
pub struct SyntaxEvalArgs {
    /// A CoNLL-U file with gold annotations.
    #[arg(value_name = "FILE.conllu")]
    pub file: PathBuf,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Models written by `dateline train syntax --out`, instead of the
    /// shipped ones.
    #[arg(long, value_name = "PATH")]
    pub model: Option<PathBuf>,
    /// List every way the words found in the text differ from the gold
    /// words, most frequent first (the report lists the ten most frequent).
    #[arg(long)]
    pub errors: bool,
}

#[derive(clap::Args, Debug)]
pub struct SemevalArgs {
    /// The corpus folder: CAT documents (in it or in a sub-folder) and a
    /// list_target_entities*.txt file.
    #[arg(required_unless_present = "score")]
    pub corpus: Option<PathBuf>,
    /// Where to write the timelines, one file per target entity.
    #[arg(long, required_unless_present = "score")]
    pub out: Option<PathBuf>,
    /// The target entities: a list file (one per line), or a folder of
    /// gold timelines whose first lines name them. Found in CORPUS by default.
    #[arg(long)]
    pub targets: Option<PathBuf>,
    /// Score instead: the gold timeline folder, then the system one,
    /// paired by file name; the official script's temporal awareness
    /// (../shared/tools/semeval2015-scorer), computed the same way.
    #[arg(long, num_args = 2, value_names = ["GOLD_DIR", "SYSTEM_DIR"])]
    pub score: Option<Vec<PathBuf>>,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(clap::Args, Debug)]
pub struct EventsEvalArgs {
    /// Folder of .tml files with gold EVENT and TLINK annotations.
    pub dir: PathBuf,
    /// Parse every sentence and date the event each expression modifies
    /// in the dependency tree (as `timeline --syntax`).
    #[arg(long)]
    pub syntax: bool,
    /// List every gold event–time link not anchored right: the gold event,
    /// the expression, the events it was anchored to and the sentence.
    #[arg(long)]
    pub errors: bool,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(clap::Args, Debug)]
pub struct GeoEvalArgs {
    /// The corpus file (LGL or GeoWebNews XML).
    pub file: PathBuf,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// List every missed toponym, spurious place and place more than 161 km off.
    #[arg(long)]
    pub errors: bool,
    /// Exit with code 1 when accuracy within 161 km is below this (a CI floor).
    #[arg(long, value_name = "ACCURACY")]
    pub fail_under: Option<f64>,
}

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of .tml files with gold TIMEX3 annotations.
    pub dir: PathBuf,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// List every missed, spurious and wrongly valued expression.
    #[arg(long)]
    pub errors: bool,
    /// Exit with code 1 when value F1 is below this (a CI floor).
    #[arg(long, value_name = "F1")]
    pub fail_under: Option<f64>,
    /// Score the temporal expressions only, not the temporal relations
    /// (which need the syntax, event and relation stages).
    #[arg(long)]
    pub timex_only: bool,
    /// What kind of text the documents are (see `dateline tag --help`).
    #[arg(long = "type", value_enum, default_value_t = TextType::Auto, value_name = "TYPE")]
    pub text_type: TextType,
}

#[derive(clap::Args, Debug)]
pub struct TlsEvalArgs {
    /// A Timeline17 story folder, or a folder of them.
    pub dir: PathBuf,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write each system timeline into this folder, in the gold files'
    /// format (STORY-TIMELINE.txt).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// Readable.
    Text,
    /// One JSON object.
    Json,
}

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// Folder of TimeML news (searched recursively) to measure on.
    #[arg(long, default_value = "../shared/data/tempeval3/silver")]
    pub corpus: PathBuf,
    /// How many megabytes of article text to use (at least 1).
    #[arg(long, default_value_t = 4.0)]
    pub megabytes: f64,
    /// Report format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Instead: ingest this many synthetic articles (made from the
    /// project's templates) into a fresh store, then time timeline queries
    /// on it (articles/s, store size, memory, query latency percentiles).
    #[arg(long, value_name = "N")]
    pub store_articles: Option<usize>,
    /// Where the store benchmark writes its database (deleted first).
    #[arg(long, default_value = "bench-store.db", value_name = "PATH")]
    pub db: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct GazetteerArgs {
    /// Folder with cities500.json.gz, admin1CodesASCII.txt, admin2Codes.txt
    /// and countries.json.
    #[arg(long, default_value = "../shared/data/geonames")]
    pub geonames: PathBuf,
    /// Where to write the gzipped gazetteer.
    #[arg(long, default_value = "crates/geo/data/gazetteer.tsv.gz")]
    pub out: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The store (created when missing).
    #[arg(long, default_value = "dateline.db", value_name = "PATH")]
    pub db: PathBuf,
    /// List the documents that could not be ingested (in any run) and stop.
    #[arg(long)]
    pub report: bool,
    /// Articles analysed and committed together (a killed ingest loses at
    /// most one batch).
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Also store an entry for every event told as happening that has no
    /// date of its own, dated from its story and marked inferred (as
    /// `timeline --inferred`); about five times slower.
    #[arg(long)]
    pub inferred: bool,
    /// Parse every sentence: dates anchored in the dependency tree and
    /// actors who take part in each event (as `timeline --syntax`); about
    /// ten times slower.
    #[arg(long)]
    pub syntax: bool,
}

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    /// The store.
    #[arg(long, default_value = "dateline.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// Title of a TimelineJS export.
    #[arg(long, default_value = "dateline timeline")]
    pub title: String,
    #[command(flatten)]
    pub summary: KeyDatesArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Every event with its sources, as a JSON array.
    Json,
    /// One row per event and source.
    Csv,
    /// TimelineJS 3 JSON.
    Timelinejs,
}

#[derive(clap::Args, Debug)]
pub struct ServeArgs {
    /// The store.
    #[arg(long, default_value = "dateline.db", value_name = "PATH")]
    pub db: PathBuf,
    /// Where to listen. Loopback needs no token; any other address needs
    /// one, and 0.0.0.0 or [::] needs --allowed-host too.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// A file holding the token every request must then carry (at least 16
    /// characters, no spaces; surrounding whitespace is ignored). Without
    /// it, the environment variable DATELINE_TOKEN is read. Replaces
    /// --token, which showed the token in `ps`.
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<PathBuf>,
    /// A host name the server also answers to (NAME for any port, or
    /// NAME:PORT), for a server reached by a name or through a proxy;
    /// repeatable. Requests naming any other host are refused (421).
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,
    /// Removed: refused with a message that says what to use instead.
    #[arg(long, hide = true, value_name = "TOKEN")]
    pub token: Option<String>,
}
