package nl.integrity.declaration.declaration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;
import nl.integrity.declaration.risk.Sector;

/** The new occupational activity as one version of a declaration describes it. */
@Embeddable
public class Activity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeclarationKind kind;

    @Column(name = "employer_name", nullable = false)
    public String employerName;

    /** Dutch Chamber of Commerce (KvK) number: eight digits, for a Dutch employer only. */
    @Column(name = "kvk_number")
    public String kvkNumber;

    /** ISO 3166-1 alpha-2 code of the employer's country. */
    @Column(nullable = false)
    public String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sector sector;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String duties;

    /** Null only for a speculative declaration whose start is not known yet. */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(nullable = false)
    public boolean paid;

    @Column(name = "hours_per_week", nullable = false)
    public int hoursPerWeek;

    @Column(name = "self_employed", nullable = false)
    public boolean selfEmployed;

    @Column(name = "expects_contact", nullable = false)
    public boolean expectsContact;

    @Column(name = "contact_details")
    public String contactDetails;

    @Column(name = "uses_knowledge", nullable = false)
    public boolean usesKnowledge;

    @Column(name = "knowledge_details")
    public String knowledgeDetails;

    public Activity() {
    }

    public Activity copy() {
        var a = new Activity();
        a.kind = kind;
        a.employerName = employerName;
        a.kvkNumber = kvkNumber;
        a.country = country;
        a.sector = sector;
        a.role = role;
        a.duties = duties;
        a.startDate = startDate;
        a.paid = paid;
        a.hoursPerWeek = hoursPerWeek;
        a.selfEmployed = selfEmployed;
        a.expectsContact = expectsContact;
        a.contactDetails = contactDetails;
        a.usesKnowledge = usesKnowledge;
        a.knowledgeDetails = knowledgeDetails;
        return a;
    }

    /** Same content: an update that changes nothing makes no new version. */
    public boolean sameAs(Activity o) {
        return kind == o.kind && employerName.equals(o.employerName) && Objects.equals(kvkNumber, o.kvkNumber)
                && country.equals(o.country) && sector == o.sector && role.equals(o.role) && duties.equals(o.duties)
                && Objects.equals(startDate, o.startDate) && paid == o.paid && hoursPerWeek == o.hoursPerWeek
                && selfEmployed == o.selfEmployed && expectsContact == o.expectsContact
                && Objects.equals(contactDetails, o.contactDetails) && usesKnowledge == o.usesKnowledge
                && Objects.equals(knowledgeDetails, o.knowledgeDetails);
    }
}
