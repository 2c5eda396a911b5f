//! Any text: metadata, chrome and extraction stay inside it.
#![no_main]
use gazette::corpus::{Document, SourceEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = Document::new(0, "x.txt".into(), text.to_string(), SourceEncoding::Utf8);
    for m in gazette::extract::Extractor::default().extract(&doc) {
        assert!(text.get(m.span.clone()).is_some());
    }
});
