use crate::diagnostic::{Diagnostic, FileId, codes};
use crate::journey::{Kind, Salary};
use crate::source::document::SalaryDoc;
use toml::Spanned;

/// The earliest and latest years a salary's figures may be for.
const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

/// A salary's range must be the right way round and its figures dated;
/// a job should say what it pays.
pub fn check(
    salary: Option<&Spanned<SalaryDoc>>,
    kind: Kind,
    entry: &Spanned<String>,
    file: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Salary> {
    let Some(salary) = salary else {
        if kind == Kind::Job {
            diagnostics.push(
                Diagnostic::new(&codes::JOB_WITHOUT_SALARY, file, Some(entry.span()), format!("the job `{}` has no salary", entry.get_ref()))
                    .with_hint("Add a [position.salary] table with min, max, source and year, e.g. from the National Careers Service job profile."),
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
    ok.then(|| Salary {
        min: doc.min,
        max: doc.max,
        source: doc.source.trim().to_owned(),
        year: *doc.year.get_ref(),
    })
}
