//! Long documents: read in pieces, each cut between sentences, with offsets in the whole text.

use super::{chunk_end, Extractor};
use crate::corpus::{DocId, Document, SourceEncoding};
use crate::model::{Label, Mention};
use std::ops::Range;

#[test]
fn a_long_document_is_read_in_pieces_cut_between_sentences() {
    // Pieces of 4 KiB, as a 200 MB file is read in pieces of 2 MiB.
    let extractor = Extractor::default();
    let spans = |m: &[Mention]| -> Vec<(Range<usize>, Label)> {
        m.iter()
            .map(|m| (m.span.clone(), m.label.clone()))
            .collect()
    };
    for (article, name) in [
        ("Mayor Wang Anbo visited Qingdao and spoke.\n", "Wang Anbo"),
        ("局长李建国在青岛表示，工作顺利。\n", "李建国"),
    ] {
        let text = format!("A long enough title\n\n{}", article.repeat(400));
        let doc = Document::new(
            DocId(0),
            "long.txt".into(),
            text.clone(),
            SourceEncoding::Utf8,
        );
        let pieces = extractor.extract_in_pieces(&doc, 4096);
        assert_eq!(
            spans(&pieces),
            spans(&extractor.extract_in_pieces(&doc, usize::MAX))
        );
        let found = pieces
            .iter()
            .filter(|m| text[m.span.clone()] == *name)
            .count();
        assert_eq!(
            found, 400,
            "every piece finds {name}, at offsets in the whole text"
        );
    }

    // One line without line ends is cut after a sentence, in Chinese as in English.
    let line = "局长李建国表示，工作顺利。".repeat(1000);
    let end = chunk_end(&line, 0, 4096);
    assert!(line[..end].ends_with('。') && end <= 4096, "cut at {end}");
    let words = "no sentence end here ".repeat(1000);
    let end = chunk_end(&words, 0, 4096);
    assert!(words[..end].ends_with(' ') && end <= 4096, "cut at {end}");
    assert_eq!(chunk_end("字字", 0, 1), 3, "at least one character");
    let solid = "字".repeat(3000);
    let end = chunk_end(&solid, 0, 4096);
    assert!(solid.is_char_boundary(end) && end > 4000, "cut at {end}");
}
