use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Kind, Salary};
use crate::source::document::SalaryDoc;
use toml::Spanned;

/// The earliest and latest years a salary's figures may be for.
const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// A salary's range must be the right way round, its figures dated and its
/// page linked over https; a job should say what it pays, or say that no
/// page confirms it (`pay_not_confirmed`).
pub fn check(
    (salary, pay_not_confirmed): (Option<&Spanned<SalaryDoc>>, Option<&String>),
    kind: Kind,
    entry: &Spanned<String>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Salary> {
    let Some(salary) = salary else {
        if kind == Kind::Job && pay_not_confirmed.is_none_or(|why| why.trim().is_empty()) {
            diagnostics.push(
                Diagnostic::new(&codes::JOB_WITHOUT_SALARY, file, Some(entry.span()), format!("the job `{}` has no salary", entry.get_ref()))
                    .with_hint("Add a [position.salary] table with min, max, source, url and year from the National Careers Service job profile; if no official page gives figures, say so with pay_not_confirmed = \"why\"."),
            );
        }
        return None;
    };
    let doc = salary.get_ref();
    let mut ok = true;
    if doc.min > doc.max {
        ok = false;
        diagnostics.push(
            Diagnostic::new(
                &codes::SALARY_RANGE,
                file,
                Some(salary.span()),
                format!(
                    "the salary's min ({}) is more than its max ({})",
                    doc.min, doc.max
                ),
            )
            .with_hint("Swap min and max: min is the starting salary, max the most experienced."),
        );
    }
    if !YEARS.contains(doc.year.get_ref()) {
        ok = false;
        diagnostics.push(
            Diagnostic::new(
                &codes::SALARY_YEAR,
                file,
                Some(doc.year.span()),
                format!(
                    "{} is not a plausible year for salary figures",
                    doc.year.get_ref()
                ),
            )
            .with_hint("Give the year the figures were published for, e.g. 2025."),
        );
    }
    if doc.source.trim().is_empty() {
        ok = false;
        diagnostics.push(
            Diagnostic::new(&codes::SALARY_SOURCE, file, Some(salary.span()), "the salary's source is empty")
                .with_hint("Name who published the figures, e.g. \"National Careers Service job profile: Bricklayer\"."),
        );
    }
    // The page the figures come from, held to the same rule as links.
    let url = super::links::check(std::slice::from_ref(&doc.url), file, diagnostics).pop();
    ok.then_some(()).and(url).map(|url| Salary {
        min: doc.min,
        max: doc.max,
        source: doc.source.trim().to_owned(),
        url,
        year: *doc.year.get_ref(),
    })
}
