package nl.integrity.alumni.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionProfileTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    private static final FunctionDefinition TACTICAL = new FunctionDefinition(
            "Tactisch rechercheur",
            FunctionGroup.INVESTIGATION,
            RiskLevel.HIGH,
            12,
            Set.of(Sector.PRIVATE_INVESTIGATION),
            "Kennis van onderzoeken");

    private FunctionProfile profile() {
        return FunctionProfile.create(Organisation.POLITIE, "REC-TAC", TACTICAL, "admin", clock);
    }

    @Test
    void create_startsAtVersionOne() {
        var profile = profile();
        assertEquals(1, profile.currentVersion());
        assertEquals(TACTICAL, profile.current().definition());
        assertEquals(clock.instant(), profile.current().validFrom());
    }

    @Test
    void change_addsVersionAndLeavesTheEarlierOneAsItWas() {
        var profile = profile();
        var first = profile.current();
        var stricter = new FunctionDefinition(
                "Tactisch rechercheur",
                FunctionGroup.INVESTIGATION,
                RiskLevel.CRITICAL,
                18,
                Set.of(Sector.PRIVATE_INVESTIGATION, Sector.LEGAL_SERVICES),
                "Na incident aangescherpt");

        var added = profile.change(1, stricter, "admin", clock).orElseThrow();

        assertEquals(2, added.number());
        assertEquals(2, profile.currentVersion());
        assertEquals(stricter, profile.current().definition());
        assertEquals(TACTICAL, first.definition(), "version 1 is untouched");
        assertEquals(2, profile.versions().size());
    }

    @Test
    void change_withTheSameDefinitionAddsNoVersion() {
        var profile = profile();
        assertTrue(profile.change(1, TACTICAL, "admin", clock).isEmpty());
        assertEquals(1, profile.currentVersion());
    }

    @Test
    void change_madeOnAnOutdatedVersionIsRefused() {
        var profile = profile();
        profile.change(
                1,
                new FunctionDefinition("Rechercheur", FunctionGroup.INVESTIGATION, RiskLevel.HIGH, 12, Set.of(), null),
                "admin",
                clock);

        assertThrows(StaleFunctionProfile.class, () -> profile.change(1, TACTICAL, "other admin", clock));
        assertEquals(2, profile.currentVersion());
    }

    @Test
    void retire_endsChanges() {
        var profile = profile();
        profile.retire(clock);

        assertTrue(profile.isRetired());
        assertThrows(FunctionProfileRetired.class, () -> profile.change(1, TACTICAL, "admin", clock));
        assertThrows(FunctionProfileRetired.class, () -> profile.retire(clock));
    }

    @Test
    void definition_acceptsCoolingOffFromZeroToTwentyFourMonths() {
        new FunctionDefinition("t", FunctionGroup.SUPPORT, RiskLevel.LOW, 0, null, null);
        new FunctionDefinition("t", FunctionGroup.SUPPORT, RiskLevel.LOW, 24, null, null);
        assertThrows(
                IllegalArgumentException.class,
                () -> new FunctionDefinition("t", FunctionGroup.SUPPORT, RiskLevel.LOW, 25, null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new FunctionDefinition("t", FunctionGroup.SUPPORT, RiskLevel.LOW, -1, null, null));
    }

    @Test
    void definition_comparesSectorsAsASet() {
        var a = new FunctionDefinition(
                "t", FunctionGroup.ICT, RiskLevel.HIGH, 6, Set.of(Sector.ICT, Sector.TELECOM), null);
        var b = new FunctionDefinition(
                "t", FunctionGroup.ICT, RiskLevel.HIGH, 6, EnumSet.of(Sector.TELECOM, Sector.ICT), null);
        assertEquals(a, b);
        assertEquals(
                EnumSet.noneOf(Sector.class),
                new FunctionDefinition("t", FunctionGroup.ICT, RiskLevel.LOW, 0, null, null).sensitiveSectors());
    }
}
