//! The openness checklist of `msoko check`, grouped by the law each requirement
//! comes from, in the language of `--lang`.

use msoko::{Lang, Mark, Report};

pub(crate) fn print(report: &Report, lang: Lang) {
    let mut group = "";
    println!(
        "{}",
        match lang {
            Lang::Ru => "Чек-лист открытости сайта:",
            Lang::En => "Openness checklist of the site:",
        }
    );
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
        match lang {
            Lang::Ru => "Итого",
            Lang::En => "Total",
        },
        count(Mark::Present),
        count(Mark::Missing),
        count(Mark::Attention)
    );
}
