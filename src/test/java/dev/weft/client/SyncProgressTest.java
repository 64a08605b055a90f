package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The progress a sync reports (notes done of total, what {@code weft sync}'s line and the window's
 * status bar show) counts the notes it uploads as well as those it pulls, through a real server.
 */
class SyncProgressTest extends LiveServerTest {
    private record Step(int done, int total) {
    }

    private final List<Step> steps = new CopyOnWriteArrayList<>();

    private SyncClient device(String name) throws Exception {
        Vault vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
        open.add(vault);
        SyncClient client = new SyncClient(vault, SyncOptions.defaults());
        open.add(client);
        client.pair(server.pairingLink(), name);
        return client;
    }

    private SyncClient counted(SyncClient client) {
        client.addListener(new SyncListener() {
            @Override
            public void progress(int done, int total) {
                steps.add(new Step(done, total));
            }
        });
        return client;
    }

    @Test
    void anUploadCountsItsNotesOneByOneUpToAllOfThem() throws Exception {
        SyncClient a = counted(device("a"));
        Vault vault = vaultOf("a");
        for (int i = 0; i < 5; i++) {
            vault.create("note " + i, "text " + i + "\n");
        }
        a.syncOnce(PATIENCE);

        assertThat(steps.get(0)).as("the whole count at once, before the first is sent").isEqualTo(new Step(0, 5));
        assertThat(steps).as("then each one done").contains(new Step(5, 5));
        assertThat(steps.stream().mapToInt(Step::total).max()).hasValue(5);
        assertThat(steps.stream().filter(s -> s.total() == 5).map(Step::done).distinct())
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aFirstSyncThatUploadsAndPullsCountsBothInOneTotal() throws Exception {
        SyncClient a = device("a");
        for (int i = 0; i < 4; i++) {
            vaultOf("a").create("from a " + i, "a\n");
        }
        a.syncOnce(PATIENCE);
        SyncClient b = counted(device("b"));
        for (int i = 0; i < 3; i++) {
            vaultOf("b").create("from b " + i, "b\n");
        }
        b.syncOnce(PATIENCE);

        assertThat(steps.get(steps.size() - 1)).as("the last step: all done").isEqualTo(new Step(7, 7));
        assertThat(steps).allSatisfy(s -> assertThat(s.done()).isBetween(0, s.total()));
        assertThat(vaultOf("b").notes()).hasSize(7);
    }

    private Vault vaultOf(String name) {
        return open.stream().filter(o -> o instanceof Vault v && v.folder().endsWith(name)).map(Vault.class::cast)
                .findFirst().orElseThrow();
    }
}
