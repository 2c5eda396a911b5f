//! Page chrome: navigation above the headline, link farms, counters, share and tip boxes, and
//! footers. Found as byte ranges; the reader dims them and extraction skips them.

use super::meta::{line_ranges, Meta};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Lines that open a footer: everything from such a line to the end is chrome.
const FOOTER_MARKERS: &[&str] = &[
    "[声明]",
    "【声明】",
    "声明:",
    "声明：",
    "免责声明",
    "版权说明",
    "版权所有",
    "友情链接",
    "相关阅读",
    "相关新闻",
    "精彩评论",
    "Leave a Reply",
    "Leave a Comment",
    "Related Posts",
    "Related Articles",
    "Copyright",
    "©",
    "Share this:",
    "Disclaimer",
];

/// Words that only prose has.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "for", "and", "in", "on", "with", "at", "by", "is", "was",
];

/// `阅读:7591`, `评论:0`, `Views: 12` — counters that pages print near the byline.
static COUNTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\s]{1,12}[:：]\s*\d+$").expect("static regex"));

/// Minimum run of consecutive short, unpunctuated lines that counts as a box of chrome.
const BOX_RUN: usize = 3;

/// Finds the chrome of a document. `meta` supplies the title line (everything above it is chrome).
pub fn find_chrome(text: &str, meta: &Meta) -> Vec<Range<usize>> {
    let lines: Vec<Range<usize>> = line_ranges(text).collect();
    let mut chrome = vec![false; lines.len()];
    let title_line = meta.title_range.as_ref().and_then(|t| {
        lines
            .iter()
            .position(|l| l.start <= t.start && t.end <= l.end)
    });

    if let Some(t) = title_line {
        chrome[..t].iter_mut().for_each(|c| *c = true);
    }
    let after_title = title_line.map_or(0, |t| t + 1);
    let kind: Vec<LineKind> = lines.iter().map(|r| classify(&text[r.clone()])).collect();

    if let Some(f) = (after_title..lines.len()).find(|&i| kind[i] == LineKind::FooterMarker) {
        chrome[f..].iter_mut().for_each(|c| *c = true);
    }
    // Everything after the last line of prose is chrome (share buttons, footers).
    if let Some(last) = (0..lines.len()).rev().find(|&i| kind[i] == LineKind::Prose) {
        chrome[last + 1..].iter_mut().for_each(|c| *c = true);
    }
    for (i, k) in kind.iter().enumerate() {
        if matches!(k, LineKind::LinkFarm | LineKind::Counter) {
            chrome[i] = true;
        }
    }
    mark_boxes(&kind, after_title, &mut chrome);
    if let Some(t) = title_line {
        chrome[t] = false;
    }

    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (range, _) in lines
        .iter()
        .zip(&chrome)
        .filter(|(r, &c)| c && !r.is_empty())
    {
        match ranges.last_mut() {
            // Merge across the newlines between chrome lines so the dimmed block is one range.
            Some(prev) if text[prev.end..range.start].trim().is_empty() => prev.end = range.end,
            _ => ranges.push(range.clone()),
        }
    }
    ranges
}

/// Runs of short lines (menus, tip boxes) in the body, blank lines not breaking a run.
fn mark_boxes(kind: &[LineKind], from: usize, chrome: &mut [bool]) {
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, chrome: &mut [bool]| {
        if run.len() >= BOX_RUN {
            run.iter().for_each(|&i| chrome[i] = true);
        }
        run.clear();
    };
    for (i, k) in kind.iter().enumerate().skip(from) {
        match k {
            LineKind::Blank => {}
            LineKind::Short => run.push(i),
            _ => flush(&mut run, chrome),
        }
    }
    flush(&mut run, chrome);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Prose,
    Short,
    LinkFarm,
    Counter,
    FooterMarker,
}

fn classify(line: &str) -> LineKind {
    let trimmed = line.trim().trim_start_matches(['•', '·', '*']).trim_start();
    if trimmed.is_empty() {
        return LineKind::Blank;
    }
    if FOOTER_MARKERS.iter().any(|m| trimmed.starts_with(m)) {
        return LineKind::FooterMarker;
    }
    // Every line is classified on a first open: the cheap tests go first.
    let may_count = trimmed.ends_with(char::is_numeric) && trimmed.contains([':', '：']);
    if may_count && COUNTER.is_match(trimmed) {
        return LineKind::Counter;
    }
    let punctuated = trimmed.contains(['。', '！', '？', '；', '，', '.', '!', '?', ';', ',']);
    // English function words mean a sentence or a headline, not a row of links.
    let link_farm = !punctuated && {
        let tokens = || trimmed.split_whitespace();
        tokens().nth(5).is_some()
            && !tokens().any(|t| FUNCTION_WORDS.iter().any(|f| t.eq_ignore_ascii_case(f)))
            && tokens().all(|t| t.chars().nth(14).is_none())
    };
    if link_farm {
        return LineKind::LinkFarm;
    }
    // Letters are counted only as far as the thresholds need. An ideograph counts as two: a
    // Chinese sentence of ten characters says what an English one of twenty letters does.
    let letters: usize = trimmed
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(60)
        .map(|c| if super::meta::is_han(c) { 2 } else { 1 })
        .sum();
    // A Chinese sentence's full stop is prose however short the sentence (menus have none).
    let sentence = trimmed.ends_with(['。', '！', '？']) && letters >= 10;
    if punctuated && letters >= 20 || letters >= 60 || sentence {
        LineKind::Prose
    } else {
        LineKind::Short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::meta::read_meta;

    fn chrome_lines(text: &str) -> Vec<String> {
        let meta = read_meta(text);
        find_chrome(text, &meta)
            .into_iter()
            .flat_map(|r| {
                text[r]
                    .lines()
                    .map(|l| l.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn navigation_counters_and_footer_of_a_chinese_page() {
        let body =
            "习近平总书记对我市各项工作取得的成绩给予肯定,从战略和全局的高度为天津发展指航定向。";
        let text = format!(
            "天津 切换城市\n请选择您所在的城市:\n  • 标题是这个很长的标题\n    2024-02-07 13:52:00\n    来源:滨海发布\n    阅读:7591\n    评论:0\n\n    {body}\n\n    {body}\n    [声明]本网站在其他媒体、网站中摘录的文字。\n  • 人已打赏\n        打赏金额 ¥\n        全国高等学校 人民网 新华网 中国网 央视网 网信网 国际在线\n"
        );
        let chrome = chrome_lines(&text);
        assert!(chrome.contains(&"天津 切换城市".to_string()));
        assert!(chrome.contains(&"阅读:7591".to_string()));
        assert!(chrome.iter().any(|l| l.starts_with("[声明]")));
        assert!(chrome.iter().any(|l| l.contains("新华网")));
        assert!(
            !chrome.iter().any(|l| l.contains("习近平")),
            "body is not chrome: {chrome:?}"
        );
        assert!(
            !chrome.iter().any(|l| l.contains("标题")),
            "title is not chrome"
        );
        assert!(
            !chrome.iter().any(|l| l.contains("来源")),
            "byline is not chrome"
        );
    }

    #[test]
    fn short_chinese_paragraphs_of_one_sentence_are_not_a_box() {
        let text = "一个足够长的标题\n\n局长在青岛表示，工作顺利。\n市长在会上讲了话。\n大家一致表示赞同。\n";
        assert!(chrome_lines(text).is_empty(), "{:?}", chrome_lines(text));
    }

    #[test]
    fn english_article_without_chrome_has_none() {
        let text = "Lian Maojun went to THT\n\n稿源:津滨网   2020-05-09 15:37\n\nOn May 7, Lian Maojun went to the zone, visited enterprises, and made requirements.\n\nShan Zefeng, Secretary of the Party Committee, participated.";
        assert!(chrome_lines(text).is_empty());
    }

    #[test]
    fn a_headline_of_short_words_is_not_a_link_farm() {
        let text = "Mayor went to the zone for an inspection\n\nHe said the zone grew, and the city was pleased with it.\nHome News Sports Business World Video Photos\nThe end of the article came after that, as it always does.";
        let chrome = chrome_lines(text);
        assert_eq!(chrome, ["Home News Sports Business World Video Photos"]);
    }

    #[test]
    fn leave_a_reply_box_and_link_lists_are_chrome() {
        let text = "Headline of the story\n\nThe mayor said the project would open in June, and the zone would grow.\nLeave a Reply\nYour email address will not be published.\nName\nEmail\n";
        let chrome = chrome_lines(text);
        assert_eq!(chrome.first().map(String::as_str), Some("Leave a Reply"));
        assert!(chrome.contains(&"Email".to_string()));
    }
}
