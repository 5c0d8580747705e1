package nl.integrity.platform.instance;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of this instance of a service, for the work it claims in the database (a scheduled
 * run, an import's lease): {@code platform.instance} when set (the local platform sets
 * {@code declaration-service-2}, say), else the host name (a Kubernetes pod's name) and process id.
 */
@Singleton
public class InstanceName {

    private final String name;

    InstanceName(@ConfigProperty(name = "platform.instance") Optional<String> configured) {
        this.name = configured.orElseGet(() -> Optional.ofNullable(System.getenv("HOSTNAME"))
                        .orElse("localhost") + ":" + ProcessHandle.current().pid());
    }

    public String get() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
