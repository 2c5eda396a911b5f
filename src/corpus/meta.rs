//! Per-document metadata: title, date, source and language, read from the text itself.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Language of a document, judged by script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The two-letter code shown in lists and written to JSONL.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// What the head of an article says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: String,
    /// Byte range of the title line in the text (None for an empty document).
    pub title_range: Option<Range<usize>>,
    /// `YYYY-MM-DD` with `HH:MM` or `HH:MM:SS` when the article gives a time.
    pub date: Option<String>,
    pub source: Option<String>,
}

/// How many lines at the top of an article are searched for the date and source.
const HEAD_LINES: usize = 25;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?")
        .expect("static regex")
});
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:稿源|来源|Source)\s*[:：]\s*([^\s|]+)").expect("static regex")
});

/// Lines of `text` with their byte ranges (without the line terminator).
pub fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |raw| {
        let content = raw.trim_end_matches(['\n', '\r']);
        let range = start..start + content.len();
        start += raw.len();
        range
    })
}

/// Reads title, date and source from the head of `text`.
///
/// The title is the last substantial line before the first date or source line (news pages put
/// navigation above the headline and the byline below it); without such a line, the first
/// substantial line.
pub fn read_meta(text: &str) -> Meta {
    let head: Vec<Range<usize>> = line_ranges(text).take(HEAD_LINES).collect();
    let mut meta = Meta::default();
    let mut byline_at = None;
    for (i, range) in head.iter().enumerate() {
        let line = &text[range.clone()];
        if meta.date.is_none() {
            if let Some(c) = DATE.captures(line) {
                meta.date = Some(format_date(&c));
                byline_at.get_or_insert(i);
            }
        }
        if meta.source.is_none() {
            if let Some(c) = SOURCE.captures(line) {
                meta.source = Some(c[1].to_string());
                byline_at.get_or_insert(i);
            }
        }
    }
    let substantial = |r: &Range<usize>| is_substantial(&text[r.clone()]);
    let title_range = byline_at
        .and_then(|at| head[..at].iter().rev().find(|r| substantial(r)).cloned())
        .or_else(|| line_ranges(text).find(|r| substantial(r)));
    if let Some(range) = title_range {
        let line = &text[range.clone()];
        let trimmed =
            line.trim_start_matches(|c: char| c.is_whitespace() || "•·*-–—>#".contains(c));
        let start = range.end - trimmed.len();
        let trimmed = trimmed.trim_end();
        meta.title = trimmed.to_string();
        meta.title_range = Some(start..start + trimmed.len());
    }
    meta
}

fn format_date(c: &regex::Captures) -> String {
    let num = |i: usize| c[i].parse::<u32>().unwrap_or(0);
    let mut date = format!("{}-{:02}-{:02}", &c[1], num(2), num(3));
    if let Some(time) = c.get(4) {
        date.push(' ');
        date.push_str(time.as_str());
    }
    date
}

/// A line worth calling a title: some letters or ideographs, not just a date or a bullet.
fn is_substantial(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4 && !DATE.is_match(line.trim()) || letters >= 12
}

/// Zh when there are at least a fifth as many ideographs as Latin letters: an ideograph carries
/// about a word, an English word is about five letters, so this compares words. A Chinese page
/// with English navigation stays Chinese; an English article with a Chinese byline stays English.
pub fn detect_lang(text: &str) -> Lang {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han > 0 && han * 5 >= latin {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// CJK unified ideographs, including the extensions outside the Basic Multilingual Plane.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_article_with_byline() {
        let text =
            "Lian Maojun went to THT\n\n稿源:津滨网   编辑:王宁   2020-05-09 15:37\n\nOn May 7, …";
        let meta = read_meta(text);
        assert_eq!(meta.title, "Lian Maojun went to THT");
        assert_eq!(meta.date.as_deref(), Some("2020-05-09 15:37"));
        assert_eq!(meta.source.as_deref(), Some("津滨网"));
        assert_eq!(&text[meta.title_range.unwrap()], "Lian Maojun went to THT");
    }

    #[test]
    fn navigation_above_the_headline_is_not_the_title() {
        let text = "天津 切换城市\n\n请选择您所在的城市:\n    热门\n  • 牢记嘱托 见行见效 | 立足全国先进制造研发基地\n\n    2024-02-07 13:52:00\n\n    来源:滨海发布   编辑:[db:作者]\n";
        let meta = read_meta(text);
        assert_eq!(meta.title, "牢记嘱托 见行见效 | 立足全国先进制造研发基地");
        assert_eq!(meta.date.as_deref(), Some("2024-02-07 13:52:00"));
        assert_eq!(meta.source.as_deref(), Some("滨海发布"));
    }

    #[test]
    fn date_only_and_no_byline() {
        let meta = read_meta(
            "New spring | Qingdao High-tech Zone held a meeting\n\n2022-07-11 0 By\n\nBody.",
        );
        assert_eq!(meta.date.as_deref(), Some("2022-07-11"));
        assert_eq!(
            meta.title,
            "New spring | Qingdao High-tech Zone held a meeting"
        );
        let meta = read_meta("Xu Nanji: Stand up\n\nFebruary 16, the city held a conference.");
        assert_eq!(meta.title, "Xu Nanji: Stand up");
        assert_eq!(meta.date, None);
        assert_eq!(meta.source, None);
        let meta = read_meta("Source: Xinhua\nSome headline here");
        assert_eq!(meta.source.as_deref(), Some("Xinhua"));
    }

    #[test]
    fn chinese_dates_and_crlf() {
        let meta = read_meta("标题在这里是标题\r\n2021年3月5日 来源:天津日报\r\n正文");
        assert_eq!(meta.date.as_deref(), Some("2021-03-05"));
        assert_eq!(meta.title, "标题在这里是标题");
    }

    #[test]
    fn empty_document_has_no_title() {
        assert_eq!(read_meta(""), Meta::default());
    }

    #[test]
    fn language_by_script() {
        assert_eq!(detect_lang("习近平总书记视察天津 Home | About"), Lang::Zh);
        assert_eq!(
            detect_lang("Li Hongzhong visited Tianjin (天津)."),
            Lang::En
        );
        assert_eq!(detect_lang(""), Lang::En);
    }
}
