package dev.weft.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU samples of a JFR recording fall (JDK 17 has no {@code jfr view}): samples per thread
 * group, and for the groups asked for the top methods by self and by inclusive samples.
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=server.jfr,settings=profile ...   (the server's JVM)
 * java -cp target/weft-benchmarks.jar dev.weft.bench.JfrTop server.jfr [THREAD_PREFIX ...] [--top N] [--native]
 * </pre>
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = 25;
        String event = "jdk.ExecutionSample";
        List<String> prefixes = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--native")) {
                event = "jdk.NativeMethodSample"; // threads in native code: fsync, epoll, socket I/O
            } else {
                prefixes.add(args[i]);
            }
        }
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Map<String, Long>> self = new HashMap<>();
        Map<String, Map<String, Long>> inclusive = new HashMap<>();
        Map<String, Long> groupSamples = new HashMap<>();
        long total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals(event)) {
                continue;
            }
            total++;
            RecordedThread thread = e.getThread("sampledThread");
            String name = thread == null ? "?" : String.valueOf(thread.getJavaName()).replaceAll("[0-9]+$", "#");
            byThread.merge(name, 1L, Long::sum);
            String group = null;
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    group = p;
                }
            }
            if (group == null) {
                continue;
            }
            groupSamples.merge(group, 1L, Long::sum);
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            self.computeIfAbsent(group, g -> new HashMap<>()).merge(method(frames.get(0)), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = method(f);
                if (seen.add(m)) {
                    inclusive.computeIfAbsent(group, g -> new HashMap<>()).merge(m, 1L, Long::sum);
                }
            }
        }
        System.out.println(event + ": " + total);
        long all = total;
        byThread.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / all, en.getKey()));
        for (String group : prefixes) {
            long n = groupSamples.getOrDefault(group, 0L);
            if (n == 0) {
                continue;
            }
            System.out.printf("%n== %s: %d samples; self%n", group, n);
            print(self.get(group), n, top);
            System.out.printf("== %s: inclusive%n", group);
            print(inclusive.get(group), n, top);
        }
    }

    private static void print(Map<String, Long> counts, long n, int top) {
        if (counts == null) {
            return;
        }
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / n, en.getKey()));
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
