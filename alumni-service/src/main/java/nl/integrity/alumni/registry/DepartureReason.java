package nl.integrity.alumni.registry;

/** Why someone left; forced departures (reorganisation, dismissal) weigh in the risk assessment. */
public enum DepartureReason {
    VOLUNTARY,
    RETIREMENT,
    REORGANISATION,
    END_OF_CONTRACT,
    DISCIPLINARY_DISMISSAL,
    OTHER_DISMISSAL
}
