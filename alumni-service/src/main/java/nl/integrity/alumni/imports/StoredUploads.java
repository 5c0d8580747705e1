package nl.integrity.alumni.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The uploaded files of imports, in the database: stored in parts of {@value #PART_SIZE} bytes in
 * the transaction that creates the import, read back a part at a time by whichever instance runs
 * it, and deleted when the import ends.
 */
@ApplicationScoped
class StoredUploads {

    static final int PART_SIZE = 1024 * 1024;

    private final EntityManager em;

    StoredUploads(EntityManager em) {
        this.em = em;
    }

    /** Stores {@code upload} as the file of import {@code id}; returns its size in bytes. */
    @Transactional(Transactional.TxType.MANDATORY)
    long store(UUID id, InputStream upload) {
        long[] size = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into departure_import_part (import_id, part, data) values (?, ?, ?)")) {
                byte[] buffer = new byte[PART_SIZE];
                int part = 0;
                int read;
                while ((read = upload.readNBytes(buffer, 0, PART_SIZE)) > 0) {
                    insert.setObject(1, id);
                    insert.setInt(2, part++);
                    insert.setBytes(3, read == PART_SIZE ? buffer : java.util.Arrays.copyOf(buffer, read));
                    insert.executeUpdate();
                    size[0] += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return size[0];
    }

    /** The file of import {@code id}, read a part at a time, each in a short transaction of its own. */
    InputStream open(UUID id) {
        return new InputStream() {
            private int next;
            private byte[] part = new byte[0];
            private int position;
            private boolean exhausted;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == part.length) {
                    if (exhausted || !fetch()) {
                        exhausted = true;
                        return -1;
                    }
                }
                int n = Math.min(length, part.length - position);
                System.arraycopy(part, position, into, offset, n);
                position += n;
                return n;
            }

            private boolean fetch() {
                int wanted = next++;
                @SuppressWarnings("unchecked")
                List<byte[]> data = QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "select data from departure_import_part where import_id = ?1 and part = ?2")
                                .setParameter(1, id)
                                .setParameter(2, wanted)
                                .getResultList());
                if (data.isEmpty()) {
                    return false;
                }
                part = data.get(0);
                position = 0;
                return true;
            }
        };
    }

    /** The file of import {@code id} is no longer needed (it holds personal data). */
    @Transactional(Transactional.TxType.MANDATORY)
    void delete(UUID id) {
        em.createNativeQuery("delete from departure_import_part where import_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
    }
}
