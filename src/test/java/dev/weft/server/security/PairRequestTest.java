package dev.weft.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairRequestTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CODE = "0123456789ABCDEFGHJKMNPQRS";

    private static PairRequest parse(String contentType, String body) throws MalformedRequestException {
        return PairRequest.parse(contentType, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Stream<Arguments> goodRequests() {
        return Stream.of(
                Arguments.of("code=" + CODE + "&device_name=laptop", "laptop"),
                Arguments.of("device_name=laptop&code=" + CODE, "laptop"),
                Arguments.of("code=" + CODE + "&device_name=Anna%27s+laptop", "Anna's laptop"),
                Arguments.of("code=" + CODE + "&device_name=Anna%27s%20laptop", "Anna's laptop"),
                Arguments.of("code=" + CODE + "&device_name=%E6%97%A5%E8%A8%98%20%F0%9F%98%80", "日記 😀"),
                Arguments.of("code=" + CODE + "&device_name=a%2Bb%26c%3Dd", "a+b&c=d"),
                Arguments.of("code=" + CODE + "&device_name=" + "x".repeat(255), "x".repeat(255)),
                Arguments.of("code=" + CODE + "&device_name=" + "%C3%A9".repeat(127) + "x", "é".repeat(127) + "x"),
                Arguments.of("code=" + CODE + "&device_name=phone&platform=android", "phone"),
                Arguments.of("code=" + CODE + "&device_name=phone&empty=", "phone"));
    }

    @ParameterizedTest
    @MethodSource("goodRequests")
    void readsWellFormedRequests(String body, String deviceName) throws Exception {
        assertThat(parse(FORM, body)).isEqualTo(new PairRequest(CODE, deviceName));
    }

    @ParameterizedTest
    @ValueSource(strings = {FORM, "application/x-www-form-urlencoded; charset=utf-8",
        "Application/X-WWW-Form-Urlencoded;charset=UTF-8", "application/x-www-form-urlencoded; charset=\"utf-8\"",
        "application/x-www-form-urlencoded; boundary=ignored"})
    void acceptsTheFormMediaTypeInUtf8(String contentType) throws Exception {
        assertThat(parse(contentType, "code=" + CODE + "&device_name=pc").deviceName()).isEqualTo("pc");
    }

    static Stream<Arguments> badRequests() {
        String code = "code=" + CODE;
        return Stream.of(
                Arguments.of(null, code + "&device_name=pc", "Content-Type must be " + FORM),
                Arguments.of("text/plain", code + "&device_name=pc", "Content-Type must be " + FORM),
                Arguments.of("multipart/form-data; boundary=x", code + "&device_name=pc", "Content-Type must be"),
                Arguments.of(FORM + "; charset=iso-8859-1", code + "&device_name=pc", "only charset=utf-8"),
                Arguments.of(FORM + "; charset=utf-16", code + "&device_name=pc", "only charset=utf-8"),
                Arguments.of(FORM + "; charset", code + "&device_name=pc", "malformed Content-Type parameter"),
                Arguments.of(FORM, "", "missing field code"),
                Arguments.of(FORM, "device_name=pc", "missing field code"),
                Arguments.of(FORM, code, "missing field device_name"),
                Arguments.of(FORM, code + "&device_name=pc&code=" + CODE, "a field appears twice"),
                Arguments.of(FORM, code + "&device_name=pc&device_name=pc", "a field appears twice"),
                Arguments.of(FORM, code + "&device_name=pc&device%5Fname=pc", "a field appears twice"),
                Arguments.of(FORM, code + "&device_name=pc&x=1&x=2", "a field appears twice"),
                Arguments.of(FORM, code + "&device_name=pc&", "every field must be name=value"),
                Arguments.of(FORM, code + "&&device_name=pc", "every field must be name=value"),
                Arguments.of(FORM, code + "&device_name", "every field must be name=value"),
                Arguments.of(FORM, code + "&device_name=a b", "printable ASCII"),
                Arguments.of(FORM, code + "&device_name=pc\n", "printable ASCII"),
                Arguments.of(FORM, code + "&device_name=caf\u00e9", "printable ASCII"),
                Arguments.of(FORM, code + "&device_name=%", "% must be followed by two hex digits"),
                Arguments.of(FORM, code + "&device_name=%4", "% must be followed by two hex digits"),
                Arguments.of(FORM, code + "&device_name=%G0", "% must be followed by two hex digits"),
                Arguments.of(FORM, code + "&device_name=%C3", "not valid UTF-8"),
                Arguments.of(FORM, code + "&device_name=%C0%AF", "not valid UTF-8"),
                Arguments.of(FORM, code + "&device_name=%ED%A0%80", "not valid UTF-8"),
                Arguments.of(FORM, code + "&device_name=%FF", "not valid UTF-8"),
                Arguments.of(FORM, code + "&device_name=", "device_name must be 1..255 bytes of UTF-8"),
                Arguments.of(FORM, code + "&device_name=" + "x".repeat(256), "device_name must be 1..255 bytes"),
                Arguments.of(FORM, code + "&device_name=" + "%C3%A9".repeat(128), "device_name must be 1..255 bytes"),
                Arguments.of(FORM, code + "&device_name=a%0Ab", "device_name must not contain control characters"),
                Arguments.of(FORM, code + "&device_name=a%00", "device_name must not contain control characters"),
                Arguments.of(FORM, code + "&device_name=a%7F", "device_name must not contain control characters"),
                Arguments.of(FORM, code + "&device_name=a%C2%85", "device_name must not contain control characters"),
                Arguments.of(FORM, "code=&device_name=pc", "code must be 26 characters"),
                Arguments.of(FORM, "code=" + CODE.toLowerCase() + "&device_name=pc", "code must be 26 characters"),
                Arguments.of(FORM, "code=" + CODE + "0&device_name=pc", "code must be 26 characters"),
                Arguments.of(FORM, "code=" + CODE + "&device_name=" + "x".repeat(4096), "larger than 4096 bytes"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void refusesMalformedRequestsWithAReasonForA400(String contentType, String body, String reason) {
        assertThatThrownBy(() -> parse(contentType, body))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void readsABodyOfExactlyTheLimit() throws Exception {
        String prefix = "code=" + CODE + "&device_name=pc&pad=";
        String body = prefix + "x".repeat(PairRequest.MAX_BODY_BYTES - prefix.length());

        assertThat(parse(FORM, body).deviceName()).isEqualTo("pc");
        assertThatThrownBy(() -> parse(FORM, body + "x")).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void reasonsNeverEchoTheRequest() {
        String marker = "%3Cscript%3E";
        assertThatThrownBy(() -> parse(FORM, "code=" + CODE + "&device_name=a%0A" + marker))
                .hasMessageNotContaining("script");
        assertThatThrownBy(() -> parse(FORM + "; charset=" + "evil", "x=1")).hasMessageNotContaining("evil");
    }

    @Test
    void theRecordChecksItsFieldsToo() {
        assertThatThrownBy(() -> new PairRequest("nope", "pc")).hasMessageContaining("code");
        assertThatThrownBy(() -> new PairRequest(CODE, "a\uD800")).hasMessageContaining("device_name");
        assertThatThrownBy(() -> new PairRequest(CODE, null)).hasMessageContaining("device_name missing");
        assertThat(new PairRequest(CODE, "😀").deviceName()).isEqualTo("😀");
    }
}
