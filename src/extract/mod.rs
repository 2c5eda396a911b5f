//! Entity extraction: several recognizers propose candidates, overlaps are resolved, and
//! mentions are linked to canonical entities within each document.

mod abbreviations;
mod companies_zh;
mod counties;
mod gazetteer_zh;
mod kin_names_zh;
pub mod learned;
mod link;
mod listed_names_zh;
mod listed_zh;
mod name_key;
mod offices_zh;
mod orgs;
mod orgs_zh;
mod persons_en;
mod persons_foreign;
mod persons_foreign_en;
mod persons_zh;
mod places_en;
mod proper_zh;
mod regions;
mod runs;
pub mod script;
pub mod segment;
mod short_forms;
mod titles;
mod towns_register;
mod towns_zh;
mod travel_abbreviations;
mod zones;
mod zones_en;
mod zones_named;
pub use regions::gazetteer_aliases;
pub mod tables;
pub mod tokens;

/// Chinese titles before a name (区委书记) and after one (习近平总书记), for roles.
pub(crate) use offices_zh::{
    before_name as zh_before_name, TITLES_AFTER_NAME as ZH_TITLES_AFTER_NAME,
};

/// The extractor's version: the package version and a fingerprint of its code and tables. The
/// extraction cache and the snapshot are named after it.
pub const VERSION: &str = env!("GAZETTE_EXTRACTOR_VERSION");

use crate::corpus::{Document, Lang};
use crate::model::{Label, Mention, Source};
use std::collections::BTreeMap;
use std::ops::Range;

/// A mention proposed by one recognizer, before overlaps are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub span: Range<usize>,
    pub label: Label,
    pub key: String,
    pub canonical: String,
    pub recognizer: &'static str,
}

/// One way of finding entities in a document.
pub trait Recognizer: Send + Sync {
    /// Short name recorded as each mention's source.
    fn name(&self) -> &'static str;
    /// Whether the recognizer reads documents in this language.
    fn handles(&self, lang: Lang) -> bool;
    /// Appends the candidates found in `doc` (`words`: what recognizers share of it).
    fn recognize(&self, doc: &Document, words: &Words, out: &mut Vec<Candidate>);
}

/// What several recognizers read of one document, worked out once, when first asked for.
pub struct Words<'d> {
    text: &'d str,
    han: std::cell::OnceCell<Vec<segment::Token>>,
    non_ascii: std::cell::OnceCell<Vec<Range<usize>>>,
    latin: std::cell::OnceCell<Vec<Range<usize>>>,
}

impl<'d> Words<'d> {
    fn new(text: &'d str) -> Self {
        Words {
            text,
            han: std::cell::OnceCell::new(),
            non_ascii: std::cell::OnceCell::new(),
            latin: std::cell::OnceCell::new(),
        }
    }

    /// jieba's words and tags for every line with ideographs.
    pub fn han(&self) -> &[segment::Token] {
        self.han.get_or_init(|| segment::tag_han_lines(self.text))
    }

    /// The runs of non-ASCII characters: where a Chinese name can be.
    pub fn non_ascii(&self) -> &[Range<usize>] {
        self.non_ascii.get_or_init(|| runs::non_ascii(self.text))
    }

    /// The runs without East Asian characters holding a Latin letter: where an English name
    /// can be.
    pub fn latin(&self) -> &[Range<usize>] {
        self.latin.get_or_init(|| runs::latin(self.text))
    }
}

/// The source recorded for the learned model's mentions.
const LEARNED: &str = "learned";

/// The built-in extractor: every recognizer, then overlap resolution, the learned model where
/// the rules found nothing, and linking.
pub struct Extractor {
    recognizers: Vec<Box<dyn Recognizer>>,
    learned: Option<&'static learned::Weights>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor {
            recognizers: vec![
                Box::new(persons_en::PersonsEn),
                Box::new(persons_foreign_en::PersonsForeignEn),
                Box::new(persons_zh::PersonsZh),
                Box::new(persons_foreign::PersonsForeign),
                Box::new(kin_names_zh::KinNamesZh),
                Box::new(regions::Regions),
                Box::new(places_en::PlacesEn),
                Box::new(orgs::Orgs),
                Box::new(abbreviations::Abbreviations),
                Box::new(travel_abbreviations::TravelAbbreviations),
                Box::new(proper_zh::ProperZh),
                Box::new(towns_zh::TownsZh),
            ],
            learned: learned::shipped(),
        }
    }
}

impl Extractor {
    /// The rules alone, without the learned model (what the model is trained beside).
    pub fn rules_only() -> Self {
        Extractor {
            learned: None,
            ..Extractor::default()
        }
    }

    /// `name` as the static name of a recognizer or a linking step (for mentions read back from
    /// the cache); "cache" for a name none has.
    pub fn recognizer_name(&self, name: &str) -> &'static str {
        self.recognizers
            .iter()
            .map(|r| r.name())
            .chain([LEARNED])
            .chain(link::SOURCES.iter().copied())
            .find(|n| *n == name)
            .unwrap_or("cache")
    }

    /// Mentions in `doc`, sorted by position, never overlapping and never in page chrome.
    /// A document longer than `CHUNK` (a concatenation, not an article) is read in pieces of
    /// about that size cut at line or sentence ends, so that the memory the recognizers need
    /// stays bounded; names are then linked within a piece, not across pieces.
    pub fn extract(&self, doc: &Document) -> Vec<Mention> {
        self.extract_in_pieces(doc, CHUNK)
    }

    /// [`Extractor::extract`] with pieces of about `size` bytes.
    fn extract_in_pieces(&self, doc: &Document, size: usize) -> Vec<Mention> {
        if doc.text.len() <= size {
            return self.extract_whole(doc);
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < doc.text.len() {
            let end = chunk_end(&doc.text, start, size);
            pieces.push(start..end);
            start = end;
        }
        let read = |range: &Range<usize>| {
            let piece = Document {
                id: doc.id,
                path: doc.path.clone(),
                text: doc.text[range.clone()].to_string().into(),
                lang: doc.lang,
                meta: doc.meta.clone(),
                chrome: (doc.chrome.iter())
                    .filter(|c| c.start < range.end && range.start < c.end)
                    .map(|c| {
                        c.start.max(range.start) - range.start..c.end.min(range.end) - range.start
                    })
                    .collect(),
                encoding: doc.encoding,
            };
            let mut mentions = self.extract_whole(&piece);
            for m in &mut mentions {
                m.span = m.span.start + range.start..m.span.end + range.start;
            }
            mentions
        };
        // The pieces are read on every core, each worker taking the next piece not yet taken.
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let found: Vec<std::sync::Mutex<Vec<Mention>>> =
            pieces.iter().map(|_| Default::default()).collect();
        std::thread::scope(|scope| {
            for _ in 0..workers.min(pieces.len()) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(range) = pieces.get(i) else { break };
                    let mentions = read(range);
                    if let Ok(mut slot) = found[i].lock() {
                        *slot = mentions;
                    }
                });
            }
        });
        let found: Vec<Vec<Mention>> = (found.into_iter())
            .map(|slot| slot.into_inner().unwrap_or_default())
            .collect();
        // Sized once: a list of millions grown by doubling would hold twice its size.
        let mut out = Vec::with_capacity(found.iter().map(Vec::len).sum());
        for mentions in found {
            out.extend(mentions);
        }
        out
    }

    /// Mentions in `doc`, read as one piece.
    fn extract_whole(&self, doc: &Document) -> Vec<Mention> {
        segment::load_in_background();
        // A traditional text is read in simplified characters at the same offsets, so the
        // tables find 廣州 as 广州 (and link them), while spans still point into the original.
        let blanked = without_chrome(&doc.text, &doc.chrome);
        let simplified = script::simplified(blanked.as_deref().unwrap_or(&doc.text));
        let readable = simplified.or(blanked).map(|text| Document {
            id: doc.id,
            path: doc.path.clone(),
            text: text.into(),
            lang: doc.lang,
            meta: doc.meta.clone(),
            chrome: doc.chrome.clone(),
            encoding: doc.encoding,
        });
        let doc = readable.as_ref().unwrap_or(doc);
        let mut candidates = Vec::new();
        let words = Words::new(&doc.text);
        for r in self.recognizers.iter().filter(|r| r.handles(doc.lang)) {
            r.recognize(doc, &words, &mut candidates);
        }
        candidates.retain(|c| !c.span.is_empty() && !doc.in_chrome(&c.span));
        let mut kept = resolve_overlaps(candidates);
        link::link(doc, &mut kept);
        if let Some(weights) = self.learned {
            learned::add_persons(weights, doc, &words, &mut kept);
            // Again for the names the model found; the first pass (in `link`) let the rules'
            // names claim their familiar forms (老贾) before the model could read one as a name.
            link::familiar_names(doc, &mut kept);
        }
        let titles = titles::document_titles(&doc.text);
        kept.retain(|c| !doc.in_chrome(&c.span) && !titles::inside(&titles, &c.span));
        kept.sort_by_key(|c| (c.span.start, c.span.end));
        // One shared copy of each key and name in the document, not one per mention.
        let mut shared: rustc_hash::FxHashMap<String, std::sync::Arc<str>> = Default::default();
        let mut share = |s: String| match shared.get(&s) {
            Some(arc) => arc.clone(),
            None => {
                let arc: std::sync::Arc<str> = s.as_str().into();
                shared.insert(s, arc.clone());
                arc
            }
        };
        kept.into_iter()
            .map(|c| Mention {
                doc: doc.id,
                span: c.span,
                label: c.label,
                key: share(c.key),
                canonical: share(c.canonical),
                source: Source::Builtin(c.recognizer),
            })
            .collect()
    }
}

/// Bytes of a document read as one piece: far more than any article, small enough that the
/// recognizers' working memory stays a few dozen times this.
pub const CHUNK: usize = 2 << 20;

/// Where the piece of `text` that starts at `start` ends: at the first line end past `size`
/// bytes (if one comes within 64 KiB), else after the last sentence end or space before
/// that, else at a character boundary. Always past `start`.
fn chunk_end(text: &str, start: usize, size: usize) -> usize {
    const SLACK: usize = 64 << 10;
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut target = floor(start.saturating_add(size));
    if target <= start {
        // Less than one character asked: one character.
        target = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    if target >= text.len() {
        return text.len();
    }
    let ahead = &text[target..floor(target.saturating_add(SLACK))];
    if let Some(i) = ahead.find('\n') {
        return target + i + 1;
    }
    let behind = &text[floor(target.saturating_sub(SLACK).max(start))..target];
    let after = |i: usize| i + behind[i..].chars().next().map_or(1, char::len_utf8);
    let sentence = (behind.rfind(['。', '！', '？', '.', '!', '?', ';', '；']))
        .or_else(|| behind.rfind(char::is_whitespace))
        .map(after);
    match sentence {
        Some(i) if target - behind.len() + i > start => target - behind.len() + i,
        _ => target,
    }
}

/// `text` with its page chrome blanked (every byte but line ends made a space), at the same
/// offsets: the recognizers spend no time on text whose mentions would be dropped, and
/// nothing in a footer or a link farm can be taken for a name in the article. None when there
/// is no chrome.
fn without_chrome(text: &str, chrome: &[Range<usize>]) -> Option<String> {
    if chrome.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for range in chrome {
        for b in bytes.get_mut(range.clone()).into_iter().flatten() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // A range not on character boundaries would break the text: read it as it is then.
    String::from_utf8(bytes).ok()
}

/// A candidate of `label` at every occurrence of each name in `text` (overlapping ones too:
/// overlaps are resolved later), with the key and display name `identity` gives the name. One
/// pass over the text for all the names, so the time stays linear however many names a long
/// document holds.
fn every_occurrence(
    text: &str,
    names: &[&str],
    identity: impl Fn(&str) -> (String, String),
    label: Label,
    recognizer: &'static str,
    out: &mut Vec<Candidate>,
) {
    if names.is_empty() {
        return;
    }
    // Built for each document: an NFA builds in a fraction of a DFA's time and searches a
    // short text as fast.
    let Ok(matcher) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(names)
    else {
        return; // more names than the automaton can hold: none is repeated
    };
    let identities: Vec<(String, String)> = names.iter().map(|n| identity(n)).collect();
    for m in matcher.find_overlapping_iter(text) {
        let (key, canonical) = &identities[m.pattern().as_usize()];
        out.push(Candidate {
            span: m.start()..m.end(),
            label: label.clone(),
            key: key.clone(),
            canonical: canonical.clone(),
            recognizer,
        });
    }
}

/// Longest span wins; among equal spans, persons beat organizations beat regions (a name is the
/// rarer, more specific reading). A region inside an organization's name thus goes with it.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    let rank = |l: &Label| match l {
        Label::Person => 0,
        Label::Org => 1,
        Label::Region => 2,
        Label::Other(_) => 3,
    };
    candidates.sort_by(|a, b| {
        (b.span.len(), rank(&a.label), a.span.start).cmp(&(
            a.span.len(),
            rank(&b.label),
            b.span.start,
        ))
    });
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for c in candidates {
        if overlaps(&taken, &c.span) {
            continue;
        }
        taken.insert(c.span.start, c.span.end);
        kept.push(c);
    }
    kept
}

/// Whether `span` overlaps any range in `taken` (start → end, disjoint).
pub(crate) fn overlaps(taken: &BTreeMap<usize, usize>, span: &Range<usize>) -> bool {
    let before = taken.range(..span.end).next_back();
    before.is_some_and(|(_, &end)| end > span.start)
}

#[cfg(test)]
mod beyond_tables_tests;
#[cfg(test)]
mod local_bodies_tests;
#[cfg(test)]
mod local_news_tests;
#[cfg(test)]
mod local_places_tests;
#[cfg(test)]
mod national_news_tests;
#[cfg(test)]
mod pieces_tests;
#[cfg(test)]
mod stories_tests;
#[cfg(test)]
mod tests;
