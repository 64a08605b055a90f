package dev.weft.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code weft trace} found: whether the replay reproduced {@code endContent}, and the figures
 * {@link TraceMeasurer} defines, as a short table or one line of JSON.
 *
 * @param file the trace file as given
 * @param concurrent whether the trace is a concurrent one
 * @param agents number of agents (replicas edited)
 * @param runs timed runs per figure
 * @param warmups untimed runs before them
 * @param ops character operations of the patches (inserted plus deleted code points)
 * @param chars code points of {@code endContent}
 * @param problems every way a replica differed from {@code endContent}; empty when ok
 * @param timings median times
 * @param sizes encoded sizes and heap
 * @param depth pid depths of the final replica
 * @param pidRuns the runs the final replica's atoms form
 */
record TraceReport(Path file, boolean concurrent, int agents, int runs, int warmups, long ops, long chars,
        List<String> problems, Timings timings, Sizes sizes, DepthStats depth, RunStats pidRuns) {
    TraceReport {
        problems = List.copyOf(problems);
    }

    /**
     * Median times in milliseconds.
     *
     * @param replay local replay
     * @param merge the op log applied to an empty replica
     * @param encode the whole document as one {@code 33}
     * @param save writing the {@code .md.structure}
     * @param load reading it into a replica
     */
    record Timings(double replay, double merge, double encode, double save, double load) {
    }

    /**
     * @param wireBytes the {@code 33} frame
     * @param structureBytes the {@code .md.structure} file
     * @param heapBytesPerAtom retained heap of a replica as edited, divided by its atoms
     * @param loadedHeapBytesPerAtom the same for a replica loaded from the structure file
     */
    record Sizes(long wireBytes, long structureBytes, double heapBytesPerAtom, double loadedHeapBytesPerAtom) {
    }

    /** True when every replica held exactly {@code endContent}. */
    boolean ok() {
        return problems.isEmpty();
    }

    void printText(PrintStream out) {
        out.printf(Locale.ROOT, "%s: %s trace, %d agent%s, %,d ops, %,d chars at the end: %s%n",
                file.getFileName(), concurrent ? "concurrent" : "sequential", agents, agents == 1 ? "" : "s",
                ops, chars, ok() ? "ok" : "NOT OK");
        out.printf(Locale.ROOT, "median of %d timed run%s after %d warm-up runs%n", runs,
                runs == 1 ? "" : "s", warmups);
        row(out, "local replay", timings.replay(), "");
        row(out, "merge into empty", timings.merge(), "");
        row(out, "encode as 33", timings.encode(), String.format(Locale.ROOT, "%,d bytes", sizes.wireBytes()));
        row(out, "save .md.structure", timings.save(), String.format(Locale.ROOT, "%,d bytes",
                sizes.structureBytes()));
        row(out, "load .md.structure", timings.load(), "");
        out.printf(Locale.ROOT, "%-20s average %.3f (alive %.3f), max %d, over %,d atoms%n", "pid depth",
                depth.average(), depth.averageAlive(), depth.maxDepth(), depth.atoms());
        out.printf(Locale.ROOT, "%-20s %,d, %.1f atoms per run, longest %,d%n", "runs", pidRuns.runs(),
                pidRuns.atomsPerRun(), pidRuns.longest());
        out.printf(Locale.ROOT, "%-20s %.1f bytes per atom (%.1f loaded from .md.structure)%n", "heap",
                sizes.heapBytesPerAtom(), sizes.loadedHeapBytesPerAtom());
    }

    private static void row(PrintStream out, String what, double millis, String size) {
        out.printf(Locale.ROOT, "%-20s %9.2f ms  %s%n", what, millis, size);
    }

    void printJson(PrintStream out) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("ops", ops);
            json.writeNumberField("chars", chars);
            json.writeBooleanField("ok", ok());
            json.writeNumberField("replay_ms", round(timings.replay(), 3));
            json.writeNumberField("merge_ms", round(timings.merge(), 3));
            json.writeNumberField("encode_ms", round(timings.encode(), 3));
            json.writeNumberField("load_ms", round(timings.load(), 3));
            json.writeNumberField("structure_bytes", sizes.structureBytes());
            json.writeNumberField("avg_depth", round(depth.average(), 4));
            json.writeNumberField("max_depth", depth.maxDepth());
            json.writeNumberField("heap_bytes_per_atom", round(sizes.heapBytesPerAtom(), 1));
            json.writeNumberField("wire_bytes", sizes.wireBytes());
            json.writeNumberField("save_ms", round(timings.save(), 3));
            json.writeNumberField("avg_depth_alive", round(depth.averageAlive(), 4));
            json.writeNumberField("heap_bytes_per_atom_loaded", round(sizes.loadedHeapBytesPerAtom(), 1));
            json.writeNumberField("atoms", depth.atoms());
            json.writeNumberField("pid_runs", pidRuns.runs());
            json.writeNumberField("atoms_per_run", round(pidRuns.atomsPerRun(), 2));
            json.writeNumberField("longest_run", pidRuns.longest());
            json.writeNumberField("runs", runs);
            json.writeNumberField("warmups", warmups);
            json.writeStringField("kind", concurrent ? "concurrent" : "sequential");
            json.writeStringField("file", file.toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
