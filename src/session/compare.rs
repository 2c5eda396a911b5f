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

/// Every reviewer of a database but this browser's, with how many decisions, most first; and
/// the agreement with one of them, if there is one.
pub type ReviewersAgreement = (
    Vec<(String, usize)>,
    Option<crate::review::agreement::Agreement>,
);

impl super::Workspace {
    /// How far this browser's reviewer agrees with `other` (another reviewer of the same
    /// database) over the mentions before review; also every reviewer of the database but this
    /// one, with how many decisions, most first.
    pub fn agreement_with(
        &self,
        other: Option<&str>,
    ) -> Result<ReviewersAgreement, super::WorkspaceError> {
        let store = (self.review.store.as_ref())
            .map_err(|e| super::WorkspaceError::Unreadable(e.clone()))?;
        let unreadable = super::WorkspaceError::Unreadable;
        let me = store.reviewer();
        let others: Vec<(String, usize)> = (store.reviewers().map_err(unreadable)?.into_iter())
            .filter(|(r, _)| r != me)
            .collect();
        let Some(other) = other.or_else(|| others.first().map(|(r, _)| r.as_str())) else {
            return Ok((others, None));
        };
        let mine = store.decisions_of(me).map_err(unreadable)?;
        let theirs = store.decisions_of(other).map_err(unreadable)?;
        let base = self.mentions_before_review();
        let agreement = crate::review::agreement::agreement(&self.corpus, &base, &mine, &theirs);
        Ok((others, Some(agreement)))
    }
}
