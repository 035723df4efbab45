package io.profilekit.core.scim;

import io.profilekit.core.Profile;
import java.util.Optional;

/**
 * A SCIM filter such as {@code userName eq "bjensen"} or
 * {@code emails[type eq "work" and value co "@example.com"] and not (active eq false)}: the
 * operators {@code eq ne co sw ew gt ge lt le pr}, {@code and}, {@code or}, {@code not (...)},
 * parentheses and value filters, over the User attributes profilekit keeps (RFC 7644 section
 * 3.4.2.2). Strings compare ignoring case, but for {@code id} and {@code externalId}
 * ({@code caseExact} in RFC 7643).
 *
 * <pre>{@code
 * ScimFilter filter = ScimFilter.parse("name.familyName sw \"jen\"");
 * boolean matches = filter.matches(profile);
 * }</pre>
 */
public final class ScimFilter {

    private final Filter filter;

    private ScimFilter(Filter filter) {
        this.filter = filter;
    }

    /**
     * Reads a filter.
     *
     * @throws ScimException of type {@code invalidFilter} when it is not one profilekit can apply
     */
    public static ScimFilter parse(String text) {
        return new ScimFilter(FilterParser.parse(text, ScimException.Type.INVALID_FILTER));
    }

    /** Whether {@code profile}, as a SCIM User, passes the filter. */
    public boolean matches(Profile profile) {
        return filter.test(UserMapping.view(profile));
    }

    /**
     * The one key that every profile the filter matches must have, when the filter says so
     * ({@code userName eq "..."} or {@code id eq "..."}, alone or on one side of an {@code and}):
     * a store can then fetch that one profile and test it instead of scanning.
     */
    public Optional<Key> key() {
        return key(filter);
    }

    private static Optional<Key> key(Filter filter) {
        if (filter instanceof Filter.And and) {
            Optional<Key> left = key(and.left());
            return left.isPresent() ? left : key(and.right());
        }
        if (filter instanceof Filter.Compare compare && compare.op() == Filter.Operator.EQ
                && compare.value().isTextual() && compare.path().schema() == null && compare.path().sub() == null) {
            String value = compare.value().asText();
            if (compare.path().name().equals("userName")) {
                return Optional.of(new Key.UserName(value));
            }
            if (compare.path().name().equals("id")) {
                return Optional.of(new Key.Id(value));
            }
        }
        return Optional.empty();
    }

    /** A key that narrows a filter to one profile. */
    public sealed interface Key {
        /** The username ({@code user_id}) as the filter spells it. */
        record UserName(String value) implements Key {
        }

        /** The record id as the filter spells it, which may be no number. */
        record Id(String value) implements Key {
        }
    }
}
