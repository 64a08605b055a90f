package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.protocol.PairingLink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final int SAMPLES = 20_000;
    private final Secrets secrets = new Secrets(new SecureRandom());

    @Test
    void pairingCodesAre26CrockfordSymbolsThatAPairingLinkAccepts() {
        for (int i = 0; i < 1000; i++) {
            String code = secrets.pairingCode();
            assertThat(code).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+");
            assertThat(PairingLink.validateCode(code)).isEmpty();
        }
    }

    @Test
    void pairingCodesCarryAtLeast128BitsSpreadEvenlyOverTheAlphabet() {
        assertThat(5 * PairingLink.CODE_LENGTH).isGreaterThanOrEqualTo(128);
        assertThat(PairingLink.CODE_ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        int[] counts = new int[32];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < SAMPLES; i++) {
            String code = secrets.pairingCode();
            assertThat(seen.add(code)).isTrue();
            code.chars().forEach(c -> counts[PairingLink.CODE_ALPHABET.indexOf(c)]++);
        }
        double expected = SAMPLES * 26 / 32.0;
        for (int count : counts) {
            assertThat(Math.abs(count - expected) / expected).isLessThan(0.05);
        }
    }

    @Test
    void deviceTokensAre256RandomBitsInBase64UrlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        long ones = 0;
        for (int i = 0; i < SAMPLES; i++) {
            String token = secrets.deviceToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
            byte[] bits = Base64.getUrlDecoder().decode(token);
            assertThat(bits).hasSize(32);
            for (byte b : bits) {
                ones += Integer.bitCount(b & 0xFF);
            }
        }
        double share = ones / (SAMPLES * 256.0);
        assertThat(share).isBetween(0.495, 0.505);
    }

    @Test
    void theHashIsSha256OfTheUtf8Bytes() throws Exception {
        String token = secrets.deviceToken();

        assertThat(Secrets.hash(token))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
                .hasSize(32);
        assertThat(Secrets.hash("ä")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[] {(byte) 0xC3, (byte) 0xA4}));
    }

    @Test
    void comparesInConstantTime() {
        byte[] hash = Secrets.hash("a");

        assertThat(Secrets.constantTimeEquals(hash, Secrets.hash("a"))).isTrue();
        assertThat(Secrets.constantTimeEquals(hash, Secrets.hash("b"))).isFalse();
        assertThat(Secrets.constantTimeEquals(hash, new byte[31])).isFalse();
        assertThat(Secrets.constantTimeEquals(new byte[0], new byte[0])).isTrue();
    }
}
