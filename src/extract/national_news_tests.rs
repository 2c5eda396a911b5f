//! Chinese national news: ministries named before their head's title, and the names of laws,
//! treaties and plans (made-up sentences, not from any article).

use super::tests::{found, has};

#[test]
fn a_ministry_is_named_by_the_words_before_its_heads_title() {
    let f = found("一个足够长的标题\n\n自然资源部部长陈明出席会议，省林业草原厅副厅长赵强、前民政部部长孙华参加。");
    for body in ["自然资源部", "省林业草原厅", "民政部"] {
        assert!(has(&f, body, "ORG"), "{body}: {f:?}");
    }
    assert!(
        !has(&f, "前民政部", "ORG"),
        "'the former' is not in the name: {f:?}"
    );
}

#[test]
fn places_and_bodies_inside_the_title_of_a_law_or_plan_are_not_mentions() {
    let f = found("一个足够长的标题\n\n会议审议了《长江三角洲区域一体化发展规划纲要》，并讨论《联合国海洋法公约》。《人民日报》报道，上海代表发言。");
    let inside: Vec<&str> = f
        .iter()
        .map(|(t, ..)| t.as_str())
        .filter(|t| ["长江三角洲", "联合国"].contains(t))
        .collect();
    assert!(inside.is_empty(), "{f:?}");
    assert!(has(&f, "上海", "REGION"), "outside the titles: {f:?}");
}
