package io.profilekit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.profilekit.server.settings.Settings;
import io.profilekit.servlet.auth.TestIssuer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code $ command} of docs/api.md, run in order with bash and curl against a server
 * started as the page says (the demo store, fresh), answers what the page shows below it: the
 * same status line, the same {@code "status"} of a problem, or the same first line (up to a
 * {@code ...} where the page shortens it). {@code $ADA} and {@code $CAROL} are people's tokens
 * from a local OpenID Connect issuer the server trusts. ETags,
 * request ids and dates differ on every run, so the page keeps them in variables or leaves
 * them out of what this compares.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class ApiDocExamplesTest {

    private static final Path API_DOC = Path.of("../docs/api.md");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3})");
    private static final Pattern PROBLEM_STATUS = Pattern.compile("\"status\":(\\d{3})");

    /** A command the page shows, and the first line it shows the command printing. */
    private record Example(String command, String shown) {
    }

    @Test
    void everyCommandOfApiMdAnswersWhatThePageShows(@TempDir Path work) throws Exception {
        assumeTrue(bash("command -v curl", work).contains("curl"), "the page's commands need curl (.ci/run installs it)");
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThan(10);
        TestIssuer issuer = TestIssuer.start();
        CommandLine launcher = new CommandLine(Settings.of(Map.of("profile.port", "0",
                "profile.api.tokens", "doc-token", "profile.auth.oidc.issuer", issuer.issuer(),
                "profile.auth.oidc.audience", TestIssuer.AUDIENCE)::get), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        ProfileServer server = launcher.serve(false);
        try {
            StringBuilder script = new StringBuilder("TOKEN=doc-token\nADA=" + issuer.token("ada1815") + "\nCAROL="
                    + issuer.token("carol") + "\n");
            for (int i = 0; i < examples.size(); i++) {
                script.append("echo '@@ ").append(i).append("'\n")
                        .append(examples.get(i).command().replace("localhost:8080", "localhost:" + server.port()))
                        .append("\necho\n");
            }
            String[] answers = bash(script.toString(), work).split("@@ \\d+\\n");
            for (int i = 0; i < examples.size(); i++) {
                assertAnswers(examples.get(i), answers[i + 1].strip());
            }
        } finally {
            server.stop();
            issuer.close();
        }
    }

    private static void assertAnswers(Example example, String answer) {
        String shown = example.shown();
        String what = example.command() + "\nanswered\n" + answer;
        Matcher statusLine = STATUS_LINE.matcher(shown);
        Matcher problem = PROBLEM_STATUS.matcher(shown);
        if (shown.isEmpty()) {
            return;
        } else if (statusLine.lookingAt()) {
            assertThat(answer).as(what).startsWith("HTTP/1.1 " + statusLine.group(1));
        } else if (problem.find()) {
            assertThat(answer).as(what).contains("\"status\":" + problem.group(1));
        } else {
            String before = shown.contains("...") ? shown.substring(0, shown.indexOf("...")) : shown;
            assertThat(answer.lines().findFirst().orElse("")).as(what)
                    .startsWith(before.length() > 40 ? before.substring(0, 40) : before);
        }
    }

    /** The page's {@code $} commands and the first line the page shows each printing. */
    private static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        for (DocBlocks.Block block : DocBlocks.blocks(API_DOC)) {
            if (block.isShell()) {
                for (DocBlocks.Command command : DocBlocks.commands(block)) {
                    examples.add(new Example(command.text(), command.shown().isEmpty() ? "" : command.shown().get(0)));
                }
            }
        }
        return examples;
    }

    private static String bash(String script, Path work) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(false)
                .start();
        bash.getOutputStream().close();
        byte[] output = bash.getInputStream().readAllBytes();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8).replace("\r", "");
    }
}
