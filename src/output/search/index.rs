//! The inverted index: for each term, the documents that contain it and how much.
//!
//! Built in three passes so that every distinct word is stemmed once, however many
//! pages use it: words of each document (in parallel), stems of the distinct words
//! (in parallel), then postings in document order. Hash maps only collect; terms are
//! sorted before they are written, so the bytes never depend on hashing.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::documents::{Document, Kind};
use super::terms::{for_each_word, WordStemmer};

/// Format version, for the script to refuse an index it does not understand.
pub(crate) const VERSION: u32 = 1;

/// A word's count in a document is capped: a page that repeats a word a hundred
/// times is not a hundred times more relevant.
const MAX_COUNT: u32 = 255;

/// `search/index.json`. Documents are numbered by their position in `docs`.
#[derive(Debug, Serialize)]
pub(crate) struct SearchIndex<'a> {
    pub(crate) version: u32,
    /// Kind labels; a document names its kind by number.
    pub(crate) kinds: Vec<&'static str>,
    /// `[url, title, kind, snippet]` per document.
    pub(crate) docs: Vec<(&'a str, &'a str, usize, &'a str)>,
    /// Every term, sorted (by code point, which is also JavaScript's order here).
    pub(crate) terms: Vec<String>,
    /// For `terms[i]`: pairs `gap, weight` flattened, documents ascending; `gap` is
    /// the document number minus the previous one in the list (the first: minus
    /// zero); `weight` is `2 × count + 1` when the term is in the title, `2 ×
    /// count` otherwise (count: in title and text together, at most 255).
    pub(crate) postings: Vec<Vec<u32>>,
}

/// Counts of each normalised word of a document: (in the title, in the text).
type WordCounts = HashMap<String, (u32, u32)>;

pub(crate) fn build_index(documents: &[Document]) -> SearchIndex<'_> {
    let counted: Vec<WordCounts> = documents.par_iter().map(count_words).collect();
    let distinct: HashSet<&str> = counted
        .iter()
        .flat_map(|counts| counts.keys().map(String::as_str))
        .collect();
    let distinct: Vec<&str> = distinct.into_iter().collect();
    let stems: HashMap<&str, String> = distinct
        .par_chunks(2048)
        .flat_map_iter(|chunk| {
            let stemmer = WordStemmer::new();
            chunk
                .iter()
                .map(move |&word| (word, stemmer.stem(word)))
                .collect::<Vec<_>>()
        })
        .collect();

    // Each document's terms and weights in parallel; then one pass in document order
    // appends them, so every list is ascending by document.
    let weighted: Vec<Vec<(&str, u32)>> = counted
        .par_iter()
        .map(|counts| {
            let mut by_term: HashMap<&str, (u32, u32)> = HashMap::new();
            for (word, &(title, text)) in counts {
                let entry = by_term.entry(stems[word.as_str()].as_str()).or_default();
                entry.0 += title;
                entry.1 += text;
            }
            by_term
                .into_iter()
                .map(|(term, (title, text))| {
                    (
                        term,
                        2 * (title + text).min(MAX_COUNT) + u32::from(title > 0),
                    )
                })
                .collect()
        })
        .collect();
    let mut postings: HashMap<&str, Vec<(u32, u32)>> = HashMap::new();
    for (number, terms) in weighted.into_iter().enumerate() {
        for (term, weight) in terms {
            postings
                .entry(term)
                .or_default()
                .push((number as u32, weight));
        }
    }
    let mut terms: Vec<(&str, Vec<(u32, u32)>)> = postings.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
    SearchIndex {
        version: VERSION,
        kinds: Kind::ALL.iter().map(|k| k.label()).collect(),
        docs: documents
            .iter()
            .map(|d| {
                (
                    d.url.as_str(),
                    d.title.as_str(),
                    d.kind.number(),
                    d.snippet.as_str(),
                )
            })
            .collect(),
        postings: terms.iter().map(|(_, list)| encode(list)).collect(),
        terms: terms
            .into_iter()
            .map(|(term, _)| term.to_string())
            .collect(),
    }
}

fn count_words(document: &Document) -> WordCounts {
    let mut counts = WordCounts::new();
    let mut count = |word: &str, in_title: bool| {
        let entry = match counts.get_mut(word) {
            Some(entry) => entry,
            None => counts.entry(word.to_string()).or_default(),
        };
        if in_title {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    };
    for_each_word(&document.title, |word| count(word, true));
    for_each_word(&document.names, |word| count(word, true));
    for_each_word(&document.text, |word| count(word, false));
    counts
}

/// `(document, weight)` ascending by document -> `gap, weight, gap, weight…`.
fn encode(list: &[(u32, u32)]) -> Vec<u32> {
    let mut out = Vec::with_capacity(list.len() * 2);
    let mut previous = 0;
    for &(document, weight) in list {
        out.push(document - previous);
        out.push(weight);
        previous = document;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(url: &str, title: &str, text: &str) -> Document {
        Document {
            url: url.into(),
            title: title.into(),
            kind: Kind::Page,
            snippet: String::new(),
            names: String::new(),
            text: text.into(),
        }
    }

    fn postings_of<'a>(index: &'a SearchIndex<'_>, term: &str) -> &'a [u32] {
        let at = index.terms.iter().position(|t| t == term).expect(term);
        &index.postings[at]
    }

    #[test]
    fn lists_each_term_with_gaps_and_weights() {
        let documents = [
            document("a/", "Медалисты", "Индекс неподтверждения медалистов"),
            document("b/", "Новости", "Ничего о наградах"),
            document("c/", "Итоги", "Медалист, медалисту, медалистом."),
        ];
        let index = build_index(&documents);
        // a: once in the title, once in the text -> 2×2+1; c: three times in the text.
        assert_eq!(postings_of(&index, "медалист"), [0, 5, 2, 6]);
        assert_eq!(postings_of(&index, "новост"), [1, 3]);
        assert_eq!(index.docs[2], ("c/", "Итоги", 0, ""));
    }

    #[test]
    fn sorts_terms_by_code_point() {
        let documents = [document("a/", "Школа 2025 pdf", "ёлка")];
        let index = build_index(&documents);
        assert_eq!(index.terms, ["2025", "pdf", "елк", "школ"]);
    }

    #[test]
    fn caps_counts() {
        let text = "план ".repeat(1000);
        let documents = [document("a/", "", &text)];
        let index = build_index(&documents);
        assert_eq!(postings_of(&index, "план"), [0, 2 * MAX_COUNT]);
    }

    #[test]
    fn other_names_rank_like_the_title() {
        let mut card = document("orgs/sosh-1/", "МБОУ СОШ № 1", "Лесная улица");
        card.names = "Средняя общеобразовательная школа № 1".into();
        let documents = [card];
        let index = build_index(&documents);
        // «школа» stands only in the full name: a title hit (odd weight).
        assert_eq!(postings_of(&index, "школ"), [0, 3]);
    }
}
