//! Embeds the bundled corpus (`seeds/`) in the binary, so `gazette` with no path works anywhere,
//! and fingerprints the extractor (its code and tables) so cached extractions of an older one are
//! never used.

use std::hash::{Hash, Hasher};
use std::{env, fs, path::Path};

fn main() {
    embed_seeds();
    fingerprint_extractor();
}

/// `GAZETTE_EXTRACTOR_VERSION`: the package version and a hash of every file whose change can
/// change what a document's extraction holds (recognizers, tables, metadata and chrome).
fn fingerprint_extractor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let inputs = [
        "src/extract",
        "assets",
        "src/corpus/meta.rs",
        "src/corpus/chrome.rs",
        "src/cache.rs",
        // What a snapshot holds: a change to its layout is a new version too.
        "src/snapshot.rs",
        "src/corpus/text.rs",
        "src/index/stored.rs",
    ];
    let mut files = Vec::new();
    for input in inputs {
        let path = root.join(input);
        println!("cargo:rerun-if-changed={}", path.display());
        match fs::read_dir(&path) {
            Ok(dir) => files.extend(dir.filter_map(Result::ok).map(|e| e.path())),
            Err(_) => files.push(path),
        }
    }
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for file in files {
        file.strip_prefix(root).unwrap_or(&file).hash(&mut hasher);
        fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    let version = format!("{}-{:016x}", env!("CARGO_PKG_VERSION"), hasher.finish());
    println!("cargo:rustc-env=GAZETTE_EXTRACTOR_VERSION={version}");
}

fn embed_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The bundled corpus: (file name, bytes).\npub static SEEDS: &[(&str, &[u8])] = &[\n",
    );
    for name in names {
        let path = seeds.join(&name);
        println!("cargo:rerun-if-changed={}", path.display());
        code.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("seeds.rs");
    fs::write(out, code).expect("write seeds.rs");
}
