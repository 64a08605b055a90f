package dev.weft.ui;

import dev.weft.ui.notes.NoteMatch;

/** A search result's snippet as one line of HTML for a table cell, its matches marked. */
final class SnippetHtml {
    private SnippetHtml() {
    }

    static String of(NoteMatch match, String markColour) {
        String snippet = match.snippet();
        StringBuilder html = new StringBuilder("<html><nobr>");
        int at = 0;
        for (NoteMatch.Span span : match.highlights()) {
            html.append(escape(snippet.substring(at, span.start())));
            html.append("<b style='background:").append(markColour).append("'>")
                    .append(escape(snippet.substring(span.start(), span.end()))).append("</b>");
            at = span.end();
        }
        return html.append(escape(snippet.substring(at))).append("</nobr></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
