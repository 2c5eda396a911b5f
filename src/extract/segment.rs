//! Chinese word segmentation and part-of-speech tags (jieba-rs and its bundled dictionary),
//! loaded on first use.

use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::LazyLock;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Starts loading jieba's dictionary (about 0.1 s) on a thread of its own, once, so that the
/// first extraction builds the other tables meanwhile instead of after it.
pub fn load_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // Tagging once also loads jieba's part-of-speech tables, which it reads on the first
        // tagging (about 25 ms more).
        let spawned = std::thread::Builder::new()
            .name("gazette-jieba".into())
            .spawn(|| LazyLock::force(&JIEBA).tag("中文", true).len());
        // Without a thread, the first Chinese text loads it where it is needed.
        drop(spawned);
    });
}

/// A word of segmented text: its byte range in the text given and its jieba tag
/// (ns place, nr person, nt organization, nz other proper noun, j abbreviation, v verb, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub tag: &'static str,
}

impl Token {
    /// Tags jieba gives proper nouns other than persons: the evidence that a run names something.
    pub fn is_proper(&self) -> bool {
        matches!(self.tag, "ns" | "nz" | "nt" | "j")
    }
}

/// jieba's part-of-speech tags, held once (a token then costs no allocation).
const TAGS: &[&str] = &[
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k",
    "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r",
    "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg",
    "vi", "vn", "vq", "x", "y", "z", "zg",
];

/// A tag of up to four bytes as one number (comparing numbers is cheaper than comparing strings,
/// and every token's tag is interned).
fn tag_key(tag: &str) -> Option<u32> {
    (tag.len() <= 4).then(|| tag.bytes().fold(0, |k, b| k << 8 | u32::from(b)))
}

/// `TAGS` by key, sorted.
static TAG_KEYS: LazyLock<Vec<(u32, &'static str)>> = LazyLock::new(|| {
    let mut keys: Vec<(u32, &'static str)> = TAGS
        .iter()
        .filter_map(|&t| Some((tag_key(t)?, t)))
        .collect();
    keys.sort_unstable();
    keys
});

/// `tag` as one of `TAGS`; a tag jieba adds one day reads as "x" (unknown).
fn interned(tag: &str) -> &'static str {
    tag_key(tag)
        .and_then(|k| TAG_KEYS.binary_search_by_key(&k, |&(key, _)| key).ok())
        .map_or("x", |i| TAG_KEYS[i].1)
}

/// Segments and tags `text` (HMM on, so unknown names come out as words).
pub fn tag(text: &str) -> Vec<Token> {
    let mut at = 0;
    JIEBA
        .tag(text, true)
        .into_iter()
        .map(|t| {
            // jieba's words follow one another; searching is only a safeguard.
            let start = if text[at..].starts_with(t.word) {
                at
            } else {
                text[at..].find(t.word).map_or(at, |i| at + i)
            };
            at = start + t.word.len();
            Token {
                range: start..at,
                tag: interned(t.tag),
            }
        })
        .collect()
}

/// The words of every line of `text` that has ideographs (an English article's Chinese byline
/// included), with ranges in `text`.
pub fn tag_han_lines(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.chars().any(crate::corpus::meta::is_han) {
            out.extend(tag(line).into_iter().map(|mut t| {
                t.range = t.range.start + at..t.range.end + at;
                t
            }));
        }
        at += line.len();
    }
    out
}

/// Frequent two-character common words of jieba's dictionary (assets/common_words.txt).
static FREQUENT_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/common_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect()
});

/// Whether `word` is one of jieba's frequent two-character common words (资源, 和平).
pub fn is_frequent_word(word: &str) -> bool {
    FREQUENT_WORDS.contains(word)
}

/// Whether `word` is in jieba's dictionary (水平, 发展): a given name that is a word is rarely one.
pub fn is_word(word: &str) -> bool {
    JIEBA.has_word(word)
}

/// Whether jieba's dictionary has `word` as something other than a proper noun (a place, a
/// person's name, another name): 资源, 开发, not 义乌.
pub fn common_word(word: &str) -> bool {
    // Read as one word (jieba may split a rare dictionary word: 台中 → 台 + 中).
    is_word(word)
        && matches!(tag(word).as_slice(), [t]
            if !(t.tag.starts_with("ns") || t.tag.starts_with("nr") || t.tag == "nz"))
}

/// Verbs that commonly stand right before a name in government news (推动科大讯飞…, 服务天开…,
/// 组团赴粤港澳大湾区): the leading words a name's left edge sheds. A rarer word that jieba also tags as a verb
/// (天开 in 天开高教科创园) may be part of the name.
pub const COMMON_VERBS: &[&str] = &[
    "支持", "推动", "推进", "加快", "建设", "服务", "融入", "打造", "抢抓", "对接", "聚焦", "围绕",
    "依托", "引进", "培育", "鼓励", "组织", "成立", "召开", "举办", "参加", "出席", "考察", "调研",
    "走访", "来到", "前往", "视察", "联合", "携手", "会同", "坚持", "加强", "助力", "深化", "发挥",
    "带动", "促进", "实施", "落实", "扎实", "积极", "全面", "持续", "大力", "着力", "努力", "优化",
    "提升", "做强", "做大", "拓展", "引领", "承接", "链接", "入驻", "落户", "位于", "设立", "筹建",
    "规划", "启动", "投资", "合作", "协同", "参观", "听取", "主持", "陪同", "率队", "带队", "运营",
    "建好", "办好", "用好", "管好", "共建", "建成", "新建", "扩建", "赴", "到",
];

/// Whether a leading word is one to shed from a name's left edge: a function word or a common
/// action verb; with `single_chars`, also a single character that is not a proper noun (zones
/// do not start with one; organizations do: 市科技局).
pub fn sheddable(text: &str, t: &Token, single_chars: bool) -> bool {
    let word = &text[t.range.clone()];
    matches!(t.tag, "d" | "p" | "c" | "u" | "uj" | "r" | "m" | "q")
        || (t.tag.starts_with('v') && COMMON_VERBS.contains(&word))
        || (single_chars && word.chars().count() == 1 && !t.is_proper())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tag_is_interned_as_itself() {
        for t in TAGS {
            assert_eq!(interned(t), *t);
        }
        assert_eq!(interned("qq"), "x");
        assert_eq!(interned("nrfgx"), "x");
        assert_eq!(interned(""), "x");
    }
}
