package nl.integrity.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.integrity.notification.NotificationConfig;

/**
 * Where webhooks may go: {@code https} URLs of hosts on the internet. Plain {@code http}, and
 * addresses inside a network (loopback, private, link-local with the cloud metadata address,
 * carrier-grade NAT, unique-local, multicast, unspecified), only for the hosts an office lists in
 * {@code notification.webhooks.trusted-hosts} (the local platform lists its test receiver). A URL
 * is checked when it is subscribed and again before every delivery, on what its name resolves to
 * then: a name can be pointed elsewhere after it was checked. Redirects are never followed.
 */
@ApplicationScoped
class WebhookTargets {

    /** A URL that is not called, and why (in words for the administrator; the URL is theirs). */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final Set<String> trusted;

    @Inject
    WebhookTargets(NotificationConfig config) {
        this(config.webhooks().trustedHosts().orElse(List.of()));
    }

    /** Plain http, and addresses inside a network, allowed for {@code trustedHosts} only. */
    WebhookTargets(List<String> trustedHosts) {
        this.trusted = trustedHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }

    /**
     * The URL, when it may be subscribed. A name that does not resolve now is taken (it may be set
     * up later) and checked at every delivery.
     */
    public URI checkSubscribed(String url) {
        URI uri = parse(url);
        try {
            checkAddresses(uri);
        } catch (UnknownHostException notYet) {
            // checked again before each delivery
        }
        return uri;
    }

    /** Checks a subscribed URL again just before a delivery; refuses one that resolves nowhere too. */
    public void checkBeforeDelivery(String url) {
        URI uri = parse(url);
        try {
            checkAddresses(uri);
        } catch (UnknownHostException e) {
            throw new Refused("the host name does not resolve");
        }
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new Refused("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry a user name or password");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && trusted(uri))) {
            throw new Refused("must be an https URL (plain http only for the trusted hosts)");
        }
        return uri;
    }

    private boolean trusted(URI uri) {
        return trusted.contains(host(uri));
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private void checkAddresses(URI uri) throws UnknownHostException {
        if (trusted(uri)) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(host(uri))) {
            internal(address).ifPresent(kind -> {
                throw new Refused("must not point inside a network: " + uri.getHost() + " is " + kind);
            });
        }
    }

    /** What kind of internal address this is, or empty for an address on the internet. */
    public static Optional<String> internal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedOrCompatibleV4(b)) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return Optional.of("an unreadable address");
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("a unique-local address (fc00::/7)");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (such as the cloud metadata service)");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("an address of this network (0.0.0.0/8)");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking address (198.18.0.0/15)");
            }
            if (first >= 240) {
                return Optional.of("a reserved address (240.0.0.0/4)");
            }
        }
        return Optional.empty();
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible =
                b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        return mapped || compatible;
    }
}
