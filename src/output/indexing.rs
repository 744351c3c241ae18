//! Files for search engines and feed readers: `sitemap.xml` (every page with the
//! date it last changed), `robots.txt`, and RSS 2.0 and Atom feeds of every section
//! listed newest first (`sort_by: date`: news, documents) that has dated pages.
//!
//! Dates come from the pages (front matter or git), never from the build clock, so
//! the files are byte-identical for the same input.

use chrono::NaiveDate;

use crate::model::{Model, Page};
use crate::render::{escape_html as escape, OutputFile};

/// How many items a feed carries: readers poll it, so it stays small.
const FEED_ITEMS: usize = 30;

/// The sitemap, robots.txt and feeds; `views` are the pages made from another page
/// (site path, index of that page), listed in the sitemap with that page's date.
pub(crate) fn indexing_files(model: &Model, views: &[(String, usize)]) -> Vec<OutputFile> {
    let mut files = vec![
        file("sitemap.xml", sitemap(model, views)),
        file(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}\n",
                model.permalink("/sitemap.xml")
            ),
        ),
    ];
    for (index, page) in model.pages.iter().enumerate() {
        if let Some([(_, rss_path), (_, atom_path)]) = model.feeds(index) {
            let items: Vec<&Page> = model
                .children
                .get(&index)
                .map(|c| {
                    c.pages
                        .iter()
                        .map(|&i| &model.pages[i])
                        .take(FEED_ITEMS)
                        .collect()
                })
                .unwrap_or_default();
            files.push(file(
                rss_path.trim_start_matches('/'),
                rss(model, page, &items),
            ));
            files.push(file(
                atom_path.trim_start_matches('/'),
                atom(model, page, &items),
            ));
        }
    }
    files
}

fn file(path: &str, text: String) -> OutputFile {
    OutputFile::bytes(path.to_string(), text.into_bytes())
}

fn sitemap(model: &Model, views: &[(String, usize)]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let pages = model.pages.iter().map(|page| (page.url.as_str(), page));
    let views = views
        .iter()
        .map(|(url, parent)| (url.as_str(), &model.pages[*parent]));
    for (url, page) in pages.chain(views) {
        xml.push_str(&format!(
            "  <url><loc>{}</loc>",
            escape(&model.permalink(url))
        ));
        if let Some(date) = page.updated.or(page.placed) {
            xml.push_str(&format!("<lastmod>{}</lastmod>", date.format("%Y-%m-%d")));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn rfc822(date: NaiveDate) -> String {
    date.format("%a, %d %b %Y 00:00:00 +0000").to_string()
}

fn rfc3339(date: NaiveDate) -> String {
    date.format("%Y-%m-%dT00:00:00Z").to_string()
}

fn rss(model: &Model, section: &Page, items: &[&Page]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n  <title>{} — {}</title>\n  <link>{}</link>\n  <description>{}</description>\n  <language>{}</language>\n  <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&section.title),
        escape(&model.config.authority.short_name.0),
        escape(&model.permalink(&section.url)),
        escape(section.description.as_deref().unwrap_or(&section.title)),
        escape(&model.config.language),
        escape(&model.permalink(&format!("{}rss.xml", section.url))),
    );
    if let Some(date) = items.iter().filter_map(|p| p.updated.or(p.placed)).max() {
        xml.push_str(&format!(
            "  <lastBuildDate>{}</lastBuildDate>\n",
            rfc822(date)
        ));
    }
    for item in items {
        let link = escape(&model.permalink(&item.url));
        xml.push_str(&format!("  <item>\n    <title>{}</title>\n    <link>{link}</link>\n    <guid isPermaLink=\"true\">{link}</guid>\n", escape(&item.title)));
        if let Some(date) = item.placed {
            xml.push_str(&format!("    <pubDate>{}</pubDate>\n", rfc822(date)));
        }
        if let Some(description) = &item.description {
            xml.push_str(&format!(
                "    <description>{}</description>\n",
                escape(description)
            ));
        }
        xml.push_str("  </item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

fn atom(model: &Model, section: &Page, items: &[&Page]) -> String {
    let self_url = model.permalink(&format!("{}atom.xml", section.url));
    let updated = items
        .iter()
        .filter_map(|p| p.updated.or(p.placed))
        .max()
        .or(section.updated)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{} — {}</title>\n  <id>{}</id>\n  <link href=\"{}\" rel=\"self\"/>\n  <link href=\"{}\"/>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n",
        escape(&model.config.language),
        escape(&section.title),
        escape(&model.config.authority.short_name.0),
        escape(&self_url),
        escape(&self_url),
        escape(&model.permalink(&section.url)),
        escape(&model.config.authority.full_name.0),
    );
    for item in items {
        let link = escape(&model.permalink(&item.url));
        let updated = item
            .updated
            .or(item.placed)
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), rfc3339);
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{link}</id>\n    <link href=\"{link}\"/>\n    <updated>{updated}</updated>\n",
            escape(&item.title)
        ));
        if let Some(date) = item.placed {
            xml.push_str(&format!("    <published>{}</published>\n", rfc3339(date)));
        }
        if let Some(description) = &item.description {
            xml.push_str(&format!("    <summary>{}</summary>\n", escape(description)));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
