package io.harbormaster.command.cert;

import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Turns the names a server certificate must carry into subjectAltName entries: IPv4 and IPv6 literals become
 * iPAddress names (clients match an IP they dial only against those), everything else must be a DNS name. Duplicates
 * collapse, first spelling and order kept.
 */
final class SubjectAlternativeNames {

    // Underscores are not legal in host names but turn up in internal DNS; Go and Java both match them.
    private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final Pattern DNS_NAME = Pattern.compile("^(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*\\.?$");
    private static final int MAX_DNS_NAME_LENGTH = 253;

    private SubjectAlternativeNames() {
    }

    static GeneralNames of(Collection<String> entries) {
        var names = new LinkedHashMap<String, GeneralName>();
        for (var entry : entries) {
            var name = toGeneralName(entry);
            names.putIfAbsent(key(name), name);
        }
        return new GeneralNames(names.values().toArray(GeneralName[]::new));
    }

    static boolean isDnsName(String text) {
        return text != null && text.length() <= MAX_DNS_NAME_LENGTH && DNS_NAME.matcher(text).matches();
    }

    private static GeneralName toGeneralName(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new InvalidCertificateRequestException(
                    "An empty name was given for the server certificate; remove it or give an IP address or DNS name.");
        }
        var text = entry.strip();
        var unbracketed = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPAddress.isValidIPv4(unbracketed) || IPAddress.isValidIPv6(unbracketed)) {
            return new GeneralName(GeneralName.iPAddress, unbracketed);
        }
        if (isDnsName(text)) {
            // A trailing dot (fully qualified) is not allowed in a certificate's DNS names; clients drop it too.
            var name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            return new GeneralName(GeneralName.dNSName, name);
        }
        throw new InvalidCertificateRequestException("'" + text + "' is neither an IP address nor a DNS name, so a "
                + "server certificate cannot name it. Give an address such as 203.0.113.7, 2001:db8::7 or "
                + "docker.example.com.");
    }

    private static String key(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            return "ip:" + HexFormat.of().formatHex(ASN1OctetString.getInstance(name.getName()).getOctets());
        }
        return "dns:" + name.getName().toString().toLowerCase(Locale.ROOT);
    }
}
