package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.textOf;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store written before checksums (MapDB's pages as they are) opens, converted, with all it held. */
class PlainStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWithoutChecksumsIsConvertedWhenItOpens() throws IOException {
        UUID doc = UUID.randomUUID();
        try (Store store = Store.open(dir)) {
            upsert(store, doc, "old note", text(1, 1, "written before checksums"), List.of());
        }
        Path main = dir.resolve("weft.db");
        Files.write(main, plain(Files.readAllBytes(main)));
        assertThat(Files.readAllBytes(main)[0]).as("MapDB's own header first").isEqualTo((byte) 0x4A);

        try (Store store = Store.open(dir)) {
            assertThat(store.damage()).isEmpty();
            assertThat(store.changesSince(doc, 0, 9).map(Ops::textOf)).hasValue("written before checksums");
            upsert(store, doc, "old note", text(1, 100, "!"), List.of());
        }
        assertThat(PageSums.isSummed(Files.readAllBytes(main))).isTrue();
        try (Store store = Store.open(dir)) {
            assertThat(store.damage()).isEmpty();
            assertThat(textOf(store.changesSince(doc, 0, 9).orElseThrow())).isEqualTo("written before checksums!");
        }
    }

    /** The file as MapDB wrote it: the logical pages of a checksummed file, in order. */
    private static byte[] plain(byte[] summed) {
        long logicalEnd = PageSums.logicalEnd(summed.length);
        byte[] out = new byte[(int) logicalEnd];
        for (long page = 0; page * PageSums.PAGE < logicalEnd; page++) {
            int from = (int) (PageSums.dataPage(page) * PageSums.PAGE);
            int n = (int) Math.min(PageSums.PAGE, logicalEnd - page * PageSums.PAGE);
            System.arraycopy(Arrays.copyOfRange(summed, from, from + n), 0, out, (int) (page * PageSums.PAGE), n);
        }
        return out;
    }
}
