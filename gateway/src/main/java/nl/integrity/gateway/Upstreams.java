package nl.integrity.gateway;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The instances behind each route and which one takes a call. SmallRye Stork lists them (a static
 * list locally, {@code quarkus.stork.<route>.service-discovery.address-list}; the Kubernetes
 * Service's address in a cluster) and its load balancer picks one, among those this call has not
 * tried yet and whose circuit breaker lets a call through. An instance that is down is skipped:
 * its breaker opens after a few refused connections, and a call it refused tries the next one.
 */
@ApplicationScoped
class Upstreams {

    private final CircuitBreakers breakers;
    private final GatewayConfig config;

    Upstreams(CircuitBreakers breakers, GatewayConfig config) {
        this.breakers = breakers;
        this.config = config;
    }

    /** An instance chosen for a call, with its breaker; or none, with how long the breakers ask callers to wait (0: none is up). */
    record Pick(ServiceInstance instance, CircuitBreakers.Breaker breaker, long retryAfterSeconds) {
        boolean found() {
            return instance != null;
        }

        String baseUrl() {
            return (instance.isSecure() ? "https://" : "http://") + instance.getHost() + ":" + instance.getPort();
        }
    }

    /** Every route needs its instances listed: a missing list is a configuration error, found at start. */
    void check(@Observes StartupEvent started) {
        for (String route : config.routes().keySet()) {
            if (Stork.getInstance().getServiceOptional(route).isEmpty()) {
                throw new IllegalStateException("No instances are configured for route " + route
                        + ": set quarkus.stork." + route + ".service-discovery.address-list");
            }
        }
    }

    Uni<List<ServiceInstance>> instances(String route) {
        return Stork.getInstance().getService(route).getInstances();
    }

    Pick pick(String route, List<ServiceInstance> instances, Set<Long> tried) {
        var service = Stork.getInstance().getService(route);
        List<ServiceInstance> candidates = new ArrayList<>(
                instances.stream().filter(i -> !tried.contains(i.getId())).toList());
        long now = System.nanoTime();
        long wait = 0;
        while (!candidates.isEmpty()) {
            ServiceInstance chosen = service.selectInstance(candidates);
            CircuitBreakers.Breaker breaker = breakers.of(route + "@" + chosen.getHost() + ":" + chosen.getPort());
            long refusedFor = breaker.refuseFor(now);
            if (refusedFor == 0) {
                return new Pick(chosen, breaker, 0);
            }
            wait = wait == 0 ? refusedFor : Math.min(wait, refusedFor);
            candidates.remove(chosen);
        }
        return new Pick(null, null, wait);
    }
}
