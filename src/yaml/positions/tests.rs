use super::*;

fn at(line: usize, column: usize) -> Option<Position> {
    Some(Position { line, column })
}

#[test]
fn finds_keys_and_values_of_nested_maps() {
    let p = Positions::new("title: x\nauthority:\n  name: УО\n  report_deadline: \"10-25\"\n");
    assert_eq!(p.key("title"), at(1, 1));
    assert_eq!(p.value("title"), at(1, 8));
    assert_eq!(p.key("authority.report_deadline"), at(4, 3));
    // A quoted value starts at its quote.
    assert_eq!(p.value("authority.report_deadline"), at(4, 20));
    assert_eq!(p.line("authority"), Some(2));
    assert_eq!(p.key("report_deadline"), None);
}

#[test]
fn finds_entries_of_a_list_of_maps() {
    let text = "- id: a\n  name: x\n-   id: \"b\"\n- name: y\n  id: c\n";
    let p = Positions::new(text);
    assert_eq!(p.key("[0].id"), at(1, 3));
    assert_eq!(p.key("[1].id"), at(3, 5));
    assert_eq!(p.value("[1].id"), at(3, 9));
    // The entry starts at its first key, its `id` may come later.
    assert_eq!(p.line("[2]"), Some(4));
    assert_eq!(p.key("[2].id"), at(5, 3));
    assert_eq!(p.value("[3]"), None);
}

#[test]
fn reads_flow_style() {
    let p = Positions::new(
        "key_indicators: [a, \"b\", c-d]\nperiod: {from: 2025-09-01, to: 2026-08-31}\n",
    );
    assert_eq!(p.value("key_indicators[0]"), at(1, 18));
    assert_eq!(p.value("key_indicators[1]"), at(1, 21));
    assert_eq!(p.value("key_indicators[2]"), at(1, 26));
    assert_eq!(p.key("period.to"), at(2, 28));
    assert_eq!(p.value("period.to"), at(2, 32));
}

#[test]
fn starts_a_block_scalar_at_its_text_and_a_quoted_one_at_its_quote() {
    let text = "description: |\n  Первая строка\n  вторая\nmethod: >-\n  a\n  b\nsource: \"a\n  b\"\nnext: 1\n";
    let p = Positions::new(text);
    assert_eq!(p.key("description"), at(1, 1));
    // The text of `|` and `>` starts on the line below the key.
    assert_eq!(p.value("description"), at(2, 3));
    assert_eq!(p.key("method"), at(4, 1));
    assert_eq!(p.value("source"), at(7, 9));
    assert_eq!(p.key("next"), at(9, 1));
}

#[test]
fn is_not_fooled_by_comments_or_keys_of_earlier_entries() {
    let text = "# id: old\nsections:\n  - title: A # title: B\n    items:\n      - title: B\n        id: x\nid: top\n";
    let p = Positions::new(text);
    assert_eq!(p.key("id"), at(7, 1));
    assert_eq!(p.key("sections[0].items[0].title"), at(5, 9));
    assert_eq!(p.key("sections[0].items[0].id"), at(6, 9));
    assert_eq!(p.find("", "B"), at(5, 16));
}

#[test]
fn reads_quoted_keys_as_their_text() {
    let p = Positions::new("years:\n  \"2024\":\n    to: [a]\n  '2025': {to: [b]}\n  2026: {}\n");
    assert_eq!(p.key("years.2024"), at(2, 3));
    assert_eq!(p.key("years.2025"), at(4, 3));
    assert_eq!(p.value("years.2025.to[0]"), at(4, 17));
    assert_eq!(p.key("years.2026"), at(5, 3));
}

#[test]
fn counts_columns_in_characters_in_cyrillic() {
    let p = Positions::new("название: «Школа № 5»\nпункты: [первый, второй]\n");
    assert_eq!(p.value("название"), at(1, 11));
    assert_eq!(p.value("пункты[1]"), at(2, 18));
}

#[test]
fn finds_a_whole_scalar_under_a_path() {
    let text = "years:\n  2024:\n    effect: {link: a/b}\n    to: [ozernaya-oosh]\n  2025:\n    to: [x, ozernaya-oos]\n    document: a/b\n";
    let p = Positions::new(text);
    assert_eq!(p.find("", "ozernaya-oos"), at(6, 13));
    assert_eq!(p.find("", "a/b"), at(3, 20));
    assert_eq!(p.find("years.2025", "a/b"), at(7, 15));
    assert_eq!(p.find("years.202", "a/b"), None);
    assert_eq!(p.find_keyed("years.2025", "to", "a/b"), None);
    assert_eq!(p.find_keyed("years", "document", "a/b"), at(7, 15));
    assert_eq!(p.find_keyed("years", "to", "ozernaya-oos"), at(6, 13));
}

#[test]
fn skips_complex_keys_and_keeps_what_came_before_an_error() {
    let p = Positions::new("? [a, b]\n: c\nd: e\n");
    assert_eq!(p.key("d"), at(3, 1));
    assert_eq!(p.value("?"), at(2, 3));
    let broken = Positions::new("a: 1\nb: [2\nc: 3\n");
    assert_eq!(broken.key("a"), at(1, 1));
    assert_eq!(broken.key("c"), None);
}

#[test]
fn reads_only_the_first_document() {
    let p = Positions::new("a: 1\n---\nb: 2\n");
    assert_eq!(p.key("a"), at(1, 1));
    assert_eq!(p.key("b"), None);
}

#[test]
fn finds_a_key_repeated_in_one_mapping_not_in_another() {
    let text =
        "- id: a\n  short_name: A\n- id: b\n  short_name: B\n  rural: true\n  short_name: C\n";
    let p = Positions::new(text);
    assert_eq!(p.repeated_key("short_name", 3), at(6, 3));
    assert_eq!(p.repeated_key("short_name", 1), at(6, 3));
    assert_eq!(p.repeated_key("rural", 1), None);
}
