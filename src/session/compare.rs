//! Compare mode (`--gold FILE`): the reviewed mentions against a gold annotation, scored as
//! `gazette eval` scores them; the workspace scores again after every change.

use crate::eval::{Pair, Scores, Span};
use crate::model::Mention;

/// The gold annotation and how the current mentions compare with it.
#[derive(Debug, Clone, Default)]
pub struct Compare {
    /// Gold mentions per document (byte spans).
    pub gold: Vec<Vec<Span>>,
    /// The aligned pairs per document, in reading order.
    pub pairs: Vec<Vec<Pair>>,
    /// Scores over the corpus and per document.
    pub total: Scores,
    pub per_doc: Vec<Scores>,
}

impl Compare {
    /// A comparison against `gold` mentions (of any document).
    pub fn new(doc_count: usize, gold: &[Mention]) -> Compare {
        let mut per_doc = vec![Vec::new(); doc_count];
        for m in gold {
            if let Some(d) = per_doc.get_mut(m.doc.index()) {
                d.push(Span {
                    range: m.span.clone(),
                    label: m.label.clone(),
                });
            }
        }
        Compare {
            gold: per_doc,
            ..Compare::default()
        }
    }
}
