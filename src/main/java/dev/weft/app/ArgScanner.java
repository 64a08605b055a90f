package dev.weft.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits the arguments of one command into options that take a value ({@code --port 7443} or
 * {@code --port=7443}), switches ({@code --watch}) and positional words, by a fixed vocabulary.
 * Rejects unknown options, missing or empty values, values given to switches, and repeats.
 */
final class ArgScanner {
    private final String command;
    private final Map<String, String> valueOptions;
    private final Set<String> switches;

    /**
     * @param command how the command is named in messages ({@code "weft trace"})
     * @param valueOptions option name to the placeholder of its value ({@code "--port" -> "N"})
     * @param switches options without a value
     */
    ArgScanner(String command, Map<String, String> valueOptions, Set<String> switches) {
        this.command = command;
        this.valueOptions = Map.copyOf(valueOptions);
        this.switches = Set.copyOf(switches);
    }

    Scanned scan(List<String> args) throws UsageException {
        List<String> words = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> on = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                words.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inline = name.equals(arg) ? null : arg.substring(eq + 1);
            if (valueOptions.containsKey(name)) {
                String value = inline;
                if (value == null && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                }
                if (value == null || value.isEmpty()) {
                    throw new UsageException(name + " needs a value (" + valueOptions.get(name) + ")");
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw repeated(name);
                }
            } else if (switches.contains(name)) {
                if (inline != null) {
                    throw new UsageException(name + " takes no value");
                }
                if (!on.add(name)) {
                    throw repeated(name);
                }
            } else {
                throw new UsageException("unknown option " + name + " for '" + command + "'");
            }
        }
        return new Scanned(words, values, on);
    }

    private static UsageException repeated(String name) {
        return new UsageException(name + " is given more than once");
    }
}
