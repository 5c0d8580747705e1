package nl.integrity.alumni.imports;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Why one row of an import was rejected; row 1 is the first row after the header. */
@Entity
@Table(name = "departure_import_error")
public class ImportError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "import_id", nullable = false)
    public UUID importId;

    @Column(name = "row_number", nullable = false)
    public int rowNumber;

    public String field;

    @Column(nullable = false)
    public String message;

    static ImportError of(UUID importId, int rowNumber, String field, String message) {
        var error = new ImportError();
        error.importId = importId;
        error.rowNumber = rowNumber;
        error.field = field;
        error.message = message.length() > 500 ? message.substring(0, 497) + "..." : message;
        return error;
    }
}
