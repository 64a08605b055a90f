package dev.weft.protocol;

import java.util.Optional;

/**
 * The pairing link a server shows (docs/protocol.md §7):
 * {@code weft://HOST:PORT/pair?code=CODE&fp=SHA256}, with an IPv6 host in brackets.
 *
 * <p>{@code code} is {@value #CODE_LENGTH} characters of Crockford base32 ({@value #CODE_ALPHABET},
 * 130 random bits) and {@code fp} the SHA-256 of the server certificate's DER encoding as
 * {@value #FINGERPRINT_LENGTH} lowercase hex digits. {@link #parse} is strict: it accepts exactly
 * what {@link #toString} writes, in either parameter order, with the scheme in any case and
 * surrounding white space ignored. It never percent-decodes, because no valid field needs it.
 *
 * <p>A server started with {@code --no-tls} has no certificate: its link says {@code fp=none}
 * ({@link #PLAIN}), in plain sight, and devices then connect with {@code ws://}.
 *
 * @param host a DNS name, an IPv4 address, or an IPv6 address without brackets
 * @param port the server's TLS port, 1..65535
 * @param code the single-use pairing code
 * @param fingerprint the pinned certificate fingerprint, or {@link #PLAIN}
 */
public record PairingLink(String host, int port, String code, String fingerprint) {
    /** Characters of a pairing code, in Crockford base32 order: no I, L, O or U. */
    public static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Length of a pairing code: 26 symbols of 5 bits, 130 bits. */
    public static final int CODE_LENGTH = 26;
    /** The {@code fp} of a server without TLS. */
    public static final String PLAIN = "none";
    /** Length of a fingerprint: 32 bytes of SHA-256 as hex. */
    public static final int FINGERPRINT_LENGTH = 64;

    private static final String SCHEME = "weft://";
    private static final String PATH = "/pair?";
    private static final int MAX_LINK_LENGTH = 512;

    /** Checks every field; throws {@link IllegalArgumentException} naming the first bad one. */
    public PairingLink {
        require("host", hostProblem(host));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
        require("code", validateCode(code));
        require("fp", validateFingerprint(fingerprint));
    }

    /**
     * Reads a pairing link.
     *
     * @throws IllegalArgumentException with a message that says what is wrong with {@code text}
     */
    public static PairingLink parse(String text) {
        if (text == null) {
            throw invalid("no link");
        }
        String link = text.strip();
        if (link.length() > MAX_LINK_LENGTH) {
            throw invalid("longer than " + MAX_LINK_LENGTH + " characters");
        }
        if (!link.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw invalid("does not start with " + SCHEME);
        }
        if (link.indexOf('%') >= 0) {
            throw invalid("percent-encoding is never used in a pairing link");
        }
        if (link.indexOf('#') >= 0) {
            throw invalid("a fragment (#) is not allowed");
        }
        int pathStart = link.indexOf('/', SCHEME.length());
        if (pathStart < 0 || !link.startsWith(PATH, pathStart)) {
            throw invalid("the path must be /pair followed by ?code=...&fp=...");
        }
        Authority authority = authority(link.substring(SCHEME.length(), pathStart));
        Query query = query(link.substring(pathStart + PATH.length()));
        try {
            return new PairingLink(authority.host, authority.port, query.code, query.fingerprint);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Why {@code code} is not a well-formed pairing code, or empty if it is one. */
    public static Optional<String> validateCode(String code) {
        if (code == null) {
            return Optional.of("missing");
        }
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> CODE_ALPHABET.indexOf(c) >= 0)) {
            return Optional.of("must be " + CODE_LENGTH + " characters of " + CODE_ALPHABET);
        }
        return Optional.empty();
    }

    /** Why {@code fingerprint} is not {@value #FINGERPRINT_LENGTH} lowercase hex digits, or empty. */
    public static Optional<String> validateFingerprint(String fingerprint) {
        if (fingerprint == null) {
            return Optional.of("missing");
        }
        if (fingerprint.equals(PLAIN)) {
            return Optional.empty();
        }
        boolean hex = fingerprint.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
        if (fingerprint.length() != FINGERPRINT_LENGTH || !hex) {
            return Optional.of("must be " + FINGERPRINT_LENGTH + " lowercase hex digits (SHA-256)");
        }
        return Optional.empty();
    }

    /** Whether the server uses TLS (every server does unless started with {@code --no-tls}). */
    public boolean tls() {
        return !fingerprint.equals(PLAIN);
    }

    /** The link as the server prints it: {@code weft://HOST:PORT/pair?code=CODE&fp=SHA256}. */
    @Override
    public String toString() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return SCHEME + shownHost + ":" + port + PATH + "code=" + code + "&fp=" + fingerprint;
    }

    private record Authority(String host, int port) {
    }

    private record Query(String code, String fingerprint) {
    }

    private static Authority authority(String authority) {
        if (authority.indexOf('@') >= 0) {
            throw invalid("user info (@) is not allowed");
        }
        String host;
        String afterHost;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("[ without ] around the IPv6 address");
            }
            host = authority.substring(1, close);
            if (!HostSyntax.isIpv6(host)) {
                throw invalid("not an IPv6 address in brackets: " + host);
            }
            afterHost = authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw invalid("an IPv6 address must be in brackets");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            afterHost = colon < 0 ? "" : authority.substring(colon);
        }
        if (!afterHost.startsWith(":") || afterHost.length() == 1) {
            throw invalid("no port after the host");
        }
        return new Authority(host, port(afterHost.substring(1)));
    }

    private static int port(String digits) {
        boolean decimal = digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!decimal || digits.length() > 5 || digits.startsWith("0")) {
            throw invalid("port is not a number 1..65535: " + digits);
        }
        return Integer.parseInt(digits);
    }

    private static Query query(String query) {
        String code = null;
        String fingerprint = null;
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                throw invalid("parameter without =: " + parameter);
            }
            String name = parameter.substring(0, equals);
            String value = parameter.substring(equals + 1);
            if (name.equals("code") && code == null) {
                code = value;
            } else if (name.equals("fp") && fingerprint == null) {
                fingerprint = value;
            } else if (name.equals("code") || name.equals("fp")) {
                throw invalid("parameter " + name + " appears twice");
            } else {
                throw invalid("unknown parameter: " + name);
            }
        }
        if (code == null || fingerprint == null) {
            throw invalid("needs both code and fp");
        }
        return new Query(code, fingerprint);
    }

    private static Optional<String> hostProblem(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of("missing");
        }
        if (host.indexOf(':') >= 0) {
            return HostSyntax.isIpv6(host) ? Optional.empty() : Optional.of("not an IPv6 address: " + host);
        }
        return HostSyntax.isIpv4OrDnsName(host) ? Optional.empty()
                : Optional.of("not a DNS name or IPv4 address: " + host);
    }

    private static void require(String field, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(field + " " + p);
        });
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("invalid pairing link: " + problem);
    }
}
