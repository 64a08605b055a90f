package dev.weft.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.store.Device;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTableTest {
    private static final long SEEN = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2026-03-04T05:06:07.891Z"));

    @Test
    void showsNameSiteLastSeenInLocalTimeAndAccessInAlignedColumns() {
        List<Device> devices = List.of(new Device("laptop", 1, false, SEEN), new Device("old phone", 12, true, 0));
        assertThat(DeviceTable.lines(devices, ZoneId.of("Europe/Berlin"))).containsExactly(
                "NAME       SITE  LAST SEEN            ACCESS",
                "laptop     1     2026-03-04 06:06:07  active",
                "old phone  12    never                revoked");
    }

    @Test
    void aNameOutsideTheBasicPlaneTakesOneColumnPerCodePoint() {
        assertThat(DeviceTable.lines(List.of(new Device("téléphone \uD83D\uDCF1", 3, false, 0)), ZoneId.of("UTC")))
                .containsExactly(
                        "NAME         SITE  LAST SEEN  ACCESS",
                        "téléphone \uD83D\uDCF1  3     never      active");
    }
}
