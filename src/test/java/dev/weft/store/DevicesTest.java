package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevicesTest {
    @TempDir
    Path dir;

    private static byte[] hash(String token) {
        return ("hash:" + token).getBytes(StandardCharsets.UTF_8);
    }

    private static Device pair(Store store, String name) {
        return store.write(batch -> batch.createDevice(name, hash(name)));
    }

    @Test
    void sitesAreGivenInOrderAndNeverAgainAfterARevokeOrARestart() {
        try (Store store = Store.open(dir)) {
            assertThat(pair(store, "laptop").site()).isEqualTo(1);
            assertThat(pair(store, "phone").site()).isEqualTo(2);
            Optional<Device> revoked = store.write(batch -> batch.revoke("LAPTOP"));
            assertThat(revoked).hasValueSatisfying(d -> assertThat(d.revoked()).isTrue());
        }
        try (Store store = Store.open(dir)) {
            Device again = store.write(batch -> batch.createDevice("laptop", hash("laptop2")));
            assertThat(again.site()).isEqualTo(3);
            assertThat(store.devices()).extracting(Device::name, Device::site, Device::revoked)
                    .containsExactly(tuple("laptop", 1, true),
                            tuple("phone", 2, false),
                            tuple("laptop", 3, false));
            assertThat(store.deviceByTokenHash(hash("laptop"))).hasValueSatisfying(d -> {
                assertThat(d.site()).isEqualTo(1);
                assertThat(d.revoked()).isTrue();
            });
            assertThat(store.deviceByTokenHash(hash("laptop2")).orElseThrow().site()).isEqualTo(3);
            assertThat(store.deviceByTokenHash(hash("nobody"))).isEmpty();
        }
    }

    @Test
    void afterSite254NoDeviceCanPair() {
        try (Store store = Store.open(dir)) {
            for (int i = 1; i <= 254; i++) {
                int n = i;
                store.write(batch -> batch.createDevice("d" + n, hash("d" + n)));
            }
            store.write(batch -> batch.revoke("d1"));
            assertThatThrownBy(() -> pair(store, "one more")).isInstanceOf(RefusedException.class)
                    .hasMessageContaining("254");
            assertThat(store.devices()).hasSize(254);
        }
    }

    @Test
    void aNameInUseIsRefusedWithoutRegardToCase() {
        try (Store store = Store.open(dir)) {
            pair(store, "Phone");
            assertThatThrownBy(() -> store.write(batch -> batch.createDevice("PHONE", hash("other"))))
                    .isInstanceOf(RefusedException.class).hasMessageContaining("already paired");
            assertThat(store.devices()).hasSize(1);
            Optional<Device> none = store.write(batch -> batch.revoke("tablet"));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void lastSeenIsKeptWithTheNextCommitOrOnClose() {
        try (Store store = Store.open(dir)) {
            int site = pair(store, "laptop").site();
            store.touch(site, 500);
            store.touch(site, 400);
            assertThat(store.devices().get(0).lastSeenMicros()).isEqualTo(500);
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.devices().get(0).lastSeenMicros()).isEqualTo(500);
            store.touch(1, 900);
            pair(store, "phone");
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.devices().get(0).lastSeenMicros()).isEqualTo(900);
        }
    }

    @Test
    void aPairingCodeWorksOnceBeforeItExpires() {
        ManualClock clock = new ManualClock(1_000);
        try (Store store = Store.open(dir, clock)) {
            byte[] code = hash("code");
            store.write(batch -> {
                batch.putPairingCode(code, 2_000);
                batch.putPairingCode(hash("short"), 1_500);
                return null;
            });
            assertThat(consume(store, hash("unknown"), 1_100)).isFalse();
            assertThat(consume(store, hash("short"), 1_600)).as("expired").isFalse();
            assertThat(consume(store, code, 1_100)).isTrue();
            assertThat(consume(store, code, 1_100)).as("used").isFalse();
        }
    }

    @Test
    void aFailedPairingLeavesTheCodeUnused() {
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            pair(store, "phone");
            store.write(batch -> {
                batch.putPairingCode(hash("code"), 9_000);
                return null;
            });
            assertThatThrownBy(() -> store.write(batch -> {
                batch.consumePairingCode(hash("code"), 2_000);
                return batch.createDevice("Phone", hash("t"));
            })).isInstanceOf(RefusedException.class);
            assertThat(consume(store, hash("code"), 2_000)).isTrue();
        }
    }

    private static boolean consume(Store store, byte[] code, long now) {
        return store.write(batch -> batch.consumePairingCode(code, now));
    }
}
