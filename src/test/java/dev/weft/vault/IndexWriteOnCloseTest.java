package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delayed index write that starts while the vault closes: it used to wait for close()'s own
 * write, then run while close() interrupted the io thread, and the interrupted FileChannel threw
 * ClosedByInterruptException, whose message is null ("Could not write the vault index: null",
 * issue 13 §4). Now a delayed write that finds the vault stopped leaves the write to close().
 */
class IndexWriteOnCloseTest {
    @TempDir
    Path dir;

    @Test
    void closingWhileAnIndexWriteIsDueReportsNoProblem() throws Exception {
        VaultOptions options = TestVaults.fast().withIndexDelay(Duration.ZERO);
        TestVaults.Recorder heard = new TestVaults.Recorder();
        // a write failing after close() is only logged: its listeners are gone
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(VaultEvents.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            openCreateAndClose(options, heard);
        } finally {
            log.removeHandler(handler);
        }
        assertThat(logged).isEmpty();
        assertThat(heard.heard).filteredOn(h -> h.startsWith("problem")).isEmpty();
        try (Vault v = Vault.open(dir, options)) {
            assertThat(v.notes()).hasSize(150);
        }
    }

    private void openCreateAndClose(VaultOptions options, TestVaults.Recorder heard) throws Exception {
        for (int round = 0; round < 150; round++) {
            try (Vault v = Vault.open(dir, options)) {
                v.addListener(heard);
                v.create("note " + round, "text " + round); // schedules an index write at once
            }
        }
    }
}
