package dev.weft.bench;

import dev.weft.vault.text.NotePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code NotePaths.scan} of a vault of 10,000 empty notes in 100 folders, an attachment in each and
 * 2,000 files in a {@code .git} it skips (docs/vault-text.md quotes the figure); page cache warm.
 */
@State(Scope.Benchmark)
public class NotePathsScanBench extends BenchDefaults {
    private Path root;

    @Setup
    public void create() throws IOException {
        root = Files.createTempDirectory("weft-bench-vault");
        for (int folder = 0; folder < 100; folder++) {
            Path dir = Files.createDirectories(root.resolve("area " + folder / 10).resolve("topic " + folder));
            for (int note = 0; note < 100; note++) {
                Files.createFile(dir.resolve("note " + note + ".md"));
            }
            Files.createFile(dir.resolve("attachment " + folder + ".png"));
        }
        Path git = Files.createDirectories(root.resolve(".git/objects"));
        for (int i = 0; i < 2_000; i++) {
            Files.createFile(git.resolve("object" + i + ".md"));
        }
    }

    @TearDown
    public void delete() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public NotePaths.Scan scan() throws IOException {
        return new NotePaths(root).scan();
    }
}
