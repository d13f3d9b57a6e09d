package org.paramprediction.report;

import java.util.List;

/** {@code index.html}: every figure with its caption, the plots that were skipped and why, and the summary. */
final class IndexPage {

    private IndexPage() {}

    /** {@code tuningPage}: the file name of the tuning page of a sweep with select, or null. */
    static String render(String sweepId, String results, List<Figure> figures, String summaryMarkdown,
            String tuningPage) {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sweep ")
                .append(escape(sweepId)).append("</title>\n<style>body{font-family:sans-serif;max-width:1360px;"
                        + "margin:2em auto;padding:0 1em}figure{margin:2em 0}img{max-width:100%;border:1px solid #ddd}"
                        + "figcaption{color:#444}.skipped{color:#8a5a00}pre{background:#f6f6f6;padding:1em;"
                        + "overflow-x:auto}</style>\n</head>\n<body>\n");
        s.append("<h1>Sweep <code>").append(escape(sweepId)).append("</code></h1>\n<p>Results read from <code>")
                .append(escape(results)).append("</code>. Summary table: <a href=\"summary.md\">summary.md</a>. "
                        + "The queries are the files of <code>report/sql/</code>; "
                        + "<code>notebooks/analysis.ipynb</code> runs the same ones.</p>\n");
        if (tuningPage != null) {
            s.append("<p>The sweep chose its learning rates by validation error: the plots show the chosen "
                    + "configurations only; every candidate is on the <a href=\"").append(escape(tuningPage))
                    .append("\">tuning page</a>.</p>\n");
        }
        s.append("<h2>Contents</h2>\n<ul>\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            s.append("<li>").append(f.written() ? "<a href=\"#fig" + i + "\">" + escape(f.title()) + "</a>"
                    : escape(f.title()) + " <span class=\"skipped\">(skipped)</span>").append("</li>\n");
        }
        s.append("</ul>\n");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            if (f.written()) {
                s.append("<figure id=\"fig").append(i).append("\">\n<h2>").append(escape(f.title()))
                        .append("</h2>\n<img src=\"").append(escape(f.file())).append("\" alt=\"")
                        .append(escape(f.title())).append("\">\n<figcaption>").append(escape(f.caption()))
                        .append("</figcaption>\n</figure>\n");
            } else {
                s.append("<p class=\"skipped\"><b>").append(escape(f.title())).append("</b>: skipped, ")
                        .append(escape(f.caption())).append(".</p>\n");
            }
        }
        s.append("<h2>Summary</h2>\n<pre>").append(escape(summaryMarkdown)).append("</pre>\n</body>\n</html>\n");
        return s.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
