package dev.weft.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weft.app.trace.EditingTrace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code weft trace} found: the trace's shape and its parse times (best and median).
 *
 * @param file the trace file as given
 * @param trace the trace read
 * @param parseNanos the duration of each read, in nanoseconds, one per run
 */
record TraceReport(Path file, EditingTrace trace, List<Long> parseNanos) {
    TraceReport {
        if (parseNanos.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        parseNanos = List.copyOf(parseNanos);
    }

    void printText(PrintStream out) {
        out.printf(Locale.ROOT, "%s: %s trace, %d agent%s, %d transactions, %d patches, "
                        + "%d characters at the end%n",
                file.getFileName(), kind(), trace.numAgents(), trace.numAgents() == 1 ? "" : "s",
                trace.txns().size(), trace.patchCount(), endLength());
        out.printf(Locale.ROOT, "read in %.1f ms (best of %d; median %.1f ms)%n",
                millis(best()), parseNanos.size(), millis(median()));
    }

    void printJson(PrintStream out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("file", file.toString());
            json.writeStringField("kind", kind());
            json.writeNumberField("agents", trace.numAgents());
            json.writeNumberField("transactions", trace.txns().size());
            json.writeNumberField("patches", trace.patchCount());
            json.writeNumberField("endCharacters", endLength());
            json.writeNumberField("runs", parseNanos.size());
            json.writeNumberField("bestReadMillis", millis(best()));
            json.writeNumberField("medianReadMillis", millis(median()));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private String kind() {
        return trace.concurrent() ? "concurrent" : "sequential";
    }

    /** Length of the end content in code points, the unit of the trace's positions. */
    private int endLength() {
        String end = trace.endContent();
        return end.codePointCount(0, end.length());
    }

    private long best() {
        return parseNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private long median() {
        return parseNanos.stream().mapToLong(Long::longValue).sorted().skip(parseNanos.size() / 2)
                .findFirst().orElseThrow();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
