//! The openness checklist of `msoko check`, grouped by the law each requirement
//! comes from. Its requirements are Russian law and stay in Russian.

use msoko::{Mark, Report};

pub(crate) fn print(report: &Report) {
    let mut group = "";
    println!("Чек-лист открытости сайта:");
    if !report.checklist_computed {
        // Zero of everything would read like an empty pass.
        println!(
            "\nЧек-лист не составлен: не удалось прочитать настройки сайта (site.yaml). \
             Исправьте ошибки в site.yaml и запустите проверку снова."
        );
        return;
    }
    for item in &report.checklist {
        if item.group != group {
            group = item.group;
            println!("\n{group}");
        }
        println!(
            "  {} {}: {}",
            item.mark.symbol(),
            item.requirement,
            item.detail
        );
    }
    let count = |mark| report.checklist.iter().filter(|i| i.mark == mark).count();
    println!(
        "\nИтого: ✔ {}, ✘ {}, ⚠ {}.",
        count(Mark::Present),
        count(Mark::Missing),
        count(Mark::Attention)
    );
}
