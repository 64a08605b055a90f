package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's files are {@code 0600} (issue 12 §7): made so, and tightened when an older Weft made them wider. */
class StoreFileModesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
    }

    @Test
    void aNewStoreMakesItsFilesOwnerOnly() throws IOException {
        try (Store store = Store.open(dir)) {
            store.write(batch -> batch.createDevice("laptop", new byte[32]));
            assertThat(modes()).containsKeys("weft.db", "weft.db.redo", "weft.lock")
                    .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    void filesAnOlderWeftMadeReadableByOthersAreTightenedAtOpen() throws IOException {
        try (Store store = Store.open(dir)) {
            store.write(batch -> batch.createDevice("laptop", new byte[32]));
        }
        for (String name : modes().keySet()) {
            Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (Store store = Store.open(dir)) {
            assertThat(modes()).containsKeys("weft.db", "weft.db.redo", "weft.lock")
                    .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"));
        }
    }

    private java.util.Map<String, String> modes() throws IOException {
        java.util.Map<String, String> modes = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                modes.put(f.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            }
        }
        return modes;
    }
}
