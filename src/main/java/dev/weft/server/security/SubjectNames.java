package dev.weft.server.security;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * The names a self-signed certificate is made for (its SubjectAltName): DNS names and IP
 * addresses. Clients pin the certificate by fingerprint, so these names are a courtesy to other
 * TLS tools, not what Weft's trust rests on.
 */
public final class SubjectNames {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private SubjectNames() {
    }

    /** {@code localhost}, {@code 127.0.0.1}, {@code ::1} and this machine's host name, if it is a usable DNS name. */
    public static List<String> forThisMachine() {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        hostName().ifPresent(names::add);
        return List.copyOf(names);
    }

    /** {@code names} as a SubjectAltName; each must be a DNS name or an IP address. */
    static GeneralNames generalNames(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one subject name");
        }
        GeneralName[] general = new GeneralName[names.size()];
        for (int i = 0; i < general.length; i++) {
            String name = names.get(i);
            if (IPAddress.isValid(name)) {
                general[i] = new GeneralName(GeneralName.iPAddress, name);
            } else if (DNS_NAME.matcher(name).matches()) {
                general[i] = new GeneralName(GeneralName.dNSName, name);
            } else {
                throw new IllegalArgumentException("not a DNS name or IP address: " + name);
            }
        }
        return new GeneralNames(general);
    }

    private static Optional<String> hostName() {
        try {
            String name = IDN.toASCII(InetAddress.getLocalHost().getHostName()).toLowerCase(Locale.ROOT);
            return DNS_NAME.matcher(name).matches() || IPAddress.isValid(name) ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
