package nl.integrity.declaration.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;
import nl.integrity.declaration.risk.Sector;

/** The new occupational activity as one version of a declaration describes it: a value, fixed once made. */
@Embeddable
public class Activity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeclarationKind kind;

    @Column(name = "employer_name", nullable = false)
    private String employerName;

    /** Dutch Chamber of Commerce (KvK) number: eight digits, for a Dutch employer only. */
    @Column(name = "kvk_number")
    private String kvkNumber;

    /** ISO 3166-1 alpha-2 code of the employer's country. */
    @Column(nullable = false)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @Column(nullable = false)
    private String role;

    @Column(nullable = false)
    private String duties;

    /** Null only for a speculative declaration whose start is not known yet. */
    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(nullable = false)
    private boolean paid;

    @Column(name = "hours_per_week", nullable = false)
    private int hoursPerWeek;

    @Column(name = "self_employed", nullable = false)
    private boolean selfEmployed;

    @Column(name = "expects_contact", nullable = false)
    private boolean expectsContact;

    @Column(name = "contact_details")
    private String contactDetails;

    @Column(name = "uses_knowledge", nullable = false)
    private boolean usesKnowledge;

    @Column(name = "knowledge_details")
    private String knowledgeDetails;

    protected Activity() {
        // for JPA
    }

    /** The activity as declared; the request it comes from has checked it. */
    public Activity(
            DeclarationKind kind,
            String employerName,
            String kvkNumber,
            String country,
            Sector sector,
            String role,
            String duties,
            LocalDate startDate,
            boolean paid,
            int hoursPerWeek,
            boolean selfEmployed,
            boolean expectsContact,
            String contactDetails,
            boolean usesKnowledge,
            String knowledgeDetails) {
        this.kind = kind;
        this.employerName = employerName;
        this.kvkNumber = kvkNumber;
        this.country = country;
        this.sector = sector;
        this.role = role;
        this.duties = duties;
        this.startDate = startDate;
        this.paid = paid;
        this.hoursPerWeek = hoursPerWeek;
        this.selfEmployed = selfEmployed;
        this.expectsContact = expectsContact;
        this.contactDetails = contactDetails;
        this.usesKnowledge = usesKnowledge;
        this.knowledgeDetails = knowledgeDetails;
    }

    public Activity copy() {
        return new Activity(
                kind,
                employerName,
                kvkNumber,
                country,
                sector,
                role,
                duties,
                startDate,
                paid,
                hoursPerWeek,
                selfEmployed,
                expectsContact,
                contactDetails,
                usesKnowledge,
                knowledgeDetails);
    }

    public DeclarationKind kind() {
        return kind;
    }

    public String employerName() {
        return employerName;
    }

    public String kvkNumber() {
        return kvkNumber;
    }

    public String country() {
        return country;
    }

    public Sector sector() {
        return sector;
    }

    public String role() {
        return role;
    }

    public String duties() {
        return duties;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public boolean paid() {
        return paid;
    }

    public int hoursPerWeek() {
        return hoursPerWeek;
    }

    public boolean selfEmployed() {
        return selfEmployed;
    }

    public boolean expectsContact() {
        return expectsContact;
    }

    public String contactDetails() {
        return contactDetails;
    }

    public boolean usesKnowledge() {
        return usesKnowledge;
    }

    public String knowledgeDetails() {
        return knowledgeDetails;
    }

    /** Same content: an update that changes nothing makes no new version. */
    public boolean sameAs(Activity o) {
        return kind == o.kind
                && employerName.equals(o.employerName)
                && Objects.equals(kvkNumber, o.kvkNumber)
                && country.equals(o.country)
                && sector == o.sector
                && role.equals(o.role)
                && duties.equals(o.duties)
                && Objects.equals(startDate, o.startDate)
                && paid == o.paid
                && hoursPerWeek == o.hoursPerWeek
                && selfEmployed == o.selfEmployed
                && expectsContact == o.expectsContact
                && Objects.equals(contactDetails, o.contactDetails)
                && usesKnowledge == o.usesKnowledge
                && Objects.equals(knowledgeDetails, o.knowledgeDetails);
    }
}
