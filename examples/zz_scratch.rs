use std::time::Instant;
fn main() {
    let root = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or_default();
    let t = Instant::now();
    let files: Vec<_> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    println!("listed {} in {:?}", files.len(), t.elapsed());
    let t = Instant::now();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let cache = gazette::cache::default_dir();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let c = if mode.contains("db") {
                    gazette::cache::Cache::open_read(cache.as_ref().unwrap()).ok()
                } else {
                    None
                };
                let mut n = 0usize;
                loop {
                    let i = next.fetch_add(32, std::sync::atomic::Ordering::Relaxed);
                    if i >= files.len() {
                        break;
                    }
                    for f in &files[i..(i + 32).min(files.len())] {
                        let b = std::fs::read(f).unwrap();
                        let h = gazette::cache::content_hash(&b);
                        let s = String::from_utf8(b).unwrap_or_default();
                        n += s.len();
                        if let Some(c) = &c {
                            if let Some(a) = c.get(&h) {
                                n += a.mentions.len();
                            }
                        }
                    }
                }
                n
            });
        }
    });
    println!("read in {:?}", t.elapsed());
}
