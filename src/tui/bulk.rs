//! Decisions about many mentions at once: every mention of a string or an entity, here or
//! everywhere (`A`, `X`, `B`); a whole document done (`D`) or ignored (`I`).

use super::app::App;
use crate::index::MentionId;
use crate::review::{decisions, Decision, Status, Verdict};

/// Which mentions a bulk decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkScope {
    /// The current mention's exact string, in its document or in the corpus.
    String { everywhere: bool },
    /// The current mention's entity, in its document or in the corpus.
    Entity { everywhere: bool },
}

impl App {
    /// The mentions a bulk decision in `scope` covers, and how to say so; None without a current
    /// mention.
    pub fn bulk_targets(&self, scope: BulkScope) -> Option<(Vec<MentionId>, String)> {
        let current = self.current_mention?;
        let m = &self.ws.index.mentions[current.index()];
        // Known from the index: no document's text is read to compare.
        let surface = self
            .ws
            .index
            .surface(current)
            .unwrap_or_default()
            .to_string();
        let entity = self.ws.index.entity_of(current);
        let everywhere = matches!(
            scope,
            BulkScope::String { everywhere: true } | BulkScope::Entity { everywhere: true }
        );
        let targets: Vec<MentionId> = (self.ws.index.mention_ids())
            .filter(|&i| {
                let other = &self.ws.index.mentions[i.index()];
                (everywhere || other.doc == m.doc)
                    && match scope {
                        BulkScope::String { .. } => {
                            self.ws.index.surface(i) == Some(surface.as_str())
                        }
                        BulkScope::Entity { .. } => self.ws.index.entity_of(i) == entity,
                    }
            })
            .collect();
        let docs = {
            let mut d: Vec<_> = targets
                .iter()
                .map(|&i| self.ws.index.mentions[i.index()].doc)
                .collect();
            d.dedup();
            d.len()
        };
        let what = match scope {
            BulkScope::String { .. } => format!("every {surface:?}"),
            BulkScope::Entity { .. } => {
                format!("every mention of {}", self.ws.index.entity(entity).name)
            }
        };
        let place = if everywhere {
            format!("in {docs} document{}", if docs == 1 { "" } else { "s" })
        } else {
            "in this document".into()
        };
        Some((
            targets.clone(),
            format!(
                "{what} {place}: {} mention{}",
                targets.len(),
                if targets.len() == 1 { "" } else { "s" }
            ),
        ))
    }

    /// `D`: the current document done — every mention still unreviewed in it accepted, as one
    /// decision (`u` undoes it).
    pub fn document_done(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let targets: Vec<MentionId> = (self.ws.index.doc_mention_ids(doc))
            .map(|i| MentionId(i as u32))
            .filter(|&m| self.review_of(m).status == Status::Unreviewed)
            .collect();
        if targets.is_empty() {
            self.message = Some("every mention in this document is reviewed already".into());
            return;
        }
        let decisions = decisions(&self.ws.corpus, &self.ws.index, &targets, &Verdict::Accept);
        let n = targets.len();
        let what = format!(
            "document done: {n} mention{} accepted as one decision (u undoes it)",
            if n == 1 { "" } else { "s" }
        );
        self.record(decisions, &targets, what, false);
    }

    /// `I`: the current document ignored — left out of the review and the export — or, when
    /// it is, taken back.
    pub fn toggle_ignored(&mut self) {
        let Some(doc) = self.current_doc() else {
            return;
        };
        let ignore = !self.ws.is_ignored(doc);
        let path = self.ws.corpus.docs[doc.index()].path.clone();
        let what = match ignore {
            true => format!("{path} ignored: left out of the export, skipped by }} and {{ (I again takes it back)"),
            false => format!("{path} taken back into the review"),
        };
        self.record(
            vec![Decision::about_document(&path, ignore)],
            &[],
            what,
            false,
        );
    }

    /// Applies `verdict` to every mention of `targets` as one decision (undone as one).
    pub fn decide_all(&mut self, verdict: Verdict, targets: &[MentionId]) {
        let decisions = decisions(&self.ws.corpus, &self.ws.index, targets, &verdict);
        let did = match &verdict {
            Verdict::Reject => "rejected".to_string(),
            Verdict::Relabel(l) => format!("relabelled {}", l.as_str()),
            _ => "accepted".to_string(),
        };
        self.record(
            decisions,
            targets,
            format!(
                "{did} {} mention{} as one decision (u undoes it)",
                targets.len(),
                if targets.len() == 1 { "" } else { "s" }
            ),
            false,
        );
    }
}
