package dev.weft.client.files;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a vault's {@code .weftignore} (gitignore syntax, read from the vault root): blank
 * lines and {@code #} comments, {@code *} (not {@code /}), {@code ?}, {@code [...]} (with {@code !}
 * or {@code ^} to negate, ranges), {@code **} across folders ({@code **}{@code /x}, {@code x/**},
 * {@code a/**}{@code /b}), {@code !} to include again, a trailing {@code /} for folders only, a
 * leading or inner {@code /} anchoring to the root, {@code \} escaping the next character. As in
 * git, the last rule that matches wins, and nothing under an ignored folder can be included again.
 * A pure function of the text.
 */
public final class IgnoreRules {
    /** The file at the vault root. */
    public static final String FILE = ".weftignore";
    public static final IgnoreRules NONE = new IgnoreRules(List.of());

    private record Rule(Pattern pattern, boolean negated, boolean foldersOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules of a {@code .weftignore}'s text; a line that is no valid pattern is left out (as git does). */
    public static IgnoreRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n", -1)) {
            String line = trimTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = false;
            if (line.startsWith("!")) {
                negated = true;
                line = line.substring(1);
            }
            boolean foldersOnly = false;
            if (line.endsWith("/") && !line.endsWith("\\/")) {
                foldersOnly = true;
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.indexOf('/') >= 0;
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (!anchored) {
                line = "**/" + line;
            }
            Pattern pattern = toRegex(line);
            if (pattern != null) {
                rules.add(new Rule(pattern, negated, foldersOnly));
            }
        }
        return new IgnoreRules(List.copyOf(rules));
    }

    /**
     * Whether the vault-relative path {@code path} ({@code /}-separated) is ignored: it, or a folder
     * it lies in, matches a rule last that does not include it again.
     */
    public boolean ignores(String path, boolean folder) {
        if (rules.isEmpty()) {
            return false;
        }
        int slash = path.indexOf('/');
        while (slash >= 0) {
            if (matchLast(path.substring(0, slash), true)) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return matchLast(path, folder);
    }

    private boolean matchLast(String path, boolean folder) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if ((!rule.foldersOnly || folder) && rule.pattern.matcher(path).matches()) {
                return !rule.negated;
            }
        }
        return false;
    }

    /** Git keeps a trailing space escaped with {@code \}; other trailing spaces go. */
    private static String trimTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The regular expression of a glob whose {@code /}s are folder separators; null if it is malformed. */
    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int n = glob.length();
        int i = 0;
        while (i < n) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*'
                    && (i == 0 || glob.charAt(i - 1) == '/') && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                if (i + 2 == n) {
                    re.append(".*"); // a/** : everything inside a
                    i += 2;
                } else {
                    re.append("(?:.*/)?"); // **/ : any folders, or none
                    i += 3;
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    while (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++; // another ** is an ordinary *
                    }
                    re.append("[^/]*");
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = classEnd(glob, i);
                    if (end < 0) {
                        return null;
                    }
                    re.append(charClass(glob.substring(i + 1, end)));
                    i = end;
                }
                case '\\' -> {
                    if (i + 1 == n) {
                        return null;
                    }
                    i++;
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** The index of the {@code ]} that closes the class opened at {@code open}, or -1. */
    private static int classEnd(String glob, int open) {
        int i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++; // a ] first is a member
        }
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static String charClass(String body) {
        StringBuilder re = new StringBuilder("(?!/)["); // a class never matches the folder separator
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            re.append('^');
            i++;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                c = body.charAt(++i);
                re.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
            } else if (c == '-' && i > 0 && i + 1 < body.length()) {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        return re.append(']').toString();
    }
}
