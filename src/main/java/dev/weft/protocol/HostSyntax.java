package dev.weft.protocol;

/**
 * The syntax of the hosts a pairing link may name: DNS names of letters, digits and hyphens,
 * dotted-quad IPv4 and RFC 4291 IPv6 text (no zone id). Checked without a resolver, because this
 * package has no network API.
 */
final class HostSyntax {
    private static final int MAX_DNS_NAME = 253;
    private static final int MAX_LABEL = 63;

    private HostSyntax() {
    }

    static boolean isIpv4OrDnsName(String host) {
        if (host.length() > MAX_DNS_NAME) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return isIpv4(host);
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String host) {
        String body = host;
        int lastColon = host.lastIndexOf(':');
        if (lastColon >= 0 && host.indexOf('.', lastColon) >= 0) {
            if (!isIpv4(host.substring(lastColon + 1))) {
                return false;
            }
            body = host.substring(0, lastColon + 1) + "0:0";
        }
        int gap = body.indexOf("::");
        if (gap < 0) {
            return groups(body) == 8;
        }
        if (body.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = gap == 0 ? 0 : groups(body.substring(0, gap));
        int right = gap + 2 == body.length() ? 0 : groups(body.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right <= 7;
    }

    /** Number of 1..4-hex-digit groups separated by single colons, or -1. */
    private static int groups(String text) {
        String[] groups = text.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(HostSyntax::isHexDigit)) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            boolean digits = !part.isEmpty() && part.length() <= 3
                    && part.chars().allMatch(c -> c >= '0' && c <= '9');
            if (!digits || part.length() > 1 && part.startsWith("0") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9' || c == '-');
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
