//! Chinese companies named without a legal form (华宇新材料公司, 腾讯公司, 巴东县供电公司).

use super::orgs::org;
use super::Candidate;

/// Companies named without a legal form (华宇新材料公司): a name jieba reads as a proper noun
/// or does not know, then nouns of the trade, then 公司 as a word of its own — not a kind of
/// company (科技公司, 上市公司), a place's (美国科技公司: "an American tech firm") or one
/// named by a determiner (该公司).
pub(super) fn companies_zh(text: &str, tokens: &[super::segment::Token], out: &mut Vec<Candidate>) {
    for (k, t) in tokens.iter().enumerate() {
        if &text[t.range.clone()] != "公司" || k == 0 {
            continue;
        }
        // The nouns before, back to the name that starts them.
        let mut first = k;
        while first > 0 && first + 4 > k {
            let w = &tokens[first - 1];
            // Nouns, and a one-character adjective inside a trade (新 of 新材料).
            let trade = w.tag.starts_with('n')
                || matches!(w.tag, "vn" | "b")
                || (w.tag == "a" && w.range.len() <= 3);
            if !trade || w.tag == "ns" || w.range.end != tokens[first].range.start {
                break;
            }
            first -= 1;
        }
        let is_brand = |w: &super::segment::Token| {
            let word = &text[w.range.clone()];
            let unknown = word.chars().nth(1).is_some() && !super::segment::is_word(word);
            matches!(w.tag, "nz" | "nt") || unknown
        };
        // A county's or city's full name before the trade (巴东县供电公司: the county's power
        // company, and 国网巴东县供电公司 with the brand before it); not a country's (美国科技公司).
        let division = |w: &super::segment::Token| {
            let word = &text[w.range.clone()];
            w.tag == "ns" && word.chars().count() >= 3 && word.ends_with(['县', '市', '区', '州'])
        };
        if first < k && first > 0 && division(&tokens[first - 1]) {
            let place = &tokens[first - 1];
            let brand_before = first > 1
                && is_brand(&tokens[first - 2])
                && tokens[first - 2].range.end == place.range.start;
            let start = if brand_before {
                tokens[first - 2].range.start
            } else {
                place.range.start
            };
            out.push(org(start..t.range.end, &text[start..t.range.end]));
            continue;
        }
        let name = &tokens[first];
        // A brand alone before 公司 (腾讯公司); a person-like reading needs a trade after it.
        let brand = is_brand(name);
        let proper = brand || matches!(name.tag, "nr" | "nrt");
        if (first + 1 < k && proper) || (first + 1 == k && brand) {
            out.push(org(
                name.range.start..t.range.end,
                &text[name.range.start..t.range.end],
            ));
        }
    }
}
