//! People's stories in Chinese: neighbours named by surname and kinship, familiar names where
//! two people share a surname, and the learned model's misreadings of common words (made-up
//! sentences, not from any article).

use super::tests::{found, has};

#[test]
fn a_surname_and_a_word_of_kinship_name_a_person() {
    let f = found(
        "一个足够长的标题\n\n村民何大妈家就在路边。隔壁的罗叔也常来帮忙，何大妈说，多亏了邻居。",
    );
    assert!(has(&f, "何大妈", "PERSON"), "{f:?}");
    assert!(has(&f, "罗叔", "PERSON"), "{f:?}");
    // A kin word alone, or after a character that is no common surname, names nobody.
    let f = found("一个足够长的标题\n\n大哥说，各位大姐都来了。");
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
}

#[test]
fn a_familiar_name_is_a_person_even_where_two_share_the_surname() {
    let f = found("一个足够长的标题\n\n护林员陶建国说，林子就是家。他的女儿陶佳怡表示，想回来工作。乡亲们说：“小陶他们守着这片林子。”");
    assert!(has(&f, "陶建国", "PERSON"), "{f:?}");
    assert!(has(&f, "陶佳怡", "PERSON"), "{f:?}");
    // Of neither in particular.
    let xiao_tao = f.iter().find(|(t, ..)| t == "小陶");
    assert!(
        xiao_tao.is_some_and(|(_, l, e)| *l == "PERSON" && e == "小陶"),
        "{f:?}"
    );
}

#[test]
fn the_learned_model_does_not_read_a_village_a_soup_or_a_graduate_school() {
    let f = found("一个足够长的标题\n\n线路要经过几个高山村。“汤底最重要。”钟秀梅说。她的儿子林志豪大学毕业后回了家。");
    assert!(!has(&f, "高山村", "PERSON"), "{f:?}");
    assert!(!has(&f, "汤底", "PERSON"), "{f:?}");
    assert!(
        f.iter().all(|(_, l, _)| *l != "ORG"),
        "大学毕业: no school here: {f:?}"
    );
    // A school named before 毕业 is one.
    let f = found("一个足够长的标题\n\n他从清华大学毕业后回到家乡。");
    assert!(has(&f, "清华大学", "ORG"), "{f:?}");
}

#[test]
fn a_countys_company_with_its_brand_before_it() {
    let f = found("一个足够长的标题\n\n他是国网秭归县供电公司的一名电工。美国科技公司也来了。");
    assert!(has(&f, "国网秭归县供电公司", "ORG"), "{f:?}");
    assert!(!has(&f, "美国科技公司", "ORG"), "{f:?}");
}
