//! The learned recognizer: a linear sequence model (averaged perceptron, first-order Viterbi)
//! tagging the characters of Chinese lines, trained by `examples/train_ner.rs` and shipped as
//! `assets/ner_zh.bin`. The rules run first; the model adds what they leave, where it does not
//! overlap them.

mod features;
mod model;
mod tags;

pub use features::{line_features, WIDTH};
pub use model::{BadWeights, Trainer, Weights};
pub use tags::{spans, Tag, TAGS};

use super::persons_foreign::CHARS as TRANSLITERATION;
use super::segment::{self, Token};
use super::tables::TABLES;
use super::{Candidate, Words};
use crate::corpus::meta::is_han;
use crate::corpus::Document;
use crate::model::Label;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

/// Words jieba's dictionary tags as persons' names that CC-CEDICT has only as common words
/// (assets/misread_names.txt: 洪水 "flood", 明白 "to understand").
static MISREAD_NAMES: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../assets/misread_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect()
});

/// The shipped model; none if the file is damaged (the rules then work alone).
static SHIPPED: LazyLock<Option<Weights>> =
    LazyLock::new(|| Weights::from_bytes(include_bytes!("../../../assets/ner_zh.bin")).ok());

/// The shipped model, if its file reads.
pub fn shipped() -> Option<&'static Weights> {
    SHIPPED.as_ref()
}

/// Spans `weights` tags in the lines of `text` that have ideographs; `tokens` are jieba's words
/// of those lines, with ranges in `text` (as `Words::han` gives them).
pub fn find(weights: &Weights, text: &str, tokens: &[Token]) -> Vec<(Range<usize>, Label)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut next_token = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.len();
        at = range.end;
        if !line.chars().any(is_han) {
            continue;
        }
        let first = next_token;
        while tokens
            .get(next_token)
            .is_some_and(|t| t.range.start < range.end)
        {
            next_token += 1;
        }
        let local: Vec<Token> = tokens[first..next_token]
            .iter()
            .filter(|t| t.range.start >= range.start)
            .map(|t| Token {
                range: t.range.start - range.start..t.range.end - range.start,
                tag: t.tag,
            })
            .collect();
        let (offsets, features) = line_features(line, &local);
        let tags = weights.decode(&features, WIDTH);
        for (chars, label) in spans(&tags) {
            let start = range.start + offsets[chars.start];
            let end = range.start + offsets.get(chars.end).copied().unwrap_or(line.len());
            out.push((start..end, label));
        }
    }
    out
}

/// Below this frequency (parts per million of given names) a character alone is no given name.
const RARE_GIVEN_PPM: f64 = 10.0;

/// Below this frequency (parts per million of people) a surname does not carry a name of two
/// characters the model found alone.
const RARE_SURNAME_PPM: f64 = 100.0;

/// The longest name in bytes the model's persons may have (twelve ideographs).
pub const LONGEST_NAME: usize = 36;

/// Whether a person's name the model found reads as one: a Chinese surname and one to three
/// characters, or a run of transliteration characters — and not a word jieba's dictionary has
/// for something else (县城, 欧盟), nor a place of the gazetteer (南海).
pub fn plausible_person(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 2 || name.len() > LONGEST_NAME || !chars.iter().all(|&c| is_han(c) || c == '·')
    {
        return false;
    }
    if let [t] = segment::tag(name).as_slice() {
        // 小山村 "a small mountain village", tagged a name: a dictionary word ending in a
        // place's suffix is the place's kind of word.
        let a_place_word = name.ends_with(|c| "村镇乡县区市省".contains(c));
        if segment::is_word(name) && (!t.tag.starts_with("nr") || a_place_word) {
            return false;
        }
    }
    // 高山村 "mountain villages": no name ends in a place's suffix; 洪水桥 starts with a
    // misread word (洪水 "flood").
    let misread_start =
        chars.len() == 3 && MISREAD_NAMES.contains(&name[..name.len() - chars[2].len_utf8()]);
    if MISREAD_NAMES.contains(name)
        || misread_start
        || name.ends_with(|c| "村镇乡县区市省".contains(c))
    {
        return false;
    }
    // 南海; 吴江, a district's bare name (吴江区), however jieba tags it.
    if super::zones::is_division_name(name) {
        return false;
    }
    // 高水平: a "given name" that is a frequent common word makes a phrase, not a name; 汤底
    // ("soup base"): a one-character given name is a character given names use.
    let given: String = chars[1..].iter().collect();
    let rare_given = chars.len() == 2
        && TABLES
            .given_chars
            .get(&chars[1])
            .is_none_or(|&ppm| ppm < RARE_GIVEN_PPM);
    // 南繁 ("southern breeding"): a direction and one character is a word of places or
    // seasons far more often than a person surnamed 南 or 东.
    let direction_first = chars.len() == 2 && "东南西北".contains(chars[0]);
    // 水清 of 天蓝水清 ("blue sky, clear water"): a surname and one character, found with no
    // cue, needs a surname that is not rare.
    let rare_surname = chars.len() == 2
        && TABLES
            .surnames_zh
            .get(&chars[0].to_string())
            .is_none_or(|&ppm| ppm < RARE_SURNAME_PPM);
    if segment::is_frequent_word(&given) || rare_given || direction_first || rare_surname {
        return false;
    }
    let surname = |n: usize| {
        TABLES
            .surnames_zh
            .contains_key(&chars[..n].iter().collect::<String>())
    };
    // 中泰 (铁路): China and a partner country, not a person surnamed 中 nor a transliteration.
    if super::abbreviations::is_china_and_partner(name) {
        return false;
    }
    let chinese = chars.len() <= 4
        && (surname(1) || (chars.len() >= 3 && surname(2)))
        && !super::abbreviations::is_place_compound(name);
    let foreign = chars
        .iter()
        .all(|c| *c == '·' || TRANSLITERATION.contains(c));
    chinese || foreign
}

/// A four-character "name" of a one-character surname where jieba reads the first three as a
/// name of their own: the name and the next word's first character (张桂兰正 of 张桂兰正和…,
/// 张桂兰笑 of 张桂兰笑着说) — given names have one or two characters.
pub fn trimmed_name(text: &str, span: Range<usize>, tokens: &[Token]) -> Range<usize> {
    let name = &text[span.clone()];
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let [_, _, (third, _), (fourth, _)] = chars[..] else {
        return span;
    };
    let two_char_surname = TABLES.surnames_zh.contains_key(&name[..third]);
    let at = tokens.partition_point(|t| t.range.start < span.start);
    let three_a_name = tokens.get(at).is_some_and(|t| {
        t.range.start == span.start && t.range.end == span.start + fourth && t.tag.starts_with("nr")
    });
    if two_char_surname || !three_a_name {
        return span;
    }
    span.start..span.start + fourth
}

/// Whether a name ends right before a place's suffix (凤岗 of 凤岗镇, 石桥 of 石桥村): it names a
/// place — unless the suffix starts an office that follows a name (刘建国县长, 王明镇长).
pub fn before_a_place_suffix(after: &str) -> bool {
    let mut chars = after.chars();
    // 口岸: a border crossing is named after its place (伊尔克什坦口岸).
    let suffix = chars.next().is_some_and(|c| "镇乡村县区市省州".contains(c))
        || after.starts_with("街道")
        || after.starts_with("社区")
        || after.starts_with("口岸");
    suffix && chars.next() != Some('长')
}

/// Whether `span` of `text` starts or ends inside a word of jieba's dictionary (新春佳 of
/// 新春佳节, 代智慧 of 时代智慧): a name cuts only words jieba guessed.
pub fn cuts_a_word(text: &str, span: &Range<usize>, tokens: &[Token]) -> bool {
    let first = tokens.partition_point(|t| t.range.end <= span.start);
    tokens[first..]
        .iter()
        .take_while(|t| t.range.start < span.end)
        .any(|t| {
            let inside = |at: usize| t.range.start < at && at < t.range.end;
            (inside(span.start) || inside(span.end))
                && text.get(t.range.clone()).is_some_and(segment::is_word)
        })
}

/// One training line: its features and the tags of `gold` (spans in bytes of `line`, each on
/// character boundaries; a span that is not is left out).
pub fn training_line(line: &str, gold: &[(Range<usize>, Label)]) -> (Vec<u32>, Vec<Tag>) {
    let tokens = segment::tag(line);
    let (offsets, features) = line_features(line, &tokens);
    let mut tags = vec![Tag::O; offsets.len()];
    for (span, label) in gold {
        let (Some((begin, inside)), Ok(start)) =
            (Tag::of(label), offsets.binary_search(&span.start))
        else {
            continue;
        };
        let end = offsets.partition_point(|&o| o < span.end);
        if let Some(first) = tags.get_mut(start) {
            *first = begin;
        }
        for t in tags.iter_mut().take(end).skip(start + 1) {
            *t = inside;
        }
    }
    (features, tags)
}

/// Adds the persons the model finds where no rule found anything, at every occurrence of each
/// name (the model reads each occurrence in its own context, and may miss one). A name counts
/// when it reads as one and the model found it at least once without cutting a dictionary word.
pub(super) fn add_persons(
    weights: &Weights,
    doc: &Document,
    words: &Words,
    kept: &mut Vec<Candidate>,
) {
    let text = &doc.text;
    let mut checked: BTreeMap<&str, bool> = BTreeMap::new();
    for (span, label) in find(weights, text, words.han()) {
        if label != Label::Person
            || doc.in_chrome(&span)
            || cuts_a_word(text, &span, words.han())
            || before_a_place_suffix(&text[span.end..])
            || super::persons_zh::cut_from_a_quoted_phrase(&text[..span.start], &text[span.end..])
            // 第九届亚冬会: an edition's number names an event.
            || text[..span.start].ends_with('届')
        {
            continue;
        }
        let name = &text[trimmed_name(text, span, words.han())];
        if !checked.contains_key(name) {
            checked.insert(name, plausible_person(name));
        }
    }
    let names: Vec<&str> = checked
        .into_iter()
        .filter_map(|(name, ok)| ok.then_some(name))
        .collect();
    let mut found = Vec::new();
    let identity = |n: &str| (super::name_key::pinyin_key(n), n.to_string());
    super::every_occurrence(
        text,
        &names,
        identity,
        Label::Person,
        super::LEARNED,
        &mut found,
    );
    // Longest first: 贾永福 found once claims its occurrences before a 贾永 read elsewhere.
    found.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
    // A city abroad inside a longer foreign name the model reads as a person's (希拉 of 希拉里,
    // 哥伦布 of 克里斯托弗·哥伦布) is part of that name; so is a transliterated name a rule cut
    // short where a character it does not know as a transliteration's stopped it (马克 of 马克龙).
    // The model's name takes their place only where everything it overlaps may give way.
    let gives_way = |k: &Candidate| {
        (k.label == Label::Region && super::regions::is_city_abroad(&k.key))
            || k.recognizer == "persons-foreign"
    };
    let kept_at: BTreeMap<usize, usize> = kept
        .iter()
        .enumerate()
        .map(|(i, k)| (k.span.start, i))
        .collect();
    let mut replaced = vec![false; kept.len()];
    for c in &found {
        let overlapped: Vec<usize> = kept_at
            .range(c.span.start.saturating_sub(LONGEST_NAME)..c.span.end)
            .map(|(_, &i)| i)
            .filter(|&i| kept[i].span.end > c.span.start)
            .collect();
        let clear = overlapped.iter().all(|&i| {
            let k = &kept[i];
            gives_way(k) && c.span.start <= k.span.start && k.span.end <= c.span.end
        });
        if !clear {
            continue;
        }
        for i in overlapped {
            let k = &kept[i];
            let city_inside = k.label == Label::Region && c.span.len() > k.span.len();
            let cut_short = k.recognizer == "persons-foreign"
                && k.span.start == c.span.start
                && c.span.end > k.span.end;
            replaced[i] |= city_inside || cut_short;
        }
    }
    let mut index = 0;
    kept.retain(|_| {
        index += 1;
        !replaced[index - 1]
    });
    let mut taken: BTreeMap<usize, usize> =
        kept.iter().map(|c| (c.span.start, c.span.end)).collect();
    for c in found {
        if !super::overlaps(&taken, &c.span) && !doc.in_chrome(&c.span) {
            taken.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads() {
        assert!(shipped().is_some(), "assets/ner_zh.bin does not read");
    }

    #[test]
    fn words_the_model_may_read_as_names_are_not_persons() {
        // A misread word and a place's last character (洪水 "flood" + 桥 "bridge"), a direction
        // and one character (南繁 "southern breeding"), China and two partners (a railway's), a
        // rare surname and one character (水清 "clear water").
        for word in ["洪水桥", "南繁", "中吉乌", "水清"] {
            assert!(!plausible_person(word), "{word}");
        }
        assert!(plausible_person("王建国"));
    }
}
