//! The terminal UI.
/// Opens the browser.
pub fn run(_paths: &[std::path::PathBuf]) -> std::io::Result<()> {
    Ok(())
}
