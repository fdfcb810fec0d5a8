//! Small presentational pieces shared by the summary figures and the table.

use leptos::prelude::*;
use page_logic::shortest;
use page_logic::status_label;
use page_logic::status_token;
use page_logic::BarView;
use report_model::Status;

/// A status as text and colour (never colour alone).
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let class = format!("status status-{}", status_token(status));
    view! { <span class=class>{status_label(status)}</span> }
}

/// An accessible progress bar on a track of fixed width (one column, one scale: the same percent
/// is the same length in every row). A value over 100 % shows a visible overflow mark; the
/// true figure is always in `aria-valuetext` and printed beside the bar.
#[component]
pub fn ProgressBar(
    bar: BarView,
    /// The figure shown beside the bar, as published ("201.28%").
    shown: String,
    #[prop(optional)] lagging: bool,
    #[prop(optional, into)] label: Option<String>,
) -> impl IntoView {
    let mut class = String::from("bar");
    if bar.overflow {
        class.push_str(" bar-overflow");
    }
    if bar.clipped {
        class.push_str(" bar-clipped");
    }
    if lagging {
        class.push_str(" bar-lagging");
    }
    // Widths and positions are classes in 1 % steps of the track (style/main.css), not style
    // attributes: the rendered HTML runs under a policy without 'unsafe-inline' for styles.
    let fill = format!("bar-fill w-{}", step(bar.fill_percent));
    let baseline = bar.baseline_percent.map(|b| {
        let class = format!("bar-baseline x-{}", step(b));
        view! { <span class=class title="基期"></span> }
    });
    // Where 100 % of the target is, on a track that runs past it.
    let target = bar.target_percent.map(|t| {
        let class = format!("bar-target x-{}", step(t));
        view! { <span class=class title="目标（100%）"></span> }
    });
    view! {
        <div class=class>
            <div
                class="bar-track"
                role="progressbar"
                aria-label=label
                aria-valuemin=shortest(bar.aria_valuemin)
                aria-valuemax=shortest(bar.aria_valuemax)
                aria-valuenow=shortest(bar.aria_valuenow)
                aria-valuetext=bar.aria_valuetext.clone()
            >
                <span class=fill></span>
                {baseline}
                {target}
            </div>
            {bar.overflow.then(|| view! { <span class="bar-overflow-mark" aria-hidden="true">"超100%"</span> })}
            <span class="bar-value" aria-hidden="true">{shown}</span>
        </div>
    }
}

/// A percentage of the track as its 1 % step, 0 to 100 (the classes `w-N` and `x-N`).
fn step(percent: f64) -> u32 {
    if percent.is_finite() {
        percent.round().clamp(0.0, 100.0) as u32
    } else {
        0
    }
}
