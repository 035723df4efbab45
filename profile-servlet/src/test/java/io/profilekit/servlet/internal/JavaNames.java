package io.profilekit.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Holds every error answer the HTTP suites receive to plain words: no Java method call, class
 * name, package or stack frame, which tell a client nothing and an attacker how the server is
 * built (RunningServer checks each answer of 400 and above).
 */
public final class JavaNames {

    private static final List<Pattern> JAVA = List.of(
            Pattern.compile("\\b[a-z]+[A-Z][a-zA-Z]*\\("),
            Pattern.compile("\\b(java|javax|jakarta|com|org|io|reactor|sun)\\.[a-z]+\\.[a-zA-Z]"),
            Pattern.compile("\\b[A-Z][a-zA-Z]+(Exception|Error)\\b"),
            Pattern.compile("\\.java:[0-9]+|\\bat [a-z]+\\.[a-z]"));

    private JavaNames() {
    }

    /** Fails when {@code body}, an error answer to {@code what}, names Java. */
    public static void check(String what, String body) {
        for (Pattern java : JAVA) {
            assertThat(java.matcher(body).find())
                    .as("%s answered with Java names (%s): %s", what, java.pattern(), body)
                    .isFalse();
        }
    }
}
