package nl.integrity.alumni.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Why one row of an import was rejected; row 1 is the first row after the header. */
@Entity
@Table(name = "departure_import_error")
class ImportError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private UUID importId;

    @Column(name = "row_number", nullable = false)
    private int rowNumber;

    private String field;

    @Column(nullable = false)
    private String message;

    protected ImportError() {}

    /**
     * Row {@code rowNumber} of the import was rejected, for a reason in {@code field} (null: the
     * whole row); a long message is cut short.
     */
    static ImportError of(UUID importId, int rowNumber, String field, String message) {
        var error = new ImportError();
        error.importId = Objects.requireNonNull(importId, "importId");
        error.rowNumber = rowNumber;
        error.field = field;
        error.message = message.length() > 500 ? message.substring(0, 497) + "..." : message;
        return error;
    }

    int rowNumber() {
        return rowNumber;
    }

    String field() {
        return field;
    }

    String message() {
        return message;
    }

    /** The rows an import rejected, in file order (the first 1000 are kept). */
    static List<ImportError> ofImport(UUID importId) {
        return list("importId = ?1 order by rowNumber, id", importId);
    }
}
