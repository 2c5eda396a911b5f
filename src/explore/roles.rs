//! The roles written next to a person's name: the office before it (`Vice Mayor Zhang San`,
//! `区委书记连茂君`-style), an apposition after it (`X, Secretary of the District Party
//! Committee, said`), a title after it in Chinese (`X总书记`-style). Read from the text around
//! each mention; no table of names.

use crate::corpus::meta::is_han;
use crate::extract::{zh_before_name, ZH_TITLES_AFTER_NAME};
use std::ops::Range;

/// English words an office starts with (lower case).
const EN_ROLE_HEADS: &[&str] = &[
    "member",
    "secretary",
    "deputy",
    "vice",
    "director",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "chief",
    "governor",
    "minister",
    "president",
    "premier",
    "commissioner",
    "leader",
    "manager",
    "general",
    "party",
    "executive",
    "founder",
    "ceo",
    "dean",
    "principal",
    "professor",
    "ambassador",
    "spokesperson",
    "spokesman",
    "councillor",
    "councilor",
    "inspector",
    "captain",
    "commander",
];

/// Words that may sit inside an English office's name (`Secretary of the … Committee`).
const EN_JOINERS: &[&str] = &["of", "the", "and", "for", "in", "on"];

/// Chinese characters that end the words before an office (会议由区委书记… : the office starts
/// after 由).
const ZH_BEFORE_OFFICE: &str = "由在和与是的为对了到向并及等将把被从跟同给让请经";

/// The longest an office read before a name may be, in characters.
const MAX_ROLE_CHARS: usize = 24;

/// The roles written next to the mention at `span` of `text`.
pub fn roles_at(text: &str, span: Range<usize>) -> Vec<String> {
    let (Some(before), Some(name), Some(after)) = (
        text.get(..span.start),
        text.get(span.clone()),
        text.get(span.end..),
    ) else {
        return Vec::new();
    };
    if name.chars().any(is_han) {
        chinese_roles(before, after)
    } else {
        english_roles(before, after)
    }
}

fn chinese_roles(before: &str, after: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The run of Han characters right before the name, back to punctuation or a word that ends
    // the words before an office.
    let run: String = {
        let mut chars: Vec<char> = (before.chars().rev())
            .take_while(|&c| is_han(c) && !ZH_BEFORE_OFFICE.contains(c))
            .take(MAX_ROLE_CHARS)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    if zh_before_name().any(|t| run.ends_with(t)) && run.chars().count() >= 2 {
        out.push(run);
    }
    let title_after = (ZH_TITLES_AFTER_NAME.iter())
        .filter(|t| after.starts_with(*t))
        .max_by_key(|t| t.len());
    if let Some(t) = title_after {
        out.push(t.to_string());
    }
    out
}

fn english_roles(before: &str, after: &str) -> Vec<String> {
    let is_head = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        EN_ROLE_HEADS.contains(&w.as_str())
    };
    let mut out = Vec::new();
    // Before: capitalized words (and the small words inside an office's name) up to the name.
    if before.ends_with(' ') {
        let mut words: Vec<&str> = Vec::new();
        for w in before.trim_end().rsplit(' ') {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let punctuated = w.ends_with([',', '.', ';', ':', ')', '(']);
            if w.is_empty() || punctuated || !(capital || EN_JOINERS.contains(&w)) {
                break;
            }
            words.push(w);
            if words.len() == 10 {
                break;
            }
        }
        words.reverse();
        // It starts at its first office word.
        if let Some(start) = words.iter().position(|w| is_head(w)) {
            let role = words[start..].join(" ");
            let last = words.last().copied().unwrap_or("");
            if !EN_JOINERS.contains(&last) {
                out.push(role);
            }
        }
    }
    // After: ", a member of …, " — an apposition whose first word names an office.
    if let Some(rest) = after.strip_prefix(", ") {
        let end = rest
            .find([',', ';', '.', '(', ')', '\n'])
            .unwrap_or(rest.len())
            .min(160);
        let phrase = rest.get(..end).unwrap_or("").trim();
        let phrase = ["a ", "an ", "the "]
            .iter()
            .find_map(|a| phrase.strip_prefix(a))
            .unwrap_or(phrase);
        if phrase.split(' ').next().is_some_and(is_head) {
            // "member of X and Secretary of Y": two offices.
            let mut parts: Vec<String> = Vec::new();
            for piece in phrase.split(" and ") {
                match parts.last_mut() {
                    Some(last) if !piece.split(' ').next().is_some_and(is_head) => {
                        last.push_str(" and ");
                        last.push_str(piece);
                    }
                    _ => parts.push(piece.to_string()),
                }
            }
            out.extend(parts.into_iter().filter(|p| looks_like_office(p)));
        }
    }
    out
}

/// Whether an apposition reads as an office: short, and what it is "of" is named with
/// capitals (`Secretary of the Town Party Committee`, not `secretary of the work as a whole`).
fn looks_like_office(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() > 14 {
        return false;
    }
    let mut after_of = false;
    for w in words {
        if after_of && w != "the" {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            after_of = false;
        }
        if w == "of" {
            after_of = true;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::roles_at;

    fn roles(text: &str, name: &str) -> Vec<String> {
        let at = text.find(name).unwrap();
        roles_at(text, at..at + name.len())
    }

    #[test]
    fn english_offices_before_the_name_and_in_an_apposition() {
        assert_eq!(
            roles("Yesterday Vice Mayor Zhang Wei opened it.", "Zhang Wei"),
            ["Vice Mayor"]
        );
        assert_eq!(
            roles(
                "Wang Fang, a member of the Standing Committee of the County Party Committee and Secretary of the Town Party Committee, went to the park.",
                "Wang Fang"
            ),
            [
                "member of the Standing Committee of the County Party Committee",
                "Secretary of the Town Party Committee"
            ]
        );
        assert!(roles("On May 7, Wang Fang went.", "Wang Fang").is_empty());
        assert!(roles("Wang Fang, who spoke, left.", "Wang Fang").is_empty());
        assert!(
            roles(
                "Wang Fang, secretary of the work as a whole, left.",
                "Wang Fang"
            )
            .is_empty(),
            "an office is of something named with capitals"
        );
    }

    #[test]
    fn chinese_offices_before_and_titles_after() {
        assert_eq!(roles("会议由县委书记王芳主持。", "王芳"), ["县委书记"]);
        assert_eq!(
            roles("市委常委、某某区区委书记王芳指出", "王芳"),
            ["某某区区委书记"]
        );
        assert_eq!(roles("王芳书记强调", "王芳"), ["书记"]);
        assert!(roles("我们和王芳一起", "王芳").is_empty());
    }
}
