package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code Weft-Store} header's golden values (docs/protocol.md §7, ext). */
class StoreHeaderTest {
    static final UUID STORE = UUID.fromString("0123abcd-4567-89ef-fedc-ba9876543210");
    static final StoreHeader.Run RUN = new StoreHeader.Run(STORE, 0x00000000000000ffL);

    @Test
    void aRequestNamingARun() {
        String golden = "0123abcd-4567-89ef-fedc-ba9876543210 00000000000000ff 1700000000000000";
        StoreHeader.Request request = new StoreHeader.Request(Optional.of(RUN), 1_700_000_000_000_000L);
        assertThat(request.format()).isEqualTo(golden);
        assertThat(StoreHeader.parseRequest(golden)).isEqualTo(request);
    }

    @Test
    void aRequestNamingNone() {
        StoreHeader.Request request = new StoreHeader.Request(Optional.empty(), 0);
        assertThat(request.format()).isEqualTo("- - 0");
        assertThat(StoreHeader.parseRequest("- - 0")).isEqualTo(request);
    }

    @Test
    void anAnswer() {
        String golden = "0123abcd-4567-89ef-fedc-ba9876543210 f00000000000000f 1699999999999999";
        StoreHeader.Answer answer = new StoreHeader.Answer(new StoreHeader.Run(STORE, 0xf00000000000000fL),
                1_699_999_999_999_999L);
        assertThat(answer.format()).isEqualTo(golden);
        assertThat(StoreHeader.parseAnswer(golden)).isEqualTo(answer);
    }

    @Test
    void malformedValuesAreRefused() {
        for (String bad : new String[] {"", "- 00000000000000ff 1", "0123abcd-4567-89ef-fedc-ba9876543210 - 1",
                "- - -1", "- - 18446744073709551615", "- - 1 2", "0123ABCD-4567-89EF-FEDC-BA9876543210 00000000000000ff 1",
                "- - 99999999999999999999", "0123abcd-4567-89ef-fedc-ba9876543210 ff 1"}) {
            assertThatThrownBy(() -> StoreHeader.parseRequest(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> StoreHeader.parseAnswer("- - 0")).isInstanceOf(IllegalArgumentException.class);
    }
}
