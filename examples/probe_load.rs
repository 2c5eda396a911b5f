use gazette::corpus::stream::{load_all, Input, Options};
use std::time::Instant;
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let p: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let t = Instant::now();
    let (c, m) = load_all(
        Input::Paths(p),
        Options {
            extract: true,
            cache_dir: std::env::var_os("GAZETTE_CACHE_DIR").map(Into::into),
        },
    );
    eprintln!(
        "load {:?} docs {} mentions {}",
        t.elapsed(),
        c.docs.len(),
        m.len()
    );
    let t = Instant::now();
    let index = gazette::index::Index::build(&c, m);
    eprintln!("index {:?} entities {}", t.elapsed(), index.entities.len());
}
