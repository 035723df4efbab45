package io.profilekit.core.transfer;

/** What an import does with a record whose username (or record id) a stored profile has. */
public enum OnConflict {
    /** Leave the stored profile as it is. */
    SKIP,
    /** Replace the stored profile's fields with the record's; its record id and picture stay. */
    UPDATE
}
