//! The README's key table says what the key table in the code does.

#[test]
fn readme_describes_every_binding() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    for b in gazette::tui::keymap::DEFAULTS {
        assert!(
            readme.contains(b.help),
            "README.md does not describe {:?} ({:?})",
            b.help,
            b.action
        );
    }
    assert!(readme.contains("cargo run --release") && readme.contains("cargo test"));
}
