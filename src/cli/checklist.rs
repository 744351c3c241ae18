//! The openness checklist of `msoko check`, grouped by the law each requirement
//! comes from, in the language of `--lang`.

use msoko::{tr, Lang, Mark, Report};

pub(crate) fn print(report: &Report, lang: Lang) {
    let mut group = "";
    let title = tr!(
        "Чек-лист открытости сайта:",
        "Openness checklist of the site:"
    );
    println!("{}", title.get(lang));
    if !report.checklist_computed {
        // Zero of everything would read like an empty pass.
        let not_made = tr!(
            "Чек-лист не составлен: не удалось прочитать настройки сайта (site.yaml). \
             Исправьте ошибки в site.yaml и запустите проверку снова.",
            "The checklist was not made: the site settings (site.yaml) could not be read. \
             Fix the errors in site.yaml and run the check again."
        );
        println!("\n{}", not_made.get(lang));
        return;
    }
    for item in &report.checklist {
        let (item_group, requirement, detail) = item.text(lang);
        if item_group != group {
            group = item_group;
            println!("\n{group}");
        }
        println!("  {} {requirement}: {detail}", item.mark.symbol());
    }
    let count = |mark| report.checklist.iter().filter(|i| i.mark == mark).count();
    println!(
        "\n{}: ✔ {}, ✘ {}, ⚠ {}.",
        tr!("Итого", "Total").get(lang),
        count(Mark::Present),
        count(Mark::Missing),
        count(Mark::Attention)
    );
}
