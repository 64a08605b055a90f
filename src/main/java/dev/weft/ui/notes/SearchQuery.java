package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * What the search field asks, folded ({@link Folded}): words and {@code "exact phrases"} the note's
 * text must all contain, {@code tag:name} (the tag or one nested in it) and {@code path:part} (in the
 * note's name path), each of which must hold too. {@code tag:} and {@code path:} take a quoted value.
 */
public record SearchQuery(List<String> terms, List<String> tags, List<String> paths) {

    public static SearchQuery parse(String typed) {
        List<String> terms = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        int i = 0;
        int n = typed.length();
        while (i < n) {
            if (Character.isWhitespace(typed.charAt(i))) {
                i++;
                continue;
            }
            String prefix = null;
            if (typed.regionMatches(true, i, "tag:", 0, 4) || typed.regionMatches(true, i, "path:", 0, 5)) {
                prefix = typed.substring(i, typed.indexOf(':', i)).toLowerCase(java.util.Locale.ROOT);
                i += prefix.length() + 1;
            }
            String value;
            if (i < n && typed.charAt(i) == '"') {
                int close = typed.indexOf('"', i + 1);
                close = close < 0 ? n : close;
                value = typed.substring(i + 1, close);
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(typed.charAt(end))) {
                    end++;
                }
                value = typed.substring(i, end);
                i = end;
            }
            String folded = Folded.text(value);
            if (folded.isBlank()) {
                continue;
            }
            if ("tag".equals(prefix)) {
                String tag = folded.strip().replaceFirst("^#", "");
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            } else if ("path".equals(prefix)) {
                paths.add(folded.strip());
            } else {
                terms.add(folded);
            }
        }
        return new SearchQuery(List.copyOf(terms), List.copyOf(tags), List.copyOf(paths));
    }

    public boolean isEmpty() {
        return terms.isEmpty() && tags.isEmpty() && paths.isEmpty();
    }
}
