package dev.weft.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairingLinkTest {
    private static final String CODE = "0123456789ABCDEFGHJKMNPQRS";
    private static final String FP = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "weft.example.org", "my-server", "192.168.1.20", "127.0.0.1", "0.0.0.0",
        "::1", "fe80::1", "2001:db8:0:0:0:0:0:1", "2001:db8::", "::", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8",
        "A-1.Example.COM", "x1"})
    void roundTripsEveryKindOfHost(String host) {
        PairingLink link = new PairingLink(host, 8443, CODE, FP);
        assertThat(PairingLink.parse(link.toString())).isEqualTo(link);
    }

    @Test
    void writesTheLinkOfTheProtocol() {
        assertThat(new PairingLink("weft.example.org", 8443, CODE, FP))
                .hasToString("weft://weft.example.org:8443/pair?code=" + CODE + "&fp=" + FP);
        assertThat(new PairingLink("::1", 1, CODE, FP)).hasToString("weft://[::1]:1/pair?code=" + CODE + "&fp=" + FP);
    }

    @Test
    void readsParametersInEitherOrderTheSchemeInAnyCaseAndIgnoresSurroundingSpace() {
        PairingLink expected = new PairingLink("10.0.0.2", 65535, CODE, FP);
        assertThat(PairingLink.parse("weft://10.0.0.2:65535/pair?fp=" + FP + "&code=" + CODE)).isEqualTo(expected);
        assertThat(PairingLink.parse("  WEFT://10.0.0.2:65535/pair?code=" + CODE + "&fp=" + FP + "\n"))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("badLinks")
    void refusesBadLinksSayingWhy(String link, String reason) {
        assertThatThrownBy(() -> PairingLink.parse(link))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid pairing link: ")
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> badLinks() {
        String query = "/pair?code=" + CODE + "&fp=" + FP;
        return Stream.of(
                Arguments.of(null, "no link"),
                Arguments.of("", "does not start with weft://"),
                Arguments.of("https://host:1" + query, "does not start with weft://"),
                Arguments.of("weft:/host:1" + query, "does not start with weft://"),
                Arguments.of("weft://host:1" + query + "#x", "fragment"),
                Arguments.of("weft://host:1/pair?code=%30" + CODE.substring(1) + "&fp=" + FP, "percent-encoding"),
                Arguments.of("weft://host:1", "path must be /pair"),
                Arguments.of("weft://host:1/", "path must be /pair"),
                Arguments.of("weft://host:1/pairing?code=" + CODE + "&fp=" + FP, "path must be /pair"),
                Arguments.of("weft://host:1/pair/?code=" + CODE + "&fp=" + FP, "path must be /pair"),
                Arguments.of("weft://user@host:1" + query, "user info"),
                Arguments.of("weft://host" + query, "no port"),
                Arguments.of("weft://host:" + query, "no port"),
                Arguments.of("weft://host:0" + query, "not a number 1..65535"),
                Arguments.of("weft://host:08443" + query, "not a number 1..65535"),
                Arguments.of("weft://host:65536" + query, "port 65536 outside 1..65535"),
                Arguments.of("weft://host:123456" + query, "not a number 1..65535"),
                Arguments.of("weft://host:-1" + query, "not a number 1..65535"),
                Arguments.of("weft://host:+1" + query, "not a number 1..65535"),
                Arguments.of("weft://:1" + query, "host missing"),
                Arguments.of("weft://::1:8443" + query, "IPv6 address must be in brackets"),
                Arguments.of("weft://[::1:8443" + query, "without ]"),
                Arguments.of("weft://[::1]" + query, "no port"),
                Arguments.of("weft://[::1]x:1" + query, "no port"),
                Arguments.of("weft://[1.2.3.4]:1" + query, "not an IPv6 address"),
                Arguments.of("weft://[1::2::3]:1" + query, "not an IPv6 address"),
                Arguments.of("weft://[1:2:3:4:5:6:7:8:9]:1" + query, "not an IPv6 address"),
                Arguments.of("weft://[12345::]:1" + query, "not an IPv6 address"),
                Arguments.of("weft://[::ffff:1.2.3.256]:1" + query, "not an IPv6 address"),
                Arguments.of("weft://[fe80::1]]:1" + query, "no port"),
                Arguments.of("weft://host_name:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://-host:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://host.:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://a..b:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://" + "a".repeat(64) + ":1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://bücher.example:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://256.1.1.1:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://1.2.3:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://01.2.3.4:1" + query, "not a DNS name or IPv4 address"),
                Arguments.of("weft://host:1/pair?code=" + CODE, "needs both code and fp"),
                Arguments.of("weft://host:1/pair?fp=" + FP, "needs both code and fp"),
                Arguments.of("weft://host:1/pair?", "parameter without ="),
                Arguments.of("weft://host:1" + query + "&", "parameter without ="),
                Arguments.of("weft://host:1" + query + "&code=" + CODE, "parameter code appears twice"),
                Arguments.of("weft://host:1" + query + "&fp=" + FP, "parameter fp appears twice"),
                Arguments.of("weft://host:1" + query + "&v=2", "unknown parameter: v"),
                Arguments.of("weft://host:1/pair?code=" + CODE.toLowerCase() + "&fp=" + FP, "code must be 26 characters"),
                Arguments.of("weft://host:1/pair?code=" + CODE.substring(1) + "&fp=" + FP, "code must be 26 characters"),
                Arguments.of("weft://host:1/pair?code=" + CODE.substring(1) + "I&fp=" + FP, "code must be 26 characters"),
                Arguments.of("weft://host:1/pair?code=" + CODE + "&fp=" + FP.toUpperCase(), "fp must be 64 lowercase hex"),
                Arguments.of("weft://host:1/pair?code=" + CODE + "&fp=" + FP + "0", "fp must be 64 lowercase hex"),
                Arguments.of("weft://host:1/pair?code=" + CODE + "&fp=", "fp must be 64 lowercase hex"),
                Arguments.of("weft://host:1" + query + " x", "fp must be 64 lowercase hex"),
                Arguments.of("weft://" + "a.".repeat(250) + "b:1" + query, "longer than 512 characters"));
    }

    @Test
    void theRecordRefusesWhatItCouldNotWrite() {
        assertThatThrownBy(() -> new PairingLink("[::1]", 1, CODE, FP)).hasMessageContaining("host");
        assertThatThrownBy(() -> new PairingLink("fe80::1%eth0", 1, CODE, FP)).hasMessageContaining("host");
        assertThatThrownBy(() -> new PairingLink("host", 0, CODE, FP)).hasMessageContaining("port 0");
        assertThatThrownBy(() -> new PairingLink("host", 1, null, FP)).hasMessageContaining("code missing");
        assertThatThrownBy(() -> new PairingLink("host", 1, CODE, null)).hasMessageContaining("fp missing");
    }

    @Test
    void validatesCodesAndFingerprintsOnTheirOwn() {
        assertThat(PairingLink.validateCode(CODE)).isEmpty();
        assertThat(PairingLink.validateCode("ABCDEFGHJKMNPQRSTVWXYZ0123")).isEmpty();
        assertThat(PairingLink.validateCode("ABCDEFGHJKMNPQRSTVWXYZ012U")).isPresent();
        assertThat(PairingLink.validateCode("ABCDEFGHJKMNPQRSTVWXYZ012O")).isPresent();
        assertThat(PairingLink.validateFingerprint(FP)).isEmpty();
        assertThat(PairingLink.validateFingerprint("g" + FP.substring(1))).isPresent();
    }
}
