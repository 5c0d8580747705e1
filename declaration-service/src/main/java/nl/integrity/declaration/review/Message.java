package nl.integrity.declaration.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One message of a declaration's thread: an officer's question or the alumnus' answer. */
@Entity
@Table(name = "declaration_message")
public class Message extends PanacheEntityBase {

    public enum Kind {
        QUESTION,
        ANSWER
    }

    @Id
    private UUID id;

    @Column(name = "declaration_id", nullable = false)
    private UUID declarationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** The officer's username, or "alumnus". */
    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String body;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected Message() {}

    /** A new message in the thread of a declaration (not stored yet). */
    public static Message of(UUID declarationId, Kind kind, String author, String body, Instant sentAt) {
        var m = new Message();
        m.id = UUID.randomUUID();
        m.declarationId = declarationId;
        m.kind = kind;
        m.author = author;
        m.body = body;
        m.sentAt = sentAt;
        return m;
    }

    public static List<Message> thread(UUID declarationId) {
        return list("declarationId = ?1 order by sentAt", declarationId);
    }

    /** The threads of several declarations in one query, each oldest first. */
    public static List<Message> threads(Collection<UUID> declarationIds) {
        return declarationIds.isEmpty()
                ? List.of()
                : list("declarationId in ?1 order by declarationId, sentAt", declarationIds);
    }

    public UUID declarationId() {
        return declarationId;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String author() {
        return author;
    }

    public String body() {
        return body;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
