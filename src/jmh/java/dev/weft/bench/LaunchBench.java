package dev.weft.bench;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Launch to window visible (issue: desktop app): starts the program as a user would, with a vault
 * of N notes, and times from the process start to its main window being mapped on the X display
 * (polled with {@code xwininfo}, every few ms). Run under Xvfb; each launch is killed after.
 *
 * <pre>
 * xvfb-run -a java -cp target/weft-benchmarks.jar dev.weft.bench.LaunchBench [--notes 1000] [--runs 10]
 *     [--launcher 'java -jar target/weft.jar' | --launcher /opt/weft/bin/weft]
 * </pre>
 */
public final class LaunchBench {
    private LaunchBench() {
    }

    public static void main(String[] args) throws Exception {
        int notes = 1_000;
        int runs = 10;
        List<String> launcher = List.of("java", "-jar", "target/weft.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--notes" -> notes = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--launcher" -> launcher = List.of(args[++i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException(
                        "usage: LaunchBench [--notes N] [--runs N] [--launcher 'COMMAND']");
            }
        }
        System.out.println("== LaunchBench notes=" + notes + " runs=" + runs + " launcher=" + String.join(" ", launcher));
        System.out.println("machine: " + BenchNet.machine());
        Path dir = Files.createTempDirectory("weft-launch-bench");
        Path vault = dir.resolve("vault");
        try (Vault v = Vault.open(vault, VaultOptions.defaults())) {
            SplittableRandom random = new SplittableRandom(1);
            for (int n = 0; n < notes; n++) {
                v.create("Folder " + n % 20 + "/Note " + n, MarkdownText.generate(random, 2_000));
            }
        }
        List<Long> times = new ArrayList<>();
        for (int run = 0; run <= runs; run++) {
            long ms = launchOnce(launcher, vault, dir.resolve("config"));
            if (run > 0) { // the first run warms the page cache
                times.add(ms);
            }
            System.out.printf("run %d: %d ms%n", run, ms);
        }
        times.sort(null);
        System.out.printf("launch to window visible: median %d ms, min %d ms, max %d ms (%d runs)%n",
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size());
    }

    private static long launchOnce(List<String> launcher, Path vault, Path config) throws Exception {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("--vault", vault.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        long t0 = System.nanoTime();
        Process app = builder.start();
        try {
            while (!windowShown()) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app exited with " + app.exitValue());
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("no window after 60 s");
                }
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** True once a window titled "… — Weft" (or "Weft") is viewable. */
    private static boolean windowShown() throws IOException, InterruptedException {
        for (String line : run("xwininfo", "-root", "-tree").split("\n")) {
            String t = line.trim();
            if (t.contains("Weft\": (\"") && t.contains("(\"weft\" \"weft\")") && !t.contains("1x1+")) {
                String id = t.substring(0, t.indexOf(' '));
                return run("xwininfo", "-id", id).contains("IsViewable");
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
