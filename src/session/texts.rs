//! The texts the screen needs, read before drawing: drawing only looks texts up here and never
//! reads a file. A bounded number stay in memory, the least recently shown let go first (a file
//! can be read again); a read that failed is remembered with its reason, for the screen to say.

use crate::corpus::{Corpus, DocId, Document};
use std::collections::VecDeque;

/// How a document's text is read (the file, for the browser; something else in tests).
pub type TextReader = fn(&Document) -> Result<(), String>;

/// Texts read for the screen, most recently used last.
#[derive(Debug, Clone)]
pub struct TextCache {
    recent: VecDeque<(DocId, Result<(), String>)>,
    capacity: usize,
    reader: TextReader,
}

/// How many texts stay read: a screenful of mention-list rows from as many documents, and more.
const CAPACITY: usize = 256;

impl Default for TextCache {
    fn default() -> Self {
        TextCache::with_reader(|doc| doc.text.load())
    }
}

impl TextCache {
    /// A cache reading texts with `reader`.
    pub fn with_reader(reader: TextReader) -> TextCache {
        TextCache {
            recent: VecDeque::new(),
            capacity: CAPACITY,
            reader,
        }
    }

    /// Reads document `doc`'s text unless it is read already; lets the least recently used
    /// text go when there are too many. IO: called while handling events, never while drawing.
    pub fn load(&mut self, corpus: &mut Corpus, doc: DocId) -> Result<(), String> {
        let Some(document) = corpus.docs.get(doc.index()) else {
            return Err(format!("no document {doc}"));
        };
        let at = self.recent.iter().position(|(d, _)| *d == doc);
        let entry = at.and_then(|i| self.recent.remove(i));
        // A text let go since (by another part of the program) is read again.
        let outcome = match entry {
            Some((_, Ok(()))) if document.text.held().is_some() => Ok(()),
            Some((_, Err(why))) => Err(why),
            _ => (self.reader)(document),
        };
        self.recent.push_back((doc, outcome.clone()));
        while self.recent.len() > self.capacity {
            if let Some((old, _)) = self.recent.pop_front() {
                if let Some(d) = corpus.docs.get_mut(old.index()) {
                    d.text.release();
                }
            }
        }
        outcome
    }

    /// Document `doc`'s text if it was read: the text, or why it cannot be shown. None when it
    /// was not read (the screen says so). Never reads a file.
    pub fn get<'a>(&self, corpus: &'a Corpus, doc: DocId) -> Option<Result<&'a str, String>> {
        let (_, outcome) = self.recent.iter().rev().find(|(d, _)| *d == doc)?;
        match outcome {
            Err(why) => Some(Err(why.clone())),
            Ok(()) => corpus.docs.get(doc.index())?.text.held().map(Ok),
        }
    }

    /// Forgets what was read (the corpus was replaced).
    pub fn clear(&mut self) {
        self.recent.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_read_is_remembered_with_its_reason_and_nothing_is_read_by_looking() {
        let mut corpus = Corpus::bundled();
        let mut cache = TextCache::with_reader(|_| Err("every read fails".into()));
        assert_eq!(
            cache.get(&corpus, DocId(0)),
            None,
            "not read, not reported read"
        );
        assert_eq!(
            cache.load(&mut corpus, DocId(0)),
            Err("every read fails".into())
        );
        assert_eq!(
            cache.get(&corpus, DocId(0)),
            Some(Err("every read fails".into()))
        );
        let mut reading = TextCache::default();
        assert_eq!(reading.load(&mut corpus, DocId(1)), Ok(()));
        assert!(reading
            .get(&corpus, DocId(1))
            .is_some_and(|t| t.is_ok_and(|t| !t.is_empty())));
    }
}
