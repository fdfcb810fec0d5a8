//! Small presentational pieces shared by the headline and the table.

use leptos::prelude::*;
use report_model::Status;
use report_view::labels::status_label;
use report_view::numtext::{fixed, shortest};
use report_view::url_state::status_token;
use report_view::BarView;

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
    let fill = format!("{}%", fixed(bar.fill_percent, 2));
    let baseline = bar.baseline_percent.map(|b| {
        let left = format!("{}%", fixed(b, 2));
        view! { <span class="bar-baseline" style:left=left title="基期"></span> }
    });
    // Where 100 % of the target is, on a track that runs past it.
    let target = bar.target_percent.map(|t| {
        let left = format!("{}%", fixed(t, 2));
        view! { <span class="bar-target" style:left=left title="目标（100%）"></span> }
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
                <span class="bar-fill" style:width=fill></span>
                {baseline}
                {target}
            </div>
            {bar.overflow.then(|| view! { <span class="bar-overflow-mark" aria-hidden="true">"超100%"</span> })}
            <span class="bar-value" aria-hidden="true">{shown}</span>
        </div>
    }
}
