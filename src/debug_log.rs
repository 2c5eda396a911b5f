//! The debug log: timings of loading, extraction, filtering and drawing, written to a file the
//! user names (`--log FILE` or `GAZETTE_LOG=FILE`) so a slow case can be reported. Never the
//! screen; off unless asked for.

use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct Log {
    file: Mutex<std::fs::File>,
    started: Instant,
}

static LOG: OnceLock<Log> = OnceLock::new();

/// Starts logging to `path` (appending). Returns why not when the file cannot be opened.
pub fn init(path: &Path) -> Result<(), String> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let log = Log {
        file: Mutex::new(file),
        started: Instant::now(),
    };
    let _ = LOG.set(log);
    self::log(format_args!(
        "gazette {} started (extractor {})",
        env!("CARGO_PKG_VERSION"),
        env!("GAZETTE_EXTRACTOR_VERSION")
    ));
    Ok(())
}

/// Whether anything is being logged (to skip measuring when not).
pub fn enabled() -> bool {
    LOG.get().is_some()
}

/// Writes one line, stamped with the milliseconds since logging started.
pub fn log(message: std::fmt::Arguments) {
    if let Some(log) = LOG.get() {
        let ms = log.started.elapsed().as_secs_f64() * 1e3;
        if let Ok(mut file) = log.file.lock() {
            let _ = writeln!(file, "{ms:10.1} ms  {message}");
        }
    }
}
