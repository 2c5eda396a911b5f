//! `w` in a list or pane: what it shows written to a file in the working folder — the mention
//! list and the hits as CSV (path, date, offsets, text, context), a profile as JSON, the pairs
//! as CSV.

use super::app::{App, Effect, Overlay};
use crate::explore::export::{
    mention_places, pairs_table, places_table, profile_json, search_places, TableFormat,
};

impl App {
    /// `w`: asks for the open list or pane to be written out.
    pub(super) fn ask_write_out(&mut self) {
        self.effects.push(Effect::WriteOut);
    }

    /// Writes the open list or pane to `gazette-SECONDS-KIND.csv` (or `.json`) in
    /// [`App::export_dir`], saying where.
    pub(super) fn write_out(&mut self) {
        let (kind, body) = match self.overlay() {
            Some(Overlay::Mentions(list)) => {
                let mentions = self.ws.index.entity(list.entity).mentions.clone();
                let places = mention_places(&self.ws.corpus, &self.ws.index, &mentions);
                ("mentions.csv", places_table(&places, TableFormat::Csv))
            }
            // Every hit in the listed documents, not only the ones the list shows.
            Some(Overlay::Hits(_)) => {
                let Some(search) = &self.search else {
                    return;
                };
                let docs: Vec<_> = (self.list.docs.iter().copied())
                    .filter(|d| search.docs.binary_search(d).is_ok())
                    .collect();
                let places = search_places(&self.ws.corpus, &docs, &search.query, usize::MAX);
                ("hits.csv", places_table(&places, TableFormat::Csv))
            }
            Some(Overlay::Profile(pane)) => (
                "profile.json",
                profile_json(&self.ws.corpus, &self.ws.index, &pane.profile),
            ),
            Some(Overlay::Cooc(pane)) => (
                "pairs.csv",
                pairs_table(&self.ws.index, &pane.pairs, pane.together, TableFormat::Csv),
            ),
            _ => return,
        };
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let path = self.export_dir.join(format!("gazette-{seconds}-{kind}"));
        self.message = Some(match std::fs::write(&path, body) {
            Ok(()) => format!("written to {}", path.display()),
            Err(e) => format!("{}: not written: {e}", path.display()),
        });
    }
}
