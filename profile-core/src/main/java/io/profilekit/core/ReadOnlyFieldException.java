package io.profilekit.core;

/**
 * A person tried to change a field of their own profile that only services may change (their
 * {@code user_id}, say); see {@link FieldVisibility#checkOwnChange}.
 */
public class ReadOnlyFieldException extends ProfileException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ReadOnlyFieldException(String field) {
        super(Reason.READ_ONLY_FIELD, "'" + field
                + "' cannot be changed through your own profile; leave it out or send its current value");
        this.field = field;
    }

    /** The field's JSON name, such as {@code user_id}. */
    public String field() {
        return field;
    }
}
