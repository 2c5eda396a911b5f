//! Writes a synthetic corpus for benchmarks and for trying gazette at scale:
//! `cargo run --release --example gen_corpus -- OUT_DIR N [SEED]`.
//!
//! Each article is recombined from the bundled ones: the title and header of one article, then
//! paragraphs of articles in the same language. Every person and place the built-in extractor
//! finds in them is replaced, consistently within the article, by a name drawn from the
//! gazetteers: persons from the surname and given-name tables (romanized in English articles),
//! places from the division table. Officials recur across articles with a skewed (Zipf-like)
//! frequency, as in real news, so filters see both very common and very rare names.
//! Files go into folders of 1,000 (`OUT_DIR/0042/042123.txt`).

use gazette::corpus::{Corpus, Document, Lang};
use gazette::extract::tables::{Level, TABLES};
use gazette::extract::Extractor;
use gazette::model::Label;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

/// One paragraph of a bundled article with the persons and places in it.
struct Paragraph {
    text: String,
    /// Byte span in `text`, label, and the entity's key.
    slots: Vec<(Range<usize>, Label, String)>,
}

/// A bundled article cut into paragraphs: the first `header` of them are title and byline.
struct Template {
    lang: Lang,
    paragraphs: Vec<Paragraph>,
    header: usize,
}

fn templates() -> Vec<Template> {
    let corpus = Corpus::bundled();
    let extractor = Extractor::default();
    corpus
        .docs
        .iter()
        .map(|d| template(d, &extractor))
        .collect()
}

fn template(doc: &Document, extractor: &Extractor) -> Template {
    let mentions = extractor.extract(doc);
    let mut paragraphs = Vec::new();
    let mut header = 0;
    let mut start = 0;
    for piece in doc.text.split_inclusive('\n') {
        let span = start..start + piece.len();
        start = span.end;
        if piece.trim().is_empty() {
            continue;
        }
        // The title, then page chrome up to the first paragraph of text, is the header; chrome
        // elsewhere (footers, share buttons) is left out.
        let chrome = doc.in_chrome(&span);
        if paragraphs.len() == header && (header == 0 || chrome) {
            header += 1;
        } else if chrome {
            continue;
        }
        let text = piece.trim_end();
        // Long paragraphs (some articles are one line) are cut at sentence ends, so that
        // articles can be recombined at a realistic size.
        let heading = paragraphs.len() < header;
        for part in sentences(text, if heading { usize::MAX } else { 700 }) {
            let at = span.start + (part.as_ptr() as usize - text.as_ptr() as usize);
            let slots = mentions
                .iter()
                .filter(|m| m.span.start >= at && m.span.end <= at + part.len())
                .filter(|m| matches!(m.label, Label::Person | Label::Region))
                .map(|m| {
                    (
                        m.span.start - at..m.span.end - at,
                        m.label.clone(),
                        m.key.to_string(),
                    )
                })
                .collect();
            paragraphs.push(Paragraph {
                text: part.to_string(),
                slots,
            });
        }
    }
    let header = header.min(paragraphs.len().saturating_sub(1)).max(1);
    Template {
        lang: doc.lang,
        paragraphs,
        header,
    }
}

/// `text` in pieces of about `size` bytes or more, each ending at a sentence end.
fn sentences(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if matches!(c, '.' | '。' | '!' | '！' | '?' | '？') && end - start >= size {
            out.push(text[start..end].trim());
            start = end;
        }
    }
    if start < text.len() {
        out.push(text[start..].trim());
    }
    out.retain(|p| !p.is_empty());
    out
}

/// A person: Chinese characters and their romanization.
struct Person {
    zh: String,
    en: String,
}

/// Draws persons and places, skewed so that a few recur often.
struct Names {
    rng: fastrand::Rng,
    persons: Vec<Person>,
    places: Vec<(String, String)>,
}

impl Names {
    fn new(seed: u64, articles: usize) -> Names {
        let mut rng = fastrand::Rng::with_seed(seed);
        let surnames = weighted_rows(include_str!("../assets/surnames.tsv"));
        let given = weighted_rows(include_str!("../assets/given_chars.tsv"));
        let pool = (articles * 3).clamp(100, 2_000_000);
        let persons = (0..pool)
            .map(|_| {
                let (sur_zh, sur_py) = pick_weighted(&mut rng, &surnames);
                let mut zh = sur_zh.clone();
                let mut given_py = String::new();
                for _ in 0..rng.usize(1..=2) {
                    let (c, py) = pick_weighted(&mut rng, &given);
                    zh.push_str(c);
                    given_py.push_str(py);
                }
                let en = format!("{} {}", capitalize(sur_py), capitalize(&given_py));
                Person { zh, en }
            })
            .collect();
        let places = TABLES
            .places
            .iter()
            .filter(|p| p.level != Level::Country && !p.english.is_empty())
            .map(|p| {
                let zh = if p.level.bare_name_used() {
                    &p.zh_short
                } else {
                    &p.zh
                };
                (zh.clone(), p.english[0].clone())
            })
            .collect();
        Names {
            rng,
            persons,
            places,
        }
    }

    /// An index in 0..n, small ones far more often (roughly Zipf).
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.rng.f64();
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }

    fn person(&mut self, lang: Lang) -> String {
        let i = self.skewed(self.persons.len());
        let p = &self.persons[i];
        if lang == Lang::Zh {
            p.zh.clone()
        } else {
            p.en.clone()
        }
    }

    fn place(&mut self, lang: Lang) -> String {
        let i = self.skewed(self.places.len());
        let (zh, en) = &self.places[i];
        if lang == Lang::Zh {
            zh.clone()
        } else {
            en.clone()
        }
    }
}

/// (first column, pinyin without tone) with the weight column, from a generated table.
fn weighted_rows(tsv: &str) -> Vec<(String, String, f64)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            // surnames.tsv: name, ppm, readings; given_chars.tsv: char, pinyin, ppm.
            let (reading, weight) = match cols.as_slice() {
                [_, ppm, readings] if ppm.parse::<f64>().is_ok() => (*readings, *ppm),
                [_, pinyin, ppm] => (*pinyin, *ppm),
                _ => return None,
            };
            let reading = reading
                .split('|')
                .next()?
                .trim_end_matches(|c: char| c.is_ascii_digit());
            Some((
                cols[0].to_string(),
                reading.to_string(),
                weight.parse().ok()?,
            ))
        })
        .filter(|(name, reading, _)| name.chars().count() == 1 && reading.is_ascii())
        .collect()
}

fn pick_weighted<'a>(
    rng: &mut fastrand::Rng,
    rows: &'a [(String, String, f64)],
) -> (&'a String, &'a str) {
    let total: f64 = rows.iter().map(|r| r.2).sum();
    let mut target = rng.f64() * total;
    for (name, reading, weight) in rows {
        target -= weight;
        if target <= 0.0 {
            return (name, reading);
        }
    }
    let last = &rows[rows.len() - 1];
    (&last.0, &last.1)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One article: a header from one template, body paragraphs from templates in its language,
/// every person and place renamed consistently.
fn article(templates: &[Template], names: &mut Names, n: usize) -> String {
    let main = &templates[names.rng.usize(0..templates.len())];
    let same: Vec<&Template> = templates.iter().filter(|t| t.lang == main.lang).collect();
    let mut chosen: Vec<&Paragraph> = main.paragraphs[..main.header].iter().collect();
    let target = names.rng.usize(1_000..7_000);
    let mut size = 0;
    while size < target {
        let t = same[names.rng.usize(0..same.len())];
        let body = &t.paragraphs[t.header.min(t.paragraphs.len() - 1)..];
        let p = &body[names.rng.usize(0..body.len())];
        size += p.text.len();
        chosen.push(p);
    }
    let mut renamed: HashMap<(Label, String), String> = HashMap::new();
    let mut out = String::with_capacity(size + 256);
    for (i, p) in chosen.iter().enumerate() {
        let mut at = 0;
        for (span, label, key) in &p.slots {
            if span.start < at {
                continue;
            }
            out.push_str(&p.text[at..span.start]);
            let name = renamed
                .entry((label.clone(), key.clone()))
                .or_insert_with(|| match label {
                    Label::Person => names.person(main.lang),
                    _ => names.place(main.lang),
                });
            out.push_str(name);
            at = span.end;
        }
        out.push_str(&p.text[at..]);
        out.push_str("\n\n");
        if i == 0 && n.is_multiple_of(7) {
            // Some articles carry a date line of their own, in the forms the seeds use.
            let day = n % 28 + 1;
            let month = n % 12 + 1;
            out.push_str(&format!("2023-{month:02}-{day:02} 09:30\n\n"));
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(n)) = (args.first(), args.get(1)) else {
        return Err("usage: gen_corpus OUT_DIR N [SEED]".into());
    };
    let out = PathBuf::from(out);
    let n: usize = n
        .parse()
        .map_err(|_| format!("N must be a number, not {n:?}"))?;
    let seed: u64 = match args.get(2) {
        Some(s) => s
            .parse()
            .map_err(|_| format!("SEED must be a number, not {s:?}"))?,
        None => 42,
    };
    let templates = templates();
    let mut names = Names::new(seed, n);
    let mut bytes = 0usize;
    for i in 0..n {
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let text = article(&templates, &mut names, i);
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:06}.txt")), text)?;
    }
    eprintln!(
        "{n} articles, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
