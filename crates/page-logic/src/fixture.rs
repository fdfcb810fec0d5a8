//! A small, valid report built from the Tongzhou 2019 seed text, for tests.

use std::cell::RefCell;
use std::collections::HashMap;

use report_model::{
    Change, Direction, Indicator, IndicatorKind, Measure, Meta, Paragraph, Qualifier,
    QualifierKind, QualifierPlace, Report, Section, SourceRef, Status, Summary, SummaryFigure,
    TargetCompletion, SCHEMA_VERSION,
};

pub(crate) fn m(raw: &str, number: f64, unit: &str) -> Measure {
    Measure {
        raw: raw.into(),
        number,
        unit: unit.into(),
        qualifiers: vec![],
    }
}

/// A measure with qualifiers; its number is read from the digits of `raw`.
pub(crate) fn mq(raw: &str, unit: &str, q: &[(QualifierKind, &str, QualifierPlace)]) -> Measure {
    let digits: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let mut out = m(raw, digits.parse().unwrap_or(0.0), unit);
    out.qualifiers = q
        .iter()
        .map(|&(kind, word, place)| Qualifier {
            kind,
            word: word.into(),
            place,
        })
        .collect();
    out
}

thread_local! {
    /// Each fixture indicator's sentence, by id, until [`paragraph`] turns it into a char range.
    static SENTENCES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// An indicator with only its name, kind and sentence; the rest is set by the helpers below and
/// by [`paragraph`] / [`heading_section`].
pub(crate) fn ind(id: &str, name: &str, kind: IndicatorKind, sentence: &str) -> Indicator {
    SENTENCES.with(|s| s.borrow_mut().insert(id.into(), sentence.into()));
    Indicator {
        id: id.into(),
        name: name.into(),
        section_id: String::new(),
        kind,
        value: None,
        baseline: None,
        change: None,
        target: None,
        goal: None,
        status: Status::Unstated,
        status_basis: None,
        category: None,
        source: SourceRef {
            paragraph_id: None,
            start: 0,
            end: 0,
        },
    }
}

/// The sentence [`ind`] was given for `id`.
pub(crate) fn sentence_of(id: &str) -> String {
    SENTENCES.with(|s| s.borrow().get(id).cloned().unwrap_or_default())
}

pub(crate) fn value(mut i: Indicator, v: Measure) -> Indicator {
    i.value = Some(v);
    i
}

fn target(mut i: Indicator, raw: &str, percent: Measure, status: Status) -> Indicator {
    i.target = Some(TargetCompletion {
        raw: raw.into(),
        percent,
        done: None,
        total: None,
    });
    i.status = status;
    i.status_basis = Some(raw.into());
    i
}

fn change(
    mut i: Indicator,
    raw: &str,
    basis: &str,
    direction: Direction,
    amount: Measure,
) -> Indicator {
    i.change = Some(Change {
        raw: raw.into(),
        basis: basis.into(),
        direction,
        amount,
    });
    i
}

/// Char offset of `needle` in `text`.
fn char_range(text: &str, needle: &str) -> (u32, u32) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("fixture sentence {needle:?} is not in its text"));
    let start = text[..byte].chars().count() as u32;
    (start, start + needle.chars().count() as u32)
}

pub(crate) fn paragraph(section_id: &str, id: &str, text: &str, inds: Vec<Indicator>) -> Paragraph {
    let indicators = inds
        .into_iter()
        .map(|mut i| {
            let (start, end) = char_range(text, &sentence_of(&i.id));
            i.section_id = section_id.into();
            i.source.paragraph_id = Some(id.into());
            i.source.start = start;
            i.source.end = end;
            i
        })
        .collect();
    Paragraph {
        id: id.into(),
        lead: None,
        text: text.into(),
        indicators,
    }
}

pub(crate) fn section(id: &str, level: u8, number: &str, title: &str) -> Section {
    Section {
        id: id.into(),
        level,
        number: number.into(),
        title: title.into(),
        paragraphs: vec![],
        children: vec![],
        indicators: vec![],
    }
}

/// A section whose heading itself is a (qualitative, lagging) indicator.
fn heading_section(id: &str, number: &str, title: &str, ind_id: &str, name: &str) -> Section {
    let mut s = section(id, 3, number, title);
    let mut i = ind(ind_id, name, IndicatorKind::Qualitative, title);
    i.section_id = id.into();
    i.status = Status::Lagging;
    i.status_basis = Some("相对滞后".into());
    i.source.end = title.chars().count() as u32;
    s.indicators.push(i);
    s
}

pub(crate) fn meta() -> Meta {
    Meta {
        title: "通州区2019年度绩效管理工作报告".into(),
        published: Some("2020-01-10".into()),
        source: Some("区信息中心".into()),
        year: Some(2019),
        lang: "zh-CN".into(),
    }
}

/// A long published paragraph, for tests that want realistic text.
pub(crate) const S_LONG: &str = P_GREEN;

const P_OVERALL: &str = "2019年是通州区正式进入副中心时代的元年,为全面落实党中央、国务院批复的北京城市副中心控制性详细规划,加快推进城市副中心高质量发展,市委、市政府决定设立城市副中心党工委、管委会,与通州区委区政府合署办公,按照集中领导、高效统筹、扁平化管理的原则,构建形成了“五局一办一公司”的工作体系。重点部门的凝聚,体制优势的显现,各项市级重大工程得以快速落地,通州区政府承办的45项市政府绩效任务、7个市级专项指标得到全面落实。总体来看,45任务中,有43能够完成年初既定目标,完成率95.56%2项任务进度有所滞后,7个专项指标完成情况良好,初步实现了“副中心的事副中心办”。";
const S_TASKS: &str = "重点部门的凝聚,体制优势的显现,各项市级重大工程得以快速落地,通州区政府承办的45项市政府绩效任务、7个市级专项指标得到全面落实。";
const S_RATE: &str = "总体来看,45任务中,有43能够完成年初既定目标,完成率95.56%2项任务进度有所滞后,7个专项指标完成情况良好,初步实现了“副中心的事副中心办”。";

const P_GREEN: &str = "绿化造林面积持续增加。深入落实国家森林城市创建指标体系,建设小微绿地、城市公园13处,面积3087.2亩,公园500米服务半径覆盖率由80%提升至85.8%,群众“出门见绿、起步闻香”的绿色生活体验不断增强。完成了潮白河生态带(三期)约6593.69亩的大树栽植,与西集镇中心公园等8项工程,形成总面积约34838亩的潮白河生态景观带;完成了台湖万亩游憩园(四期)2782.25亩大树栽植工作,与永顺城市公园等6项工程,形成总面积约25594亩的生态绿带(与朝阳区之间)。我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点,逐步实现副中心主要通道景观“景不断链、绿不断线”。";
const S_PARK: &str = "深入落实国家森林城市创建指标体系,建设小微绿地、城市公园13处,面积3087.2亩,公园500米服务半径覆盖率由80%提升至85.8%,群众“出门见绿、起步闻香”的绿色生活体验不断增强。";
const S_TREES: &str = "我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点,逐步实现副中心主要通道景观“景不断链、绿不断线”。";

const P_AIR: &str = "大气污染防治取得成效我区1-12月细颗粒物浓度预计为46微克/立方米,同比改善16.7%,三年滑动平均浓度下降16.4%。经测算,化学需氧量减排1006.4吨,完成全年目标的201.28%,氨氮减排148.3吨,完成全年目标的247.17%,预计实现万元地区生产总值二氧化碳排放下降5.6%。";
const S_PM: &str = "大气污染防治取得成效我区1-12月细颗粒物浓度预计为46微克/立方米,同比改善16.7%,三年滑动平均浓度下降16.4%。";
const S_COD: &str = "经测算,化学需氧量减排1006.4吨,完成全年目标的201.28%,氨氮减排148.3吨,完成全年目标的247.17%,预计实现万元地区生产总值二氧化碳排放下降5.6%。";

const P_JOBS: &str = "促进城乡劳动者就业效果明显。我区共促进城乡劳动力就业19275人,完成年度目标的160.6%。以城市副中心建设为契机,加大政策扶持力度,组织开展各类招聘活动279场,居全市第一,提供岗位8.6万个,达成意向2.8万人次。";
const S_JOBS: &str = "我区共促进城乡劳动力就业19275人,完成年度目标的160.6%。";
const S_POSTS: &str = "以城市副中心建设为契机,加大政策扶持力度,组织开展各类招聘活动279场,居全市第一,提供岗位8.6万个,达成意向2.8万人次。";

const P_WASTE: &str = "垃圾分类工作更加深入。制定《2019年度通州区垃圾分类工作实施方案》,搭建精细化管理平台,明确管理主体责任和分类类别,实现投放、收集、运输、处理系统全覆盖,再生能源发电厂年焚烧处理垃圾757831.04吨,生活垃圾无害化处理率达到100%。";
const S_WASTE: &str = "制定《2019年度通州区垃圾分类工作实施方案》,搭建精细化管理平台,明确管理主体责任和分类类别,实现投放、收集、运输、处理系统全覆盖,再生能源发电厂年焚烧处理垃圾757831.04吨,生活垃圾无害化处理率达到100%。";

const P_ROADS: &str = "交通综合治理工作稳步推进。我区全年道路大修86.15公里,占全年目标的111.88%,完成路面预防性养护和小修工程共计54.2万平米,路面技术状况明显改善,治理安全隐患点1700余处,乡村公路安保设施水平显著提升。";
const S_ROADS: &str = "我区全年道路大修86.15公里,占全年目标的111.88%,完成路面预防性养护和小修工程共计54.2万平米,路面技术状况明显改善,治理安全隐患点1700余处,乡村公路安保设施水平显著提升。";

/// The fixture report: 3 top sections, 4 sub-sections, 17 indicators, with a summary.
pub(crate) fn report() -> Report {
    use IndicatorKind::*;
    use QualifierKind::*;
    use QualifierPlace::*;
    let mut s1 = section("s-1", 1, "一", "总体情况");
    // A share of tasks, not the completion of a target, and no status of its own.
    let rate = value(
        ind("i-rate", "任务完成率", Share, S_RATE),
        m("95.56", 95.56, "%"),
    );
    let mut lagging = value(
        ind("i-lagging", "进度滞后的任务", Level, S_RATE),
        m("2", 2.0, "项"),
    );
    lagging.status = Status::Lagging;
    lagging.status_basis = Some("有所滞后".into());
    s1.paragraphs.push(paragraph(
        "s-1",
        "p-1-1",
        P_OVERALL,
        vec![
            value(
                ind("i-tasks", "市政府绩效任务", Level, S_TASKS),
                m("45", 45.0, "项"),
            ),
            value(
                ind("i-special", "市级专项指标", Level, S_TASKS),
                m("7", 7.0, "个"),
            ),
            value(
                ind("i-on-target", "完成年初既定目标的任务", Level, S_RATE),
                m("43", 43.0, ""),
            ),
            rate,
            lagging,
        ],
    ));

    let mut s2 = section("s-2", 1, "二", "主要做法和工作成效");
    let mut s21 = section("s-2-1", 2, "一", "高质量发展");
    let mut park = value(
        ind("i-park", "公园500米服务半径覆盖率", Share, S_PARK),
        m("85.8", 85.8, "%"),
    );
    park.baseline = Some(m("80", 80.0, "%"));
    s21.paragraphs = vec![
        paragraph(
            "s-2-1",
            "p-2-1-1",
            P_GREEN,
            vec![
                park,
                target(
                    value(
                        ind("i-trees", "新增大树种植", Completion, S_TREES),
                        m("37814", 37814.0, "亩"),
                    ),
                    "完成总目标的114.59%",
                    m("114.59", 114.59, "%"),
                    Status::Exceeded,
                ),
                change(
                    value(
                        ind("i-forest", "森林覆盖率", Share, S_TREES),
                        m("33", 33.0, "%"),
                    ),
                    "同比提高2.8个百分点",
                    "同比",
                    Direction::Up,
                    m("2.8", 2.8, "个百分点"),
                ),
            ],
        ),
        paragraph(
            "s-2-1",
            "p-2-1-2",
            P_AIR,
            vec![
                change(
                    value(
                        ind("i-pm25", "细颗粒物浓度", Level, S_PM),
                        mq("46", "微克/立方米", &[(Estimate, "预计", Before)]),
                    ),
                    "同比改善16.7%",
                    "同比",
                    Direction::Down,
                    m("16.7", 16.7, "%"),
                ),
                target(
                    value(
                        ind("i-cod", "化学需氧量减排", Completion, S_COD),
                        m("1006.4", 1006.4, "吨"),
                    ),
                    "完成全年目标的201.28%",
                    m("201.28", 201.28, "%"),
                    Status::Exceeded,
                ),
                target(
                    value(
                        ind("i-nh3", "氨氮减排", Completion, S_COD),
                        m("148.3", 148.3, "吨"),
                    ),
                    "完成全年目标的247.17%",
                    m("247.17", 247.17, "%"),
                    Status::Exceeded,
                ),
            ],
        ),
        paragraph(
            "s-2-1",
            "p-2-1-3",
            P_JOBS,
            vec![
                target(
                    value(
                        ind("i-jobs", "促进城乡劳动力就业", Completion, S_JOBS),
                        m("19275", 19275.0, "人"),
                    ),
                    "完成年度目标的160.6%",
                    m("160.6", 160.6, "%"),
                    Status::Exceeded,
                ),
                value(
                    ind("i-posts", "提供岗位", Level, S_POSTS),
                    m("8.6万", 86000.0, "个"),
                ),
            ],
        ),
    ];
    let mut s22 = section("s-2-2", 2, "二", "高效率落实");
    let mut waste = value(
        ind("i-waste", "生活垃圾无害化处理率", Share, S_WASTE),
        m("100", 100.0, "%"),
    );
    waste.status = Status::Met;
    waste.status_basis = Some("实现投放、收集、运输、处理系统全覆盖".into());
    s22.paragraphs = vec![
        paragraph("s-2-2", "p-2-2-1", P_WASTE, vec![waste]),
        paragraph(
            "s-2-2",
            "p-2-2-2",
            P_ROADS,
            vec![target(
                value(
                    ind("i-roads", "道路大修", Completion, S_ROADS),
                    m("86.15", 86.15, "公里"),
                ),
                "占全年目标的111.88%",
                m("111.88", 111.88, "%"),
                Status::Exceeded,
            )],
        ),
    ];
    s2.children = vec![s21, s22];

    let mut s3 = section("s-3", 1, "三", "存在问题及改进措施");
    s3.children = vec![
        heading_section(
            "s-3-1",
            "1",
            "总消费增速进展相对滞后",
            "i-consume",
            "总消费增速",
        ),
        heading_section(
            "s-3-2",
            "2",
            "辖区降尘量控制进度相对滞后",
            "i-dust",
            "辖区降尘量控制",
        ),
    ];

    let fig = |raw: &str, number: f64, unit: &str, id: &str| SummaryFigure {
        value: m(raw, number, unit),
        indicator_id: id.into(),
    };
    Report {
        schema_version: SCHEMA_VERSION.into(),
        meta: meta(),
        summary: Some(Summary {
            tasks_total: Some(fig("45", 45.0, "项", "i-tasks")),
            tasks_on_target: Some(fig("43", 43.0, "", "i-on-target")),
            completion_rate: Some(fig("95.56", 95.56, "%", "i-rate")),
            tasks_lagging: Some(fig("2", 2.0, "项", "i-lagging")),
            special_indicators: Some(fig("7", 7.0, "个", "i-special")),
        }),
        sections: vec![s1, s2, s3],
    }
}

#[test]
fn the_fixture_is_a_valid_report() {
    assert_eq!(report_model::validate(&report()), vec![]);
    assert_eq!(report().indicators().len(), 17);
}

/// Calls `f` on every indicator of `r`, headings' and paragraphs', at every depth.
pub(crate) fn each_indicator_mut(r: &mut Report, f: &mut dyn FnMut(&mut Indicator)) {
    fn walk(s: &mut Section, f: &mut dyn FnMut(&mut Indicator)) {
        s.indicators.iter_mut().for_each(&mut *f);
        for p in &mut s.paragraphs {
            p.indicators.iter_mut().for_each(&mut *f);
        }
        for c in &mut s.children {
            walk(c, f);
        }
    }
    for s in &mut r.sections {
        walk(s, f);
    }
}
