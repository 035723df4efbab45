package io.profilekit.core;

/**
 * The input is not even well-formed: not JSON, or JSON that breaks the parser's limits (nesting
 * depth, string length, duplicate keys). Compare {@link InvalidProfileException}'s other cases,
 * well-formed documents that break a rule.
 */
public class MalformedProfileException extends InvalidProfileException {

    private static final long serialVersionUID = 1L;

    public MalformedProfileException(String message) {
        super(Reason.MALFORMED, message, null);
    }
}
