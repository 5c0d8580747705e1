package nl.integrity.declaration.declaration;

/**
 * Dutch Chamber of Commerce (KvK) numbers: eight digits since 2013 (older ones were padded
 * to eight). The register publishes no check digit, so the check is on form: eight digits,
 * not all zero.
 */
final class KvkNumber {

    private KvkNumber() {}

    static boolean isValid(String value) {
        return value != null && value.matches("\\d{8}") && !value.equals("00000000");
    }
}
