package nl.integrity.alumni.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A function in an organisation's risk catalogue, identified by its code. Every change adds a
 * {@link FunctionProfileVersion}; earlier versions stay as they were. A retired profile keeps
 * its history but takes no more changes.
 */
@Entity
@Table(name = "function_profile")
class FunctionProfile extends PanacheEntityBase {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private String code;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.PERSIST)
    @OrderBy("number")
    private List<FunctionProfileVersion> versions = new ArrayList<>();

    @Version
    private long version;

    protected FunctionProfile() {}

    static FunctionProfile create(
            Organisation organisation, String code, FunctionDefinition definition, String by, Clock clock) {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(code, "code");
        var profile = new FunctionProfile();
        profile.id = UUID.randomUUID();
        profile.organisation = organisation;
        profile.code = code;
        profile.addVersion(definition, by, clock);
        return profile;
    }

    /**
     * Changes the definition as a new version, provided the caller saw the current one.
     *
     * @return the new version, or empty when the definition is what it already was
     */
    Optional<FunctionProfileVersion> change(
            int expectedVersion, FunctionDefinition definition, String by, Clock clock) {
        if (isRetired()) {
            throw new FunctionProfileRetired(code);
        }
        if (expectedVersion != currentVersion) {
            throw new StaleFunctionProfile(code, expectedVersion, currentVersion);
        }
        if (current().definition().equals(definition)) {
            return Optional.empty();
        }
        return Optional.of(addVersion(definition, by, clock));
    }

    void retire(Clock clock) {
        if (isRetired()) {
            throw new FunctionProfileRetired(code);
        }
        retiredAt = clock.instant();
    }

    boolean isRetired() {
        return retiredAt != null;
    }

    FunctionProfileVersion current() {
        return versions.get(versions.size() - 1);
    }

    UUID id() {
        return id;
    }

    Organisation organisation() {
        return organisation;
    }

    String code() {
        return code;
    }

    int currentVersion() {
        return currentVersion;
    }

    Instant retiredAt() {
        return retiredAt;
    }

    /** Every version, oldest first; a change adds one, none is ever changed. */
    List<FunctionProfileVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    private FunctionProfileVersion addVersion(FunctionDefinition definition, String by, Clock clock) {
        currentVersion++;
        var added = FunctionProfileVersion.of(this, currentVersion, definition, by, clock.instant());
        versions.add(added);
        return added;
    }

    static Optional<FunctionProfile> findByCode(Organisation organisation, String code) {
        return find("organisation = ?1 and code = ?2", organisation, code).firstResultOptional();
    }
}
