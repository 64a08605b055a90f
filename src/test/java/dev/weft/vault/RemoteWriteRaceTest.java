package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote changes to a note no editor holds, while its file is being written: the write in flight
 * used to drop the text of the write queued behind it ("Could not write NAME.md: no text to write"),
 * and the file kept older text until the note changed again.
 */
class RemoteWriteRaceTest {
    @TempDir
    Path dir;

    @Test
    void everyRemoteChangeReachesTheFileOfANoteNoEditorHolds() throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        Vault vault = Vault.open(dir, TestVaults.fast().withWriteDelays(Duration.ZERO, Duration.ZERO));
        UUID id = UUID.randomUUID();
        try {
            vault.addListener(new VaultListener() {
                @Override
                public void problem(String message) {
                    problems.add(message);
                }
            });
            vault.applyRemote(id, "racing", List.of(new Atom(Pid.single(2, 1), 'a')), List.of());
            for (int i = 2; i < 3000; i++) {
                vault.applyRemote(id, null, List.of(new Atom(Pid.single(2, i), 'a')), List.of());
                if (i % 50 == 0) {
                    vault.applyRemoteName(id, "racing " + i, i);
                }
            }
        } finally {
            vault.close();
        }
        assertThat(MarkdownFiles.read(dir.resolve("racing 2950.md"))).isEqualTo("a".repeat(2999));
        assertThat(problems).isEmpty();
    }
}
