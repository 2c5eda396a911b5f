//! The entity key of a Chinese person's name, shared with romanized spellings of it.

use super::tables::TABLES;

/// The entity key of a Chinese name: its pinyin, surname and given name apart, as the English
/// recognizer keys a romanized name — so 习近平 and Xi Jinping are one entity. Surnames are read
/// as surnames (单 shan, 曾 zeng).
pub(crate) fn pinyin_key(name: &str) -> String {
    let t = &*TABLES;
    let chars = name.chars().count();
    let surname_chars = if chars >= 3
        && t.surnames_zh
            .contains_key(&name.chars().take(2).collect::<String>())
    {
        2
    } else {
        1
    };
    let syllables: Vec<String> = pinyin::Pinyin::name(name)
        .without_tone()
        .iter()
        .map(|s| s.replace(['v', 'ü'], "u"))
        .collect();
    if syllables.len() != chars
        || syllables
            .iter()
            .any(|s| !s.chars().all(|c| c.is_ascii_lowercase()))
    {
        return format!("person:zh:{name}");
    }
    format!(
        "person:{}|{}",
        syllables[..surname_chars].concat(),
        syllables[surname_chars..].concat()
    )
}

#[cfg(test)]
mod tests {
    use super::pinyin_key;

    #[test]
    fn chinese_names_key_like_their_romanization() {
        assert_eq!(pinyin_key("习近平"), "person:xi|jinping");
        assert_eq!(
            pinyin_key("单小明"),
            "person:shan|xiaoming",
            "单 as a surname is shan"
        );
        assert_eq!(pinyin_key("欧阳修"), "person:ouyang|xiu");
        assert_eq!(pinyin_key("吕方"), "person:lu|fang");
    }
}
