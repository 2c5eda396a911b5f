//! Words of English text with their byte ranges, their case, and the context cues around them.

/// A word: ASCII letters and digits, with hyphens or apostrophes inside ('guo-xun', "Xi'an").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// How a word is capitalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Lower,
    /// 'Lian', 'Guo-xun'
    Capitalized,
    /// 'CAI', 'THT'
    Upper,
    /// 'YanLianGang': capitals inside a word
    Camel,
    Other,
}

/// Splits text into words. Anything that is not a letter, digit, or a joiner between letters
/// separates words, so 'development.Li' gives 'development' and 'Li'.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let joiner = match text[i..].chars().next() {
                Some(c @ ('-' | '\'' | '’')) => c.len_utf8(),
                _ => 0,
            };
            if joiner > 0
                && bytes
                    .get(i + joiner)
                    .is_some_and(|b| b.is_ascii_alphabetic())
            {
                i += joiner;
            } else {
                break;
            }
        }
        out.push(Word {
            text: &text[start..i],
            start,
            end: i,
        });
    }
    out
}

/// The capitalization of a word.
pub fn case_of(word: &str) -> Case {
    // One pass: this reads every word of every English article, some twice.
    let (mut first, mut count, mut uppers) = (None, 0, 0);
    for b in word.bytes().filter(u8::is_ascii_alphabetic) {
        first.get_or_insert(b);
        count += 1;
        uppers += usize::from(b.is_ascii_uppercase());
    }
    let Some(first) = first else {
        return Case::Other;
    };
    if uppers == 0 {
        Case::Lower
    } else if uppers == count && count > 1 {
        Case::Upper
    } else if first.is_ascii_uppercase() && (uppers == 1 || is_hyphen_capitalized(word)) {
        // 'Lian', and 'Guo-Xun' (capitals only after hyphens).
        Case::Capitalized
    } else {
        // 'YanLianGang', and brand names that start in lower case ('iFlytek').
        Case::Camel
    }
}

/// 'Guo-Xun': capitals only after hyphens.
fn is_hyphen_capitalized(word: &str) -> bool {
    word.split('-').all(|p| {
        let mut cs = p.chars();
        cs.next().is_some_and(|c| c.is_ascii_uppercase()) && cs.all(|c| !c.is_ascii_uppercase())
    })
}

/// Capitalized words that start sentences rather than names.
pub const STOP_CAPITALS: &[&str] = &[
    "The", "A", "An", "In", "At", "On", "Of", "To", "And", "This", "That", "Its", "Our", "Later",
    "Located", "By", "From", "With", "For",
];

/// Titles that precede a person's name, lower case.
pub const TITLES: &[&str] = &[
    "mayor",
    "vice mayor",
    "deputy mayor",
    "secretary",
    "deputy secretary",
    "vice secretary",
    "party secretary",
    "general secretary",
    "director",
    "deputy director",
    "chairman",
    "vice chairman",
    "chairwoman",
    "governor",
    "vice governor",
    "president",
    "vice president",
    "premier",
    "vice premier",
    "minister",
    "vice minister",
    "comrade",
    "commissioner",
    "professor",
    "academician",
    "chief",
    "head",
    "leader",
    "councillor",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Verbs of speech and action that follow a person's name, lower case.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "also",
    "says",
    "stressed",
    "stresses",
    "pointed out",
    "points out",
    "emphasized",
    "emphasised",
    "emphasizes",
    "noted",
    "notes",
    "added",
    "stated",
    "urged",
    "called",
    "asked",
    "told",
    "explained",
    "announced",
    "chaired",
    "presided",
    "attended",
    "attend",
    "delivered",
    "visited",
    "inspected",
    "went",
    "hoped",
    "conveyed",
    "fully affirmed",
    "affirmed",
    "required",
    "demanded",
    "in his speech",
    "in her speech",
    "met",
];

/// Whether the text just before `at` ends with a title (word-aligned, any case).
pub fn title_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let mut cut = before.len().saturating_sub(24);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let lower = before[cut..].to_ascii_lowercase();
    TITLES.iter().any(|t| {
        lower.ends_with(t) && {
            let cut = lower.len() - t.len();
            cut == 0 || !lower.as_bytes()[cut - 1].is_ascii_alphanumeric()
        }
    })
}

/// Whether a speech verb follows `at`, or an appositive title (", Deputy Secretary of …").
pub fn cue_after(text: &str, at: usize) -> bool {
    let after = &text[at..];
    let rest = after.trim_start_matches(' ');
    let head: String = rest
        .chars()
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    let starts_word = |s: &str, w: &str| {
        s.starts_with(w)
            && !s
                .as_bytes()
                .get(w.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
    };
    if SPEECH_VERBS.iter().any(|v| starts_word(&head, v)) {
        return true;
    }
    if let Some(appos) = head.strip_prefix(", ").or_else(|| head.strip_prefix(',')) {
        let appos = appos.trim_start_matches("the ").trim_start_matches("a ");
        return TITLES.iter().any(|t| starts_word(appos, t))
            || appos.starts_with("member of")
            || appos.starts_with("secretary of");
    }
    false
}

/// Byte offset where the word that ends `s` begins (letters, digits, '-' and '\'').
pub fn last_word_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether `w` is a word of an official's title (Secretary, Deputy, Mayor…), in any case.
pub(super) fn is_title_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "secretary"
            | "director"
            | "mayor"
            | "member"
            | "chairman"
            | "deputy"
            | "vice"
            | "head"
            | "governor"
            | "premier"
            | "president"
            | "minister"
            | "ambassador"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_glued_sentences_and_keep_hyphens() {
        let ws: Vec<&str> = words("development.Li Hongzhong, guo-xun liao’s Xi'an -x")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            ws,
            [
                "development",
                "Li",
                "Hongzhong",
                "guo-xun",
                "liao’s",
                "Xi'an",
                "x"
            ]
        );
    }

    #[test]
    fn cases() {
        assert_eq!(case_of("Lian"), Case::Capitalized);
        assert_eq!(case_of("CAI"), Case::Upper);
        assert_eq!(case_of("YanLianGang"), Case::Camel);
        assert_eq!(case_of("guo-xun"), Case::Lower);
        assert_eq!(case_of("Guo-Xun"), Case::Capitalized);
    }

    #[test]
    fn cues() {
        let t = "the mayor guo-xun liao attendance";
        assert!(title_before(t, t.find("guo").unwrap()));
        assert!(!title_before("the mayoral guo", 12));
        assert!(cue_after("Liao stressed that", 4));
        assert!(cue_after("Yang Maorong, Deputy Secretary of District", 12));
        assert!(!cue_after("Liao saidx", 4));
    }
}
