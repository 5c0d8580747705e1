package nl.integrity.alumni.catalogue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of sectors as their names, sorted and comma-separated (empty set: empty text). */
@Converter
class SectorsConverter implements AttributeConverter<Set<Sector>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Sector> sectors) {
        return sectors == null ? "" : sectors.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public Set<Sector> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(Sector.class);
        }
        return Arrays.stream(column.split(","))
                .map(Sector::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Sector.class)));
    }
}
