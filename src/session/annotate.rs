//! Where a corpus's mentions come from: the built-in extractor, annotation files from other
//! tools (`--annotations`, and brat `.ann` files found beside the texts), or both (`--merge`).

use crate::corpus::{Corpus, DocId, LoadWarning};
use crate::extract::Extractor;
use crate::formats::import::{annotation_files, read_file, resolve, DocBrat, InputError, RawDoc};
use crate::formats::{brat, Unit};
use crate::index::Index;
use crate::model::Mention;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The user's choice of sources.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Annotation files or folders.
    pub annotations: Vec<PathBuf>,
    /// Keep the built-in extractor's mentions beside imported ones.
    pub merge: bool,
    /// The unit the files' offsets count in.
    pub unit: Unit,
    /// The extraction cache's folder (None: every document is extracted afresh).
    pub cache_dir: Option<PathBuf>,
}

/// Mentions for every document, indexed, and every problem found in the annotation files.
/// A document an annotation file covers takes that file's mentions (and, with `merge`, the
/// extractor's that do not overlap them); every other document, the extractor's.
/// Runs the built-in extractor here, on one thread; the loader (`session::stream`) extracts in
/// parallel with the cache, and [`annotate_keeping`] takes its results.
pub fn annotate(corpus: &Corpus, sources: &Sources) -> (Index, Vec<InputError>) {
    let a = annotate_keeping(corpus, sources, extract_all(corpus), None);
    (a.index, a.problems)
}

/// What [`annotate_keeping`] makes of the sources.
pub struct Annotated {
    pub index: Index,
    /// Spans that could not be taken, by file and line.
    pub problems: Vec<InputError>,
    /// What is worth knowing but took nothing away: a label none of PERSON, REGION, ORG maps
    /// onto, kept as a label of its own.
    pub notes: Vec<InputError>,
    /// What brat files held beyond their spans (for export).
    pub brat: HashMap<DocId, DocBrat>,
}

/// The built-in extractor's mentions of every document.
pub fn extract_all(corpus: &Corpus) -> Vec<Mention> {
    let extractor = Extractor::default();
    corpus
        .docs
        .iter()
        .flat_map(|d| extractor.extract(d))
        .collect()
}

/// As [`annotate`], with the built-in extractor's mentions already found (`extracted`), also
/// returning what brat files held beyond their spans (for export). `indexed`: an index of
/// `extracted`, when there is one, which spares reading the texts of documents no annotation
/// file covers.
pub fn annotate_keeping(
    corpus: &Corpus,
    sources: &Sources,
    extracted: Vec<Mention>,
    indexed: Option<&Index>,
) -> Annotated {
    let build = |mentions| match indexed {
        Some(index) => index.rebuild(corpus, mentions),
        None => Index::build(corpus, mentions),
    };
    let mut imported: Vec<Mention> = Vec::new();
    let mut kept: HashMap<DocId, DocBrat> = HashMap::new();
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut covered: Vec<DocId> = Vec::new();
    let mut take = |raw: &[RawDoc], file: &str, problems: Vec<InputError>| {
        let r = resolve(corpus, raw, file, sources.unit);
        imported.extend(r.mentions);
        for (doc, b) in r.brat {
            let entry = kept.entry(doc).or_default();
            entry.ids.extend(b.ids);
            entry.lines.extend(b.lines);
        }
        errors.extend(problems);
        errors.extend(r.errors);
        notes.extend(other_labels(raw, file));
        covered.extend(r.docs);
    };
    for path in sources.annotations.iter().flat_map(|p| annotation_files(p)) {
        let (raw, problems) = read_file(&path);
        take(&raw, &path.display().to_string(), problems);
    }
    for (doc, ann) in &corpus.sidecars {
        let file = ann.display().to_string();
        match crate::formats::import::read_text(ann) {
            Ok(content) => {
                let doc_path = corpus.docs[doc.index()].path.clone();
                let (raw, problems) = brat::read(&file, &content, doc_path);
                take(&raw, &file, problems);
            }
            Err(message) => {
                let problem = InputError {
                    file: file.clone(),
                    line: 0,
                    message,
                };
                take(&[], &file, vec![problem]);
            }
        }
    }
    covered.sort_unstable();
    covered.dedup();
    if covered.is_empty() {
        return Annotated {
            index: build(extracted),
            problems: errors,
            notes,
            brat: kept,
        };
    }
    let mut by_doc: BTreeMap<DocId, Vec<Mention>> = BTreeMap::new();
    for m in imported {
        by_doc.entry(m.doc).or_default().push(m);
    }
    let mut mentions = Vec::new();
    for m in extracted {
        let is_covered = covered.binary_search(&m.doc).is_ok();
        let overlaps = || {
            by_doc.get(&m.doc).is_some_and(|own| {
                own.iter()
                    .any(|o| o.span.start < m.span.end && m.span.start < o.span.end)
            })
        };
        if !is_covered || (sources.merge && !overlaps()) {
            mentions.push(m);
        }
    }
    mentions.extend(by_doc.into_values().flatten());
    Annotated {
        index: build(mentions),
        problems: errors,
        notes,
        brat: kept,
    }
}

/// Problems in annotation files as load warnings, for the status line.
pub fn as_warnings(errors: &[InputError]) -> Vec<LoadWarning> {
    errors
        .iter()
        .map(|e| LoadWarning {
            path: format!("{}:{}", e.file, e.line),
            message: e.message.clone(),
        })
        .collect()
}

/// A note for each label of `raw` (the file `file`) none of PERSON, REGION and ORG maps onto,
/// once per label, at its first line: it is kept as a label of its own, never dropped.
fn other_labels(raw: &[RawDoc], file: &str) -> Vec<InputError> {
    use crate::model::Label;
    let mut said = std::collections::BTreeSet::new();
    (raw.iter().flat_map(|d| &d.spans))
        .filter(|s| matches!(Label::from_name(&s.label), Label::Other(_)))
        .filter(|s| said.insert(s.label.clone()))
        .map(|s| InputError {
            file: file.to_string(),
            line: s.line,
            message: format!(
                "label {:?} is none of PERSON, REGION, ORG: kept as a label of its own (offered on 1–9 when relabelling)",
                s.label
            ),
        })
        .collect()
}
