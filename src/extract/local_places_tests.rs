//! Chinese local news, places below the county and the bodies around them: villages and
//! communities named like common words, zones with long names, zones' committees, lists of
//! districts by their bare names (made-up sentences, not from any article).

use super::tests::{found, has};

#[test]
fn a_village_right_after_its_town_may_start_like_a_common_word() {
    // 新 and 老 start no name elsewhere (新农村, 老村); right after a town they do.
    let f = found("一个足够长的标题\n\n记者来到兴安县石桥乡新塘村和老屋村，看到村民正在收割稻谷。");
    assert!(has(&f, "石桥乡", "REGION"), "{f:?}");
    assert!(has(&f, "新塘村", "REGION"), "{f:?}");
    assert!(has(&f, "老屋村", "REGION"), "{f:?}");
    // A determiner after a town is no village's name, nor is a dictionary word.
    let f = found("一个足够长的标题\n\n近年来，石桥乡全村都建起了大棚。石桥乡新农村建设成效明显。");
    assert!(!has(&f, "全村", "REGION"), "{f:?}");
    assert!(!has(&f, "新农村", "REGION"), "{f:?}");
}

#[test]
fn communities_in_a_list_and_a_community_named_for_its_road() {
    let f = found("一个足够长的标题\n\n胜利西路社区、新华社区、翠竹社区等也开展了义诊活动。");
    for community in ["胜利西路社区", "新华社区", "翠竹社区"] {
        assert!(has(&f, community, "REGION"), "{community}: {f:?}");
    }
    assert!(!has(&f, "西路社区", "REGION"), "{f:?}");
}

#[test]
fn a_common_word_jieba_tags_as_a_name_is_neither_a_village_nor_a_person() {
    // jieba's dictionary tags 小山村 ("a small mountain village") and 洪水 ("flood") as names.
    let f = found("一个足够长的标题\n\n小山村里的新变化。连日暴雨，洪水冲毁了道路，村民正在抢修。");
    assert!(!has(&f, "小山村", "REGION"), "{f:?}");
    assert!(
        f.iter().all(|(_, l, _)| *l != "PERSON"),
        "no person here: {f:?}"
    );
}

#[test]
fn a_zones_name_may_hold_cooperation_words_a_partner_country_and_a_cluster() {
    let f = found("一个足够长的标题\n\n会议提出，加快建设珠海横琴全面合作示范区，推进中德揭阳金属生态城和东莞松山湖高端创新集聚区建设。");
    for zone in [
        "珠海横琴全面合作示范区",
        "中德揭阳金属生态城",
        "东莞松山湖高端创新集聚区",
    ] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    // A verb before the suffix's words ends the name: the platform is built into the area.
    let f = found("一个足够长的标题\n\n要把科技平台建成湾区创新发展的重要引擎。");
    assert!(!has(&f, "平台建成湾区", "REGION"), "{f:?}");
    // 合作市 is a city, but 合作 before a zone is the verb.
    let f = found("一个足够长的标题\n\n双方将在合作示范区内共建实验室。");
    assert!(!has(&f, "合作示范区", "REGION"), "{f:?}");
}

#[test]
fn a_zones_committee_is_named_by_the_whole_zone() {
    let f = found("一个足够长的标题\n\n记者从南京江北新区管理委员会获悉，示范区执委会和合作区执行委员会也派员参加。");
    for body in ["南京江北新区管理委员会", "示范区执委会", "合作区执行委员会"]
    {
        assert!(has(&f, body, "ORG"), "{body}: {f:?}");
    }
}

#[test]
fn village_party_branches_and_cooperatives_are_organizations() {
    let f = found("一个足够长的标题\n\n去年，村里成立了红岭茶叶种植专业合作社。石门村党支部书记介绍，合作社的茶叶销往各地。");
    assert!(has(&f, "红岭茶叶种植专业合作社", "ORG"), "{f:?}");
    assert!(has(&f, "石门村党支部", "ORG"), "{f:?}");
    assert!(
        !has(&f, "合作社", "ORG"),
        "a cooperative without a name: {f:?}"
    );
}

#[test]
fn districts_listed_by_their_bare_names_are_places_not_persons() {
    // jieba reads 吴江 and 嘉善 as persons' names; the list and its count say places.
    for text in [
        "一个足够长的标题\n\n据悉，松江、吴江、嘉善三地将共建生态廊道。",
        "一个足够長的標題\n\n據悉，松江、吳江、嘉善三地將共建生態廊道。",
    ] {
        let f = found(text);
        assert!(
            f.iter().all(|(_, l, _)| *l != "PERSON"),
            "no person here: {f:?}"
        );
        assert!(
            f.iter().filter(|(_, l, _)| *l == "REGION").count() >= 3,
            "{f:?}"
        );
    }
}

#[test]
fn a_lists_last_item_ends_at_its_count_or_before_one_more() {
    let f = found("一个足够长的标题\n\n会上，常州、镇江、扬州三市签署协议。游客还去了闽西的长汀、连城以及龙岩古田。");
    for city in ["常州", "镇江", "扬州", "长汀", "连城"] {
        assert!(has(&f, city, "REGION"), "{city}: {f:?}");
    }
    assert!(!has(&f, "扬州三市", "REGION"), "{f:?}");
}

#[test]
fn hospitals_and_bank_branches_are_organizations() {
    let f = found("一个足够长的标题\n\n中国建设银行韶关分行、广东南粤银行韶关分行为企业授信。乐昌市人民医院和中山大学附属第一医院的专家开展义诊。");
    for body in [
        "中国建设银行韶关分行",
        "广东南粤银行韶关分行",
        "乐昌市人民医院",
        "中山大学附属第一医院",
    ] {
        assert!(has(&f, body, "ORG"), "{body}: {f:?}");
    }
    // Going to hospital names none.
    let f = found("一个足够长的标题\n\n老人生病后去医院看病。");
    assert!(f.iter().all(|(_, l, _)| *l != "ORG"), "{f:?}");
}

#[test]
fn a_place_inside_a_common_word_or_after_a_region_jieba_knows_is_none() {
    // 出海口 "an outlet to the sea" holds 海口; 鄂西 runs into 西山区.
    let f = found("一个足够长的标题\n\n这里将成为西北地区便捷的出海口。鄂西山区的茶叶很有名。");
    assert!(!has(&f, "海口", "REGION"), "{f:?}");
    assert!(!has(&f, "西山区", "REGION"), "{f:?}");
    // 临江门 is a place too: 亲临江门 keeps 江门.
    let f = found("一个足够长的标题\n\n总书记亲临江门视察指导。");
    assert!(has(&f, "江门", "REGION"), "{f:?}");
}

#[test]
fn an_autonomous_prefecture_by_its_bare_name_and_zhou() {
    let f = found("一个足够长的标题\n\n记者来到湘西州凤凰县，又去了黔东南州。");
    assert!(has(&f, "湘西州", "REGION"), "{f:?}");
    assert!(has(&f, "黔东南州", "REGION"), "{f:?}");
}

#[test]
fn a_village_and_a_zones_county_are_named_again_by_their_bare_names() {
    // 石门坎 of 石门坎村 in a product's name; 平潭 of 平潭综合实验区, the county's name.
    let f = found("一个足够长的标题\n\n记者来到石门坎村。这里是“石门坎土豆”的产地。平潭综合实验区游客众多，平潭与台湾隔海相望。");
    let village = f
        .iter()
        .filter(|(t, l, _)| t == "石门坎" && *l == "REGION")
        .count();
    assert_eq!(village, 1, "{f:?}");
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
    assert!(has(&f, "平潭", "REGION"), "{f:?}");
}

#[test]
fn free_trade_zones_their_areas_and_new_towns() {
    let f = found("一个足够长的标题\n\n中国（福建）自由贸易试验区厦门片区新增企业2000家。集美新城、马銮湾新城加快建设。自贸试验区建设稳步推进。");
    for zone in ["中国（福建）自由贸易试验区", "厦门片区", "马銮湾新城"] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    // The kind alone names no zone.
    assert!(!has(&f, "自贸试验区", "REGION"), "{f:?}");
}

#[test]
fn a_registered_township_does_not_run_into_a_common_word() {
    // 海岛 + 乡村振兴 ("rural revitalization on islands"), though a township is called 海岛乡.
    let f = found("一个足够长的标题\n\n海岛乡村振兴有了新路径。宜兰县罗东镇公所表示欢迎。");
    assert!(!has(&f, "海岛乡", "REGION"), "{f:?}");
    assert!(has(&f, "罗东镇", "REGION"), "the town's office: {f:?}");
}

#[test]
fn a_rare_four_byte_ideograph_before_a_zone_is_read_as_a_character() {
    // U+20000 before 中 and a place: the pair before the place is read by characters.
    let f = found("一个足够长的标题\n\n𠀀中广州知识城建设加快。");
    assert!(has(&f, "广州知识城", "REGION"), "{f:?}");
}

#[test]
fn zones_by_longer_heads_by_a_place_starting_like_a_preposition_and_not_across_a_verb() {
    let f = found("一个足够长的标题\n\n桂林国家农业科技园区建设加快。武汉光谷吸引人才。今年建成了于洪智能制造产业园。双方将在仙游县、涵江区共建产业园区。");
    // 科技园区 whole, not 科技园; 光谷 a zone's head; 于洪 (of 于洪区) starts like 于 "at".
    for zone in ["桂林国家农业科技园区", "武汉光谷", "于洪智能制造产业园"] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    // 共建 "build together" is what the districts do, not part of a zone's name.
    assert!(has(&f, "涵江区", "REGION"), "{f:?}");
    assert!(
        !f.iter().any(|(s, _, _)| s.contains("共建")),
        "no zone across the verb: {f:?}"
    );
}

#[test]
fn a_border_zone_joins_the_places_across_its_dash_and_the_countries_before() {
    let f = found("一个足够长的标题\n\n中国越南东兴—芒街跨境经济合作区建设提速。");
    assert!(
        has(&f, "中国越南东兴—芒街跨境经济合作区", "REGION"),
        "{f:?}"
    );
}

#[test]
fn kinds_of_villages_and_towns_are_not_their_names() {
    let f = found("一个足够长的标题\n\n各地积极打造特色小镇和示范村。企业落户，金山湾片区、城东镇的市场繁荣。");
    for kind in ["特色小镇", "示范村"] {
        assert!(!has(&f, kind, "REGION"), "{kind}: {f:?}");
    }
    // A zone's area listed beside a town is the area whole, not a district 湾片 + 区.
    assert!(has(&f, "金山湾片区", "REGION"), "{f:?}");
    assert!(has(&f, "城东镇", "REGION"), "{f:?}");
}

#[test]
fn pastoral_villages_and_banners_bodies() {
    // 嘎查: a village of Inner Mongolia's pastures; 旗委: a banner's (county's) party committee.
    let f = found("一个足够长的标题\n\n查干淖尔镇巴彦嘎查的牧民增收，全嘎查通了网。旗委书记李宏伟说，要办好民生实事。");
    assert!(has(&f, "巴彦嘎查", "REGION"), "{f:?}");
    assert!(!has(&f, "全嘎查", "REGION"), "{f:?}");
    assert!(has(&f, "旗委", "ORG"), "{f:?}");
}

#[test]
fn branches_and_cooperatives_need_a_name_of_their_own() {
    let f = found("一个足够长的标题\n\n走访中了解情况。村党支部书记韦明介绍，全村种植柑橘。嘎查党支部书记介绍了情况。当地牧民合作社与企业合作。红星村党支部组织学习。");
    for kind in ["村党支部", "嘎查党支部", "当地牧民合作社", "牧民合作社"] {
        assert!(!has(&f, kind, "ORG"), "{kind}: {f:?}");
    }
    assert!(has(&f, "红星村党支部", "ORG"), "{f:?}");
}

#[test]
fn departments_of_a_region_companies_with_a_bracketed_word_and_a_county_starting_like_a_preposition(
) {
    let f = found("一个足够长的标题\n\n自治区林草厅专家介绍，湖南省商务厅副厅长张立新出席。市民在展厅里参观，酒店餐厅客满。江南建工（集团）股份有限公司中标。于田县委书记王刚到会。");
    for org in [
        "自治区林草厅",
        "湖南省商务厅",
        "江南建工（集团）股份有限公司",
        "于田县委",
    ] {
        assert!(has(&f, org, "ORG"), "{org}: {f:?}");
    }
    // A hall is no department, nor is a title.
    assert!(
        f.iter()
            .all(|(s, _, _)| !s.ends_with("餐厅") && !s.ends_with("展厅") && !s.ends_with("副厅")),
        "{f:?}"
    );
}

#[test]
fn provinces_by_abbreviation_before_their_count_and_in_a_merging() {
    // jieba's dictionary has 陕豫三省 as one place; 融合 "merging" follows places.
    let f = found("一个足够长的标题\n\n推动琼台融合发展。晋陕豫三省交界地区合作深化。第三届亚冬会在长春举行。");
    assert!(has(&f, "琼台", "REGION"), "{f:?}");
    assert!(has(&f, "晋陕豫", "REGION"), "{f:?}");
    // An edition's number names an event, not a person.
    assert!(f.iter().all(|(_, l, _)| *l != "PERSON"), "{f:?}");
}

#[test]
fn names_after_roles_and_a_mongolian_name_ending_in_he() {
    // 岩 (Dai men's names) after 负责人 "the person in charge", cued by 介绍; 孟和 ends a
    // Mongolian name where a verb, not a second name, follows 和.
    let f = found("一个足够长的标题\n\n站点负责人岩依香介绍，今年客流增长。嘎查党支部书记巴特孟和告诉记者，牧民收入提高。村民代表大会召开。");
    assert!(has(&f, "岩依香", "PERSON"), "{f:?}");
    assert!(has(&f, "巴特孟和", "PERSON"), "{f:?}");
    assert!(!has(&f, "巴特孟", "PERSON"), "{f:?}");
    assert!(!f.iter().any(|(s, _, _)| s.starts_with("代表")), "{f:?}");
}

#[test]
fn the_central_governments_zones_by_name_and_short_name() {
    // 前海 is split by jieba (前 + 海): the zone's table names it, not inside a word.
    let f = found("一个足够长的标题\n\n深汕特别合作区与前海联动发展，横琴也在加快建设。游客在眼前海景中合影。");
    for zone in ["深汕特别合作区", "前海", "横琴"] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    let qianhai = f.iter().filter(|(s, _, _)| s == "前海").count();
    assert_eq!(qianhai, 1, "not in 眼前海景: {f:?}");
}

#[test]
fn zones_with_a_city_in_brackets_a_generic_area_and_an_area_of_a_zone() {
    let f = found("一个足够长的标题\n\n东部（宁波）科学城加快建设。西咸新区重点片区建设提速。中国（上海）自由贸易试验区临港新片区管委会发布通知。企业在洋山特殊综合保税区落户。");
    for zone in ["东部（宁波）科学城", "西咸新区", "洋山特殊综合保税区"] {
        assert!(has(&f, zone, "REGION"), "{zone}: {f:?}");
    }
    assert!(!f.iter().any(|(s, _, _)| s.ends_with("重点片区")), "{f:?}");
    // The committee of a zone's area named after the zone: the whole name.
    assert!(
        has(&f, "中国（上海）自由贸易试验区临港新片区管委会", "ORG"),
        "{f:?}"
    );
}

#[test]
fn bay_area_pairs_and_a_district_named_inside_a_body() {
    let f = found("一个足够长的标题\n\n珠澳两地合作深化，深港合作提速。广州市天河区委书记陈明说，天河将加快发展。");
    assert!(has(&f, "珠澳", "REGION"), "{f:?}");
    assert!(has(&f, "深港", "REGION"), "{f:?}");
    // 天河区 named in the committee's name, then by its bare name.
    assert!(has(&f, "天河", "REGION"), "{f:?}");
}

#[test]
fn bodies_not_across_an_action_commissions_and_a_production_corps() {
    let f = found("一个足够长的标题\n\n公司在园区设立办公室。来自北京林业大学的专家出席。广州市卫健委发布通知。新疆生产建设兵团召开会议。我在新区工作。");
    for org in ["北京林业大学", "广州市卫健委", "新疆生产建设兵团"] {
        assert!(has(&f, org, "ORG"), "{org}: {f:?}");
    }
    assert!(
        !f.iter()
            .any(|(s, _, _)| s.contains("设立") || s.starts_with("来自")),
        "{f:?}"
    );
    // The article's new area, named by its kind alone, is no region.
    assert!(!has(&f, "新区", "REGION"), "{f:?}");
}

#[test]
fn a_uyghur_name_after_a_title_and_china_with_two_partners() {
    let f = found("一个足够长的标题\n\n主任买买提·艾力说，要加强合作。中吉乌铁路建设启动。");
    assert!(has(&f, "买买提·艾力", "PERSON"), "{f:?}");
    assert!(!has(&f, "艾力", "PERSON"), "{f:?}");
    assert!(!has(&f, "中吉乌", "PERSON"), "{f:?}");
}

#[test]
fn a_lists_last_name_before_deng_a_village_branch_after_its_town_and_counties_said_so() {
    // 刘国平等: 等 ends the list, though 平等 is a word ("equality").
    let f = found("一个足够长的标题\n\n县领导张建国、李红梅、刘国平等出席会议。石门镇黄田村党总支书记介绍了情况。要对标浏阳、茶陵等周边县市。");
    assert!(has(&f, "刘国平", "PERSON"), "{f:?}");
    assert!(!has(&f, "刘国", "PERSON"), "{f:?}");
    assert!(has(&f, "黄田村党总支", "ORG"), "{f:?}");
    assert!(has(&f, "石门镇", "REGION"), "{f:?}");
    // jieba has 茶陵 as a common word; a list that says it names counties vouches for it.
    assert!(has(&f, "茶陵", "REGION"), "{f:?}");
}

#[test]
fn a_committees_department_taiwans_city_government_and_a_walled_village() {
    let f = found("一个足够长的标题\n\n恩施州委宣传部负责人介绍。臺北市政府表示，市府將持續推動。天水圍居民出行需求大增。");
    assert!(has(&f, "恩施州委宣传部", "ORG"), "{f:?}");
    assert!(has(&f, "市府", "ORG"), "{f:?}");
    // 天水 is a city of Gansu; 天水圍 a new town of Hong Kong.
    assert!(!has(&f, "天水", "REGION"), "{f:?}");
}

#[test]
fn a_district_after_its_city_though_jieba_has_it_as_a_rare_word() {
    // 城中 ("in the city") and 新兴 ("emerging") are words to jieba, but rare ones: after 柳州 and
    // 云浮 they are their districts; 资源 ("resources") after 广西 stays a word.
    let f =
        found("一个足够长的标题\n\n柳州城中：老街焕新颜。云浮新兴：产业加快发展。广西资源丰富。");
    assert!(has(&f, "城中", "REGION"), "{f:?}");
    assert!(has(&f, "新兴", "REGION"), "{f:?}");
    assert!(!has(&f, "资源", "REGION"), "{f:?}");
}

#[test]
fn a_town_right_after_its_county_named_in_full() {
    // jieba reads 宏村 as a word: 黟县 + 宏村 + 镇 is the county and the town, not a village
    // named 黟县宏.
    let f = found("一个足够长的标题\n\n暑假里，游客走进黟县宏村镇写生。");
    assert!(has(&f, "黟县", "REGION"), "{f:?}");
    assert!(has(&f, "宏村镇", "REGION"), "{f:?}");
}
