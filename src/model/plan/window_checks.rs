//! Deadlines that cannot be right for their plan: a window wholly outside the
//! plan's period, or one that ended before the act approving the plan was signed.

use super::PlanContext;
use crate::diagnostic::Diagnostic;
use crate::model::deadline::Deadline;
use crate::tr;

/// A warning when a window of a dated deadline lies wholly outside the plan's period
/// or ends before the act that approved the plan: a mistyped year, usually («2012» for
/// «2021»). A span that only overlaps an edge is not warned about: «2018-2019» in a
/// plan approved in December 2018 is read as whole years on purpose.
pub(super) fn outside_plan(
    deadline: &Deadline,
    no: &str,
    context: &PlanContext<'_, '_>,
) -> Option<Diagnostic> {
    let period = &context.period;
    let short = crate::dates::format_date_short;
    let text = &deadline.text;
    // Each window on its own: «Март-апрель 2026 2027» has one inside and one outside.
    let outside = deadline
        .spans
        .iter()
        .any(|s| s.end < period.from || s.start > period.to);
    if outside {
        let (from, to) = (short(period.from), short(period.to));
        return Some(
            Diagnostic::warning(
                context.file,
                tr!(
                    "срок пункта «{no}» «{text}» лежит вне периода плана ({from} – {to})",
                    "the deadline “{text}” of item “{no}” lies outside the plan's period ({from} – {to})"
                ),
            )
            .hint(tr!(
                "проверьте год в сроке и период плана (period: from, to); на диаграмме такой срок не виден",
                "check the year of the deadline and the plan's period (period: from, to); such a deadline is not visible on the chart"
            )),
        );
    }
    let approved = context.approved?;
    if deadline.spans.iter().any(|s| s.end < approved) {
        let act = short(approved);
        return Some(
            Diagnostic::warning(
                context.file,
                tr!(
                    "срок пункта «{no}» «{text}» истёк раньше, чем план был утверждён ({act})",
                    "the deadline “{text}” of item “{no}” ended before the plan was approved ({act})"
                ),
            )
            .hint(tr!(
                "проверьте год в сроке и дату в approved; срок, прошедший до утверждения плана, исполнить по плану нельзя",
                "check the year of the deadline and the date in approved: a deadline that passed before the plan was approved cannot be met under the plan"
            )),
        );
    }
    None
}
