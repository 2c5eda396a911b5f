//! Titles of laws, treaties and plans in 《》 (《联合国气候变化框架公约》, 《京津冀协同发展规划纲要》):
//! the annotation guidelines leave the places and bodies inside them unannotated, as in any
//! other law's or document's name. A newspaper's title (《人民日报》) is not one of them.

use std::ops::Range;

/// Last words of a document's title.
const DOCUMENT_ENDINGS: &[&str] = &[
    "法",
    "条例",
    "公约",
    "协定",
    "条约",
    "议定书",
    "宣言",
    "规划",
    "纲要",
    "方案",
    "意见",
    "决定",
    "办法",
    "规定",
    "通知",
    "计划",
    "战略",
    "白皮书",
    "章程",
    "决议",
];

/// Longest title read, in bytes (an unclosed 《 must not swallow the rest of the text).
const LONGEST_TITLE: usize = 300;

/// The byte ranges of the titles of laws, treaties and plans in `text`, marks included.
pub(super) fn document_titles(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('《') {
        let inner = open + '《'.len_utf8();
        // The window ends at a character boundary at or before the longest title.
        let window = &text[inner..text.floor_char_boundary(inner + LONGEST_TITLE)];
        let Some(close) = window.find(['》', '《', '\n']) else {
            continue;
        };
        if !window[close..].starts_with('》') {
            continue;
        }
        let title = &window[..close];
        if DOCUMENT_ENDINGS.iter().any(|e| title.ends_with(e)) {
            out.push(open..inner + close + '》'.len_utf8());
        }
    }
    out
}

/// Whether `span` lies inside one of `titles` (sorted, disjoint).
pub(super) fn inside(titles: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = titles.partition_point(|t| t.end <= span.start);
    titles
        .get(i)
        .is_some_and(|t| t.start <= span.start && span.end <= t.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laws_and_plans_are_titles_newspapers_are_not() {
        let text = "出席《联合国气候变化框架公约》缔约方大会，《人民日报》报道，《京津冀规划纲要》";
        let titles: Vec<&str> = document_titles(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(titles, ["《联合国气候变化框架公约》", "《京津冀规划纲要》"]);
    }

    #[test]
    fn an_unclosed_mark_is_no_title() {
        let text = "《联合国公约\n北京";
        assert!(document_titles(text).is_empty());
        let text = "《".repeat(200);
        assert!(document_titles(&text).is_empty());
        // The longest title ends inside a character here.
        let text = format!("《a{}》法", "中".repeat(200));
        assert!(document_titles(&text).is_empty());
    }

    #[test]
    fn a_span_is_inside_a_title_only_whole() {
        let titles = [2..10, 20..30];
        assert!(inside(&titles, &(3..9)));
        assert!(!inside(&titles, &(8..12)));
        assert!(!inside(&titles, &(12..14)));
        assert!(inside(&titles, &(20..30)));
    }
}
