package dev.weft.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.client.NoteHistory.AuthorSpan;
import dev.weft.client.NoteHistory.HistoryVersion;
import dev.weft.client.NoteHistory.VersionText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history a device keeps of what it fetched: read back exactly, bounded, a damaged file reported, a text reused only where nothing changed. */
class HistoryCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    @TempDir
    Path weft;

    @Test
    void keepsWhatWasFetchedWithinItsBounds() throws IOException {
        HistoryCache cache = new HistoryCache(weft);
        UUID note = UUID.randomUUID();
        List<HistoryVersion> versions = List.of(new HistoryVersion(1, T0, T0.plusSeconds(60), List.of("laptop", "phone"), 11, 2));
        cache.keepVersions(note, T0.plusSeconds(3_600), versions);
        for (int i = 0; i < HistoryCache.MAX_TEXTS + 4; i++) {
            cache.keepText(note, T0.plusSeconds(i), text("text " + i));
        }
        HistoryCache.Held held = cache.read(note).orElseThrow();
        assertThat(held.versions()).isEqualTo(versions);
        assertThat(held.fetchedAt()).isEqualTo(T0.plusSeconds(3_600));
        assertThat(held.texts()).hasSize(HistoryCache.MAX_TEXTS).containsKey(T0.plusSeconds(HistoryCache.MAX_TEXTS + 3))
                .doesNotContainKey(T0.plusSeconds(3));
        assertThat(held.texts().get(T0.plusSeconds(5))).isEqualTo(text("text 5"));

        for (int i = 0; i < HistoryCache.MAX_NOTES + 3; i++) {
            cache.keepVersions(UUID.randomUUID(), T0, versions);
        }
        try (Stream<Path> files = Files.list(weft.resolve("history"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".hist")).count()).isEqualTo(HistoryCache.MAX_NOTES);
        }
    }

    @Test
    void aDamagedFileIsReportedAndWrittenAgainWhole() throws IOException {
        HistoryCache cache = new HistoryCache(weft);
        UUID note = UUID.randomUUID();
        cache.keepText(note, T0, text("secret"));
        Path file = weft.resolve("history").resolve(note + ".hist");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 20)); // cut short
        Files.writeString(weft.resolve("history").resolve(note + ".hist.123.tmp"), "left by a kill");
        assertThatThrownBy(() -> cache.read(note)).hasMessageContaining("is damaged");
        cache.keepText(note, T0, text("again"));
        assertThat(cache.read(note).orElseThrow().texts()).containsOnlyKeys(T0);
        try (Stream<Path> files = Files.list(weft.resolve("history"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(note + ".hist");
        }
    }

    @Test
    void aPurgeRemovesWhatWasKeptOfTheNote(@TempDir Path folder) throws IOException {
        try (dev.weft.vault.Vault vault = dev.weft.vault.Vault.open(folder, dev.weft.vault.VaultOptions.defaults())) {
            UUID id = vault.create("secret", "a password").id();
            HistoryCache cache = new HistoryCache(folder.resolve(".weft"));
            cache.keepText(id, T0, text("a password"));
            Files.writeString(folder.resolve(".weft/history/" + id + ".hist.7.tmp"), "left by a kill");
            vault.purge(id);
            assertThat(cache.read(id)).isEmpty();
            try (Stream<Path> files = Files.list(folder.resolve(".weft/history"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void aHeldTextAnswersOnlyWhereNothingChanged() {
        List<HistoryVersion> versions = List.of(
                new HistoryVersion(1, T0, T0.plusSeconds(60), List.of("laptop"), 5, 0),
                new HistoryVersion(2, T0.plusSeconds(3_600), T0.plusSeconds(3_700), List.of("phone"), 1, 1));
        HistoryCache.Held held = new HistoryCache.Held(T0.plusSeconds(9_000), versions,
                new java.util.LinkedHashMap<>(java.util.Map.of(T0.plusSeconds(60), text("one"), T0.plusSeconds(3_700), text("two"))));
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(60))).contains(text("one"));
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(1_000))).as("between versions 1 and 2").contains(text("one"));
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(30))).as("inside version 1").isEmpty();
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(3_650))).as("inside version 2").isEmpty();
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(3_700))).contains(text("two"));
        assertThat(DeviceHistory.sameText(held, T0.plusSeconds(5_000))).as("after the last: the server may have more").isEmpty();
        assertThat(DeviceHistory.sameText(held, T0.minusSeconds(5))).as("before the first: none held").isEmpty();
    }

    private static VersionText text(String s) {
        return new VersionText(s, List.of(new AuthorSpan(0, s.length(), "laptop")));
    }
}
