//! Realistic synthetic reports of the genre, for benchmarks and scale tests.

use crate::numbers::to_cn_numeral;

/// SplitMix64: small, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or("")
    }

    /// An integer in lo..=hi.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// A decimal with one or two places, e.g. "1234.5".
    fn dec(&mut self, lo: u64, hi: u64) -> String {
        let places = 1 + self.below(2);
        let frac = if places == 1 {
            self.int(1, 9)
        } else {
            self.int(11, 99)
        };
        format!("{}.{frac}", self.int(lo, hi))
    }
}

const DISTRICTS: &[&str] = &[
    "东城区",
    "西城区",
    "朝阳区",
    "海淀区",
    "丰台区",
    "通州区",
    "顺义区",
    "昌平区",
    "大兴区",
    "房山区",
];
const AREAS: &[&str] = &[
    "绿化",
    "污水处理",
    "垃圾分类",
    "公共服务",
    "道路养护",
    "河道治理",
    "社区服务",
    "就业援助",
    "养老服务",
    "文化活动",
    "体育健身",
    "交通治理",
    "营商环境",
    "政务服务",
    "安全生产",
    "食品安全",
    "医疗卫生",
    "教育培训",
    "科技创新",
    "城市管理",
    "农村人居环境",
    "老旧小区改造",
    "背街小巷整治",
    "园林景观",
];
const SUBJECTS: &[&str] = &["全区", "我区", "各镇街", "区级部门", ""];
const PROGRESS: &[&str] = &[
    "稳步推进",
    "持续深化",
    "成效明显",
    "不断完善",
    "全面提升",
    "取得突破",
];
const TOP_TITLES: &[&str] = &[
    "总体情况",
    "主要做法和工作成效",
    "重点任务推进情况",
    "存在问题及改进措施",
    "下一步工作安排",
];

/// One sentence with exactly `k` figures' worth of indicators (1, 2 or 3); returns it and k.
fn sentence(rng: &mut Rng, max: usize) -> (String, usize) {
    let a = rng.pick(AREAS);
    let b = rng.pick(AREAS);
    let subj = rng.pick(SUBJECTS);
    let choice = if max >= 3 {
        rng.below(7)
    } else if max == 2 {
        rng.below(6)
    } else {
        rng.below(5)
    };
    match choice {
        0 => (
            format!(
                "{subj}完成{a}面积{}亩,完成全年目标的{}%,同比提高{}个百分点。",
                rng.dec(100, 99999),
                rng.dec(101, 240),
                rng.dec(1, 9)
            ),
            1,
        ),
        1 => {
            let from = rng.int(30, 80);
            (
                format!("{a}覆盖率由{from}%提升至{}%。", rng.dec(from + 1, 99)),
                1,
            )
        }
        2 => (format!("{a}浓度同比下降{}%。", rng.dec(1, 40)), 1),
        3 => (
            format!(
                "{subj}{a}满意率达到{}%,同比提高{}%。",
                rng.dec(60, 99),
                rng.dec(1, 30)
            ),
            1,
        ),
        4 => (
            format!(
                "完成{a}项目{}项,占全年任务的{}%。",
                rng.int(3, 900),
                rng.int(101, 250)
            ),
            1,
        ),
        5 => (
            format!(
                "组织开展各类{a}活动{}场,提供岗位{}万个。",
                rng.int(10, 999),
                rng.dec(1, 20)
            ),
            2,
        ),
        _ => (
            format!(
                "共拆除{a}违法建设{}万平方米,腾退占地{}公顷,设置{b}服务站{}座。",
                rng.dec(1, 2000),
                rng.dec(1, 3000),
                rng.int(2, 800)
            ),
            3,
        ),
    }
}

/// A figure-free sentence, with the numbers a report has that are not figures.
fn filler(rng: &mut Rng, year: u64) -> String {
    let a = rng.pick(AREAS);
    match rng.below(4) {
        0 => format!("{a}工作机制不断完善,形成上下联动、条块结合的工作格局。"),
        1 => format!("{year}年1-12月,依托12345市民热线持续推进{a}“接诉即办”。"),
        2 => format!("印发《{year}年度{a}工作实施方案》,明确责任分工。"),
        _ => format!("一是强化统筹,二是压实责任,推动{a}工作落地见效。"),
    }
}

/// Generates a report of the genre with `sections` sections (all levels counted) and about
/// `indicators` figures, deterministic for a given `seed`.
pub fn synthetic_report_text(sections: usize, indicators: usize, seed: u64) -> String {
    let mut rng = Rng(seed ^ 0x005E_ED0F_2019);
    let sections = sections.max(1);
    let year = 2015 + rng.below(8);
    let district = rng.pick(DISTRICTS);
    let mut out = String::with_capacity(indicators * 60 + sections * 200 + 512);
    out.push_str(&format!("{district}{year}年度绩效管理工作报告\n\n"));
    out.push_str(&format!(
        "日期:{}-01-{:02}    来源:区信息中心\n\n分享:\n字号:        \n\n",
        year + 1,
        rng.int(5, 28)
    ));
    let base = indicators / sections;
    let extra = indicators % sections;
    let (mut l1, mut l2, mut l3) = (0u32, 0u32, 0u32);
    for i in 0..sections {
        // Heading: a level-1 section every fourth section, then (一), 1., (二).
        match i % 4 {
            0 => {
                l1 += 1;
                l2 = 0;
                l3 = 0;
                let t = TOP_TITLES
                    .get((l1 as usize - 1) % TOP_TITLES.len())
                    .copied()
                    .unwrap_or("工作情况");
                out.push_str(&format!("{}、{t}\n\n", to_cn_numeral(l1)));
            }
            1 | 3 => {
                l2 += 1;
                l3 = 0;
                let a = rng.pick(AREAS);
                out.push_str(&format!("({}){a}工作\n\n", to_cn_numeral(l2)));
            }
            _ => {
                l3 += 1;
                let a = rng.pick(AREAS);
                let p = rng.pick(PROGRESS);
                out.push_str(&format!("{l3}.{a}{p}\n\n"));
            }
        }
        let mut left = base + usize::from(i < extra);
        while left > 0 {
            // A paragraph: a lead sentence, 2-4 sentences, now and then a filler.
            let a = rng.pick(AREAS);
            let p = rng.pick(PROGRESS);
            out.push_str(&format!("{a}工作{p}。"));
            let n = 2 + rng.below(3);
            for _ in 0..n {
                if left == 0 {
                    break;
                }
                if rng.below(5) == 0 {
                    out.push_str(&filler(&mut rng, year));
                }
                let (s, k) = sentence(&mut rng, left);
                out.push_str(&s);
                left -= k.min(left);
            }
            out.push_str("\n\n");
        }
    }
    out.push_str("主办:某区人民政府        政府网站标识码:1101120001 京ICP备05031679号\n");
    out
}
